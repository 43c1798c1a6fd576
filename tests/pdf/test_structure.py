"""The PDF read back: tags, language, title, figure alt text, headings, fonts, bookmarks."""

from __future__ import annotations

import pikepdf
from lxml import html
from pdf_read import Rendered, element_text, fonts, marked_text, squeeze, struct_elements, tags


def test_pdf_is_tagged(each_language: Rendered) -> None:
    pdf = each_language.open()
    assert "/StructTreeRoot" in pdf.Root
    assert bool(pdf.Root.MarkInfo.Marked) is True
    assert tags(pdf)[0] == "/Document"


def test_lang_is_the_articles_language(each_language: Rendered) -> None:
    assert str(each_language.open().Root.Lang) == each_language.article.language


def test_title_is_the_headline_shown_as_window_title(each_language: Rendered) -> None:
    pdf = each_language.open()
    assert str(pdf.docinfo.Title) == each_language.article.headline
    assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True


def test_photo_is_a_figure_with_the_alt_text_of_the_html(each_language: Rendered) -> None:
    assert each_language.html_path is not None
    page = html.parse(str(each_language.html_path))
    html_alts = [img.get("alt") for img in page.iter("img")]
    pdf = each_language.open()
    figure_alts = [str(e.Alt) for e in struct_elements(pdf) if e.get("/S") == "/Figure"]
    assert figure_alts == html_alts
    assert html_alts or not each_language.article.images


def test_caption_follows_its_figure_in_one_group(outputs: dict[str, Rendered]) -> None:
    pdf = outputs["english"].open()
    figure = next(e for e in struct_elements(pdf) if e.get("/S") == "/Figure")
    group = figure.P
    assert group.S == "/Div"
    assert [str(kid.S) for kid in group.K] == ["/Figure", "/Caption"]


def test_decorative_image_is_an_artifact_and_placeholder_a_figure(
    outputs: dict[str, Rendered],
) -> None:
    pdf = outputs["decorated"].open()
    figures = [e for e in struct_elements(pdf) if e.get("/S") == "/Figure"]
    assert [str(f.Alt) for f in figures] == ["A map of the valley"]
    assert not [e for e in struct_elements(pdf) if "/K" in e and len(e.K) == 0]
    drawn_as_artifact = []
    for page in pdf.pages:
        inside: list[str] = []
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) in ("BDC", "BMC"):
                inside.append(str(operands[0]))
            elif str(operator) == "EMC":
                inside.pop()
            elif str(operator) == "Do":
                drawn_as_artifact.append("/Artifact" in inside)
    # The photo is the one image XObject (the placeholder SVG is drawn as paths).
    assert drawn_as_artifact == [True]


def test_first_heading_is_h1_with_the_headline(each_language: Rendered) -> None:
    pdf = each_language.open()
    headings = [e for e in struct_elements(pdf) if str(e.get("/S", ""))[:2] == "/H"]
    assert headings[0].S == "/H1"
    assert sum(1 for h in headings if h.S == "/H1") == 1
    text = element_text(pdf, headings[0], marked_text(each_language.pdf_path))
    if each_language.article.text_direction == "ltr":
        assert squeeze(text) == squeeze(each_language.article.headline)
    else:  # pdfminer reads right-to-left glyphs in visual order
        assert sorted(squeeze(text)) == sorted(squeeze(each_language.article.headline))


def test_every_font_is_embedded(each_language: Rendered) -> None:
    pdf = each_language.open()
    used = fonts(pdf)
    assert used
    for font in used:
        descriptor = font.FontDescriptor
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font


def test_arabic_script_is_set_in_noto_naskh(outputs: dict[str, Rendered]) -> None:
    pdf = outputs["persian"].open()
    names = [str(font.BaseFont) for font in fonts(pdf)]
    assert any("Noto-Naskh-Arabic" in name for name in names), names


