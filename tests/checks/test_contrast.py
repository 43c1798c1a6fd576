"""Contrast from the page's own CSS: custom properties, dark mode, large text, AAA."""

from __future__ import annotations

from pathlib import Path

from lxml import html

from newsformats import check
from newsformats.checks.contrast import contrast_ratio, text_contrasts


def page(tmp_path: Path, css: str, body: str = '<p id="t">Text</p>') -> Path:
    path = tmp_path / "page.html"
    path.write_text(
        f'<html lang="en"><head><title>T</title><style>{css}</style></head><body>'
        f'<a href="#main">Skip</a><main id="main"><h1>T</h1>{body}</main></body></html>'
    )
    return path


def contrast_findings(path: Path, level: str = "AA") -> list[str]:
    report = check([path], level=level)  # type: ignore[arg-type]
    return [f.message for f in report.findings if f.rule.startswith("html-contrast")]


def test_ratio_of_known_pairs() -> None:
    assert round(contrast_ratio((0, 0, 0, 1), (1, 1, 1, 1)), 2) == 21.0
    grey = 0x76 / 255
    assert round(contrast_ratio((grey, grey, grey, 1), (1, 1, 1, 1)), 2) == 4.54


def test_dark_scheme_rules_are_judged(tmp_path: Path) -> None:
    css = (
        ":root { --text: #111; --bg: #fff; } body { color: var(--text); background: var(--bg); }"
        "@media (prefers-color-scheme: dark) { :root { --text: #444; --bg: #222; } }"
    )
    messages = contrast_findings(page(tmp_path, css))
    assert messages
    assert all(m.startswith("dark scheme: ") for m in messages)
    assert any("#444444 on #222222" in m for m in messages)


def test_var_fallback_and_important(tmp_path: Path) -> None:
    css = "p { color: var(--missing, #bbb) !important; } #t { color: #000; }"
    assert contrast_findings(page(tmp_path, css))


def test_large_text_needs_only_3_to_1(tmp_path: Path) -> None:
    css = "body { background: #fff; } .big { color: #8a8a8a; font-size: 2rem; }"
    body = '<p class="big">Large</p>'
    assert contrast_findings(page(tmp_path, css, body)) == []
    assert contrast_findings(page(tmp_path, css.replace("2rem", "1rem"), body))


def test_aaa_level_is_stricter(tmp_path: Path) -> None:
    path = page(tmp_path, "p { color: #666; }")  # 5.74:1: passes AA, fails AAA
    assert contrast_findings(path) == []
    messages = contrast_findings(path, level="AAA")
    assert messages and "needs 7:1" in messages[0]


def test_translucent_background_is_composited(tmp_path: Path) -> None:
    css = "body { background: #000; } p { background: rgba(255, 255, 255, 0.5); color: #fff; }"
    assert contrast_findings(page(tmp_path, css))


def test_hidden_text_and_background_images_are_skipped() -> None:
    root = html.fromstring(
        '<html><body><p style="display:none;color:#eee">x</p>'
        '<p style="background:url(a.png);color:#eee">y</p></body></html>'
    )
    assert list(text_contrasts(root, [])) == []


def test_media_query_without_spaces(tmp_path: Path) -> None:
    css = "p { color: #111; } @media (prefers-color-scheme:dark) { p { color: #222; } }"
    messages = contrast_findings(page(tmp_path, css))
    assert messages and messages[0].startswith("dark scheme:")
