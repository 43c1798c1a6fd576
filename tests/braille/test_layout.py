"""Braille page layout rules (BANA Braille Formats), on blocks made for each rule."""

from __future__ import annotations

from newsformats.braille.layout import (
    BLANK,
    CELLS,
    LINES,
    MARGIN,
    TEXT_LINES,
    Block,
    centered,
    paginate,
    wrap,
)

WORD = "⠁⠃⠉⠙⠑"  # five cells


def number(n: int) -> str:
    return "⠼" + "⠁⠃⠉⠙⠑⠋⠛⠓⠊"[n - 1]


def text(words: int) -> str:
    return BLANK.join([WORD] * words)


def test_paragraph_is_3_1_and_list_item_1_3() -> None:
    para = wrap(text(20), 2, 0)
    assert para[0].startswith(BLANK * 2 + WORD) and para[1].startswith(WORD)
    item = wrap(text(20), 0, 2)
    assert item[0].startswith(WORD) and item[1].startswith(BLANK * 2 + WORD)
    assert all(len(line) <= CELLS for line in para + item)


def test_centered_heading_keeps_three_blank_cells_each_side() -> None:
    for line in centered(text(12)):
        body = line.strip(BLANK)
        left = len(line) - len(line.lstrip(BLANK))
        assert left >= MARGIN and CELLS - left - len(body) >= MARGIN
        assert abs(left - (CELLS - left - len(body))) <= 1


def test_headline_has_blank_lines_around_it_and_subheading_starts_in_cell_5() -> None:
    blocks = [
        Block("para", "", text(3)),
        Block("centered", "", WORD),
        Block("para", "", text(3)),
        Block("cell5", "", text(10)),
        Block("para", "", text(3)),
    ]
    (page,) = paginate(blocks, number)
    assert page[1] == "" and page[2].strip(BLANK) == WORD and page[3] == ""
    assert page[5] == "" and page[6].startswith(BLANK * 4 + WORD)
    assert page[7].startswith(BLANK * 4 + WORD)  # runover in cell 5 too
    assert page[8].startswith(BLANK * 2 + WORD)  # no blank line after a cell-5 heading


def test_pages_are_25_lines_with_the_number_at_the_right_of_line_25() -> None:
    pages = paginate([Block("para", "", text(6)) for _ in range(40)], number)
    assert len(pages) == 2
    for n, page in enumerate(pages, 1):
        assert len(page) == LINES
        assert page[-1] == BLANK * (CELLS - 2) + number(n)
        assert all(len(line) <= CELLS for line in page)


def test_a_heading_is_never_the_last_line_of_a_page() -> None:
    filler = [Block("para", "", WORD) for _ in range(TEXT_LINES - 2)]
    pages = paginate([*filler, Block("cell5", "", WORD), Block("para", "", text(3))], number)
    assert len(pages) == 2
    assert pages[0][TEXT_LINES - 2 : TEXT_LINES] == ["", ""]
    assert pages[1][0] == BLANK * 4 + WORD  # on line 1, no blank line before it
    assert pages[1][1].startswith(BLANK * 2 + WORD)