def test_bookmarks_follow_the_headings(outputs: dict[str, Rendered]) -> None:
    pdf = outputs["heatwave"].open()
    with pdf.open_outline() as outline:
        titles = [item.title for item in outline.root]
        children = [child.title for child in outline.root[0].children]
    assert titles == ["Heat Wave Grips Central Asia As Temperatures Pass 45 Degrees"]
    assert children == ["Advice for residents"]


def test_one_article_and_one_part_across_pages(outputs: dict[str, Rendered]) -> None:
    pdf = outputs["long"].open()
    assert len(pdf.pages) > 10
    found = tags(pdf)
    assert found.count("/Art") == 1
    assert found.count("/Part") == 1
    paragraphs = [e for e in struct_elements(pdf) if e.get("/S") == "/P"]
    assert len(paragraphs) == len(outputs["long"].article.paragraphs)


def test_foreign_words_carry_their_language(outputs: dict[str, Rendered]) -> None:
    rendered = outputs["russian"]
    pdf = rendered.open()
    text = marked_text(rendered.pdf_path)
    marked = [
        (str(e.Lang), element_text(pdf, e, text)) for e in struct_elements(pdf) if "/Lang" in e
    ]
    assert marked == [("en", "a new Great Game")]


def test_abbreviation_carries_its_expansion(outputs: dict[str, Rendered]) -> None:
    pdf = outputs["russian"].open()
    expansions = [str(e.E) for e in struct_elements(pdf) if "/E" in e]
    assert expansions == ["Организация Договора о коллективной безопасности"]


def test_links_have_an_alternate_description(outputs: dict[str, Rendered]) -> None:
    pdf = outputs["russian"].open()
    annotations = [a for page in pdf.pages for a in page.get("/Annots", [])]
    assert [str(a.Contents) for a in annotations] == ["сайте организации (Сайт примера)"]
    links = [e for e in struct_elements(pdf) if e.get("/S") == "/Link"]
    assert len(links) == 1
    assert any(kid.get("/Type") == "/OBJR" for kid in links[0].K if not isinstance(kid, int))


def test_running_header_and_page_numbers_are_artifacts(outputs: dict[str, Rendered]) -> None:
    rendered = outputs["english"]
    text = marked_text(rendered.pdf_path)
    artifacts = text.get("artifact", "")
    assert "Page 2 of 3" in artifacts
    assert "RFE/RL" in artifacts
    tagged = "".join(v for k, v in text.items() if isinstance(k, tuple))
    assert "Page" not in tagged.replace("page", "")
    assert not text.get(None, "").strip(), "text outside marked content"


def test_parent_tree_points_only_at_elements_in_the_tree(outputs: dict[str, Rendered]) -> None:
    pdf = outputs["english"].open()
    in_tree = {e.objgen for e in struct_elements(pdf)}
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    for index in range(1, len(nums), 2):
        entries = nums[index] if isinstance(nums[index], pikepdf.Array) else [nums[index]]
        for entry in entries:
            assert entry is None or entry.objgen in in_tree


def test_xmp_metadata_describes_the_article(outputs: dict[str, Rendered]) -> None:
    rendered = outputs["russian"]
    pdf = rendered.open()
    meta = pdf.open_metadata()
    assert meta["pdfuaid:part"] == "1"
    assert meta["dc:title"] == rendered.article.headline
    assert meta["dc:language"] == {"ru"}
    assert meta["dc:creator"] == ["Анна Петрова", "Фаррух Юсупов"]
    assert meta["xmp:CreateDate"].startswith("2021-09-16T12:00:00")
    assert meta["pdf:Producer"] == str(pdf.docinfo.Producer)


def test_page_size_is_a4_by_default_and_letter_on_request(outputs: dict[str, Rendered]) -> None:
    def size(rendered: Rendered) -> list[int]:
        pdf = rendered.open()
        return [round(float(v)) for v in pdf.pages[0].MediaBox]

    assert size(outputs["heatwave"]) == [0, 0, 595, 842]
    assert size(outputs["letter"]) == [0, 0, 612, 792]
