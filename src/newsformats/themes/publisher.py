"""A publisher's theme folder (``--theme DIR``): CSS, a logo and header/footer blocks.

The folder may hold::

    theme.css              appended after the built-in stylesheet of every format
    screen.css print.css epub.css   appended after theme.css for that format only
    header.html footer.html         HTML fragments for the page's banner and footer
    theme.toml             [logo] file = "logo.svg", alt = "Example Daily"

Everything is treated as untrusted: fragments are sanitised (nh3, an allow-list
of tags and attributes; no scripts, styles or event handlers), CSS may not
``@import`` or load ``url()``s other than ``data:`` (no file or network access),
and every file has a size limit.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import UsageError

MEDIA = ("screen", "print", "epub")
MAX_CSS = 512 * 1024
MAX_FRAGMENT = 64 * 1024
MAX_LOGO = 1024 * 1024
LOGO_TYPES = {
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
}
FRAGMENT_TAGS = {
    "a", "abbr", "b", "br", "div", "em", "i", "li", "nav", "ol", "p", "small", "span",
    "strong", "time", "ul",
}  # fmt: skip
FRAGMENT_ATTRIBUTES = {
    "*": {"class", "lang", "dir", "title", "aria-label"},
    "a": {"href", "hreflang"},
    "time": {"datetime"},
    "abbr": {"title"},
}
URL_IN_CSS = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Theme:
    """A loaded theme: CSS per medium, sanitised blocks and the logo as a ``data:`` URI."""

    folder: Path
    css: dict[str, str]
    header: str | None = None
    footer: str | None = None
    logo_uri: str | None = None
    logo_alt: str = ""


def load_theme(folder: Path) -> Theme:
    """Read and check a theme folder; ``UsageError`` names the file and what is wrong.

    >>> load_theme(Path("themes/example-daily")).css["screen"]  # doctest: +SKIP
    ':root { --nf-link: #7a0019; } ...'
    """
    if not folder.is_dir():
        raise UsageError("the theme is not a folder", file=folder)
    common = _css(folder / "theme.css")
    css = {medium: common + _css(folder / f"{medium}.css") for medium in MEDIA}
    settings = _settings(folder / "theme.toml")
    logo_uri, logo_alt = _logo(folder, settings)
    return Theme(
        folder=folder,
        css=css,
        header=_fragment(folder / "header.html"),
        footer=_fragment(folder / "footer.html"),
        logo_uri=logo_uri,
        logo_alt=logo_alt,
    )


def theme_css(folder: Path | None, medium: str) -> str:
    """The theme's CSS for ``medium`` (``screen``, ``print``, ``epub``); "" without a theme.

    >>> theme_css(None, "screen")
    ''
    """
    return load_theme(folder).css[medium] if folder is not None else ""


def apply_theme_blocks(page: etree._Element, folder: Path | None) -> None:
    """Put the theme's logo and header block in the page's banner and its footer block in
    the page's footer, making either landmark when the page has none.
    """
    if folder is None:
        return
    theme = load_theme(folder)
    body = page.find("body")
    if body is None:
        return
    if theme.header or theme.logo_uri:
        banner = body.find("header")
        if banner is None:
            banner = etree.Element("header", {"class": "nf-site-header"})
            main = body.find("main")
            (main.addprevious(banner) if main is not None else body.insert(0, banner))
        banner.set("class", f"{banner.get('class', '')} nf-theme-header".strip())
        position = 0
        if theme.logo_uri:
            logo = etree.Element("img", {"class": "nf-logo", "src": theme.logo_uri})
            logo.set("alt", theme.logo_alt)
            banner.insert(0, logo)
            position = 1
        for node in _nodes(theme.header):
            banner.insert(position, node)
            position += 1
    if theme.footer:
        footer = body.find("footer")
        if footer is None:
            footer = etree.SubElement(body, "footer", {"class": "nf-site-footer"})
        footer.set("class", f"{footer.get('class', '')} nf-theme-footer".strip())
        for node in _nodes(theme.footer):
            footer.append(node)


def _read(path: Path, limit: int) -> bytes | None:
    if not path.is_file():
        return None
    if path.stat().st_size > limit:
        raise UsageError(f"larger than {limit // 1024} KB", file=path)
    return path.read_bytes()


def _css(path: Path) -> str:
    data = _read(path, MAX_CSS)
    if data is None:
        return ""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError("the stylesheet is not UTF-8", file=path) from None
    if "@import" in text.lower():
        raise UsageError("a theme stylesheet may not @import other files", file=path)
    for match in URL_IN_CSS.finditer(text):
        if not match.group(2).strip().lower().startswith("data:"):
            line = text.count("\n", 0, match.start()) + 1
            raise UsageError(
                f"url({match.group(2)!r}): a theme stylesheet may use only data: URLs",
                file=path,
                line=line,
            )
    return "\n" + text


def _settings(path: Path) -> dict[str, object]:
    data = _read(path, MAX_FRAGMENT)
    if data is None:
        return {}
    import tomllib  # only for a theme: a page without one does not pay for it

    try:
        return tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UsageError(f"not valid TOML: {error}", file=path) from None


def _logo(folder: Path, settings: dict[str, object]) -> tuple[str | None, str]:
    logo = settings.get("logo")
    if logo is None:
        return None, ""
    if not isinstance(logo, dict) or not isinstance(logo.get("file"), str):
        raise UsageError('[logo] needs file = "…" and alt = "…"', file=folder / "theme.toml")
    if not isinstance(logo.get("alt"), str):
        raise UsageError(
            '[logo] needs alt = "…" (the text the logo shows; "" if it shows none)',
            file=folder / "theme.toml",
        )
    path = (folder / logo["file"]).resolve()
    if not path.is_relative_to(folder.resolve()):
        raise UsageError("the logo must be inside the theme folder", file=folder / "theme.toml")
    media_type = LOGO_TYPES.get(path.suffix.lower())
    if media_type is None:
        raise UsageError(f"a logo is one of {', '.join(LOGO_TYPES)}", file=path)
    data = _read(path, MAX_LOGO)
    if data is None:
        raise UsageError("no such logo file", file=path)
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}", logo["alt"]


def _fragment(path: Path) -> str | None:
    data = _read(path, MAX_FRAGMENT)
    if data is None:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError("the fragment is not UTF-8", file=path) from None
    import nh3  # only for a theme's fragments

    clean = nh3.clean(
        text,
        tags=FRAGMENT_TAGS,
        attributes=FRAGMENT_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
    )
    return clean.strip() or None


def _nodes(fragment: str | None) -> list[etree._Element]:
    if not fragment:
        return []
    from lxml import html  # only for a theme's fragments

    parser = html.HTMLParser(no_network=True, huge_tree=False, remove_comments=True)
    block: etree._Element = html.fragment_fromstring(fragment, create_parent="div", parser=parser)
    block.set("class", "nf-theme-block")
    return [block]
