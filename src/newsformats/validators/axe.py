"""axe-core in Debian's Chromium (through Playwright): WCAG checks of rendered pages.

One :class:`AxeRunner` starts one headless Chromium and checks many pages.
It keeps one browser context and tab per colour scheme, with axe-core
registered once as an init script, so each further page costs one
navigation and one ``axe.run`` (about 0.1 s instead of 0.6 s with a fresh
context and a script injection per page). Pages load from ``file://`` URLs;
every other request is aborted.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Self

from newsformats.validators import Severity, ValidatorMessage, ValidatorUnavailable, _tools

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Playwright, Route

TOOL = "axe"
AXE_JS = "node_modules/axe-core/axe.min.js"
DEFAULT_TAGS: tuple[str, ...] = (
    "wcag2a",
    "wcag2aa",
    "wcag21a",
    "wcag21aa",
    "wcag22aa",
    "best-practice",
)
ColorScheme = Literal["light", "dark"]

_RUN_AXE = """
async (tags) => {
  await document.fonts.ready;
  const results = await axe.run(document, {
    runOnly: { type: "tag", values: tags },
    resultTypes: ["violations"],
  });
  return results.violations;
}
"""


def axe_js() -> Path:
    """Return the path of ``axe.min.js`` or raise :class:`ValidatorUnavailable`."""
    return _tools.tool_file(AXE_JS, "axe-core (npm axe-core)")


def ensure_available() -> None:
    """Raise :class:`ValidatorUnavailable` unless Playwright, Chromium and axe-core are here."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        raise ValidatorUnavailable(
            "the Python package playwright is missing", "pip install -e '.[test]'"
        ) from exc
    _tools.chromium()
    axe_js()


def impact_severity(impact: str | None) -> Severity:
    """Map an axe/Ace impact to a severity: critical/serious are errors, the rest warnings."""
    return "error" if impact in ("critical", "serious") else "warning"


def _only_files(route: Route) -> None:
    if route.request.url.startswith("file:"):
        route.continue_()
    else:
        route.abort("blockedbyclient")


class AxeRunner:
    """One headless Chromium running axe-core on many local pages.

    Use as a context manager::

        with AxeRunner() as axe:
            problems = axe.check(Path("out/article.html"))
            problems += axe.check(Path("out/article.html"), color_scheme="dark")
    """

    def __init__(self, *, chromium: str | None = None, timeout_ms: float = 60_000) -> None:
        ensure_available()
        self._chromium = chromium or _tools.chromium()
        self._timeout_ms = timeout_ms
        self._axe_source = axe_js().read_text(encoding="utf-8")
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        self._tabs: dict[ColorScheme, tuple[BrowserContext, Page]] = {}

    def __enter__(self) -> Self:
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(
                executable_path=self._chromium,
                headless=True,
                args=list(_tools.CHROMIUM_FLAGS),
                timeout=self._timeout_ms,
            )
        except BaseException:
            self._playwright.stop()
            self._playwright = None
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the browser and stop Playwright (safe to call twice)."""
        for scheme in list(self._tabs):
            self._drop_tab(scheme)
        if self._browser is not None:
            self._browser.close()
            self._browser = None
        if self._playwright is not None:
            self._playwright.stop()
            self._playwright = None

    def _tab(self, scheme: ColorScheme) -> Page:
        if scheme not in self._tabs:
            if self._browser is None:
                raise RuntimeError("AxeRunner.check() called outside its 'with' block")
            context = self._browser.new_context(color_scheme=scheme, bypass_csp=True)
            context.set_default_timeout(self._timeout_ms)
            context.route("**/*", _only_files)
            context.add_init_script(script=self._axe_source)
            self._tabs[scheme] = (context, context.new_page())
        return self._tabs[scheme][1]

    def _drop_tab(self, scheme: ColorScheme) -> None:
        context, _ = self._tabs.pop(scheme)
        context.close()

    def check(
        self,
        path: Path,
        tags: Sequence[str] = DEFAULT_TAGS,
        *,
        color_scheme: ColorScheme = "light",
    ) -> list[ValidatorMessage]:
        """Run axe-core on the page at ``path``; return one message per violating node.

        ``color_scheme="dark"`` emulates ``prefers-color-scheme: dark`` so the
        page's dark-mode CSS is what gets checked (colour contrast above all).
        """
        if not Path(path).is_file():
            raise FileNotFoundError(path)
        page = self._tab(color_scheme)
        try:
            page.goto(Path(path).resolve().as_uri(), wait_until="load")
            violations: list[dict[str, Any]] = page.evaluate(_RUN_AXE, list(tags))
        except BaseException:
            self._drop_tab(color_scheme)  # never reuse a tab in an unknown state
            raise
        return _messages(violations, str(path), color_scheme)


def _messages(
    violations: list[dict[str, Any]], file: str, color_scheme: ColorScheme
) -> list[ValidatorMessage]:
    scheme = " (dark colour scheme)" if color_scheme == "dark" else ""
    messages: list[ValidatorMessage] = []
    for violation in violations:
        for node in violation.get("nodes", []):
            target = node.get("target") or []
            location = " ".join(
                " >>> ".join(part) if isinstance(part, list) else str(part) for part in target
            )
            summary = " ".join(str(node.get("failureSummary") or "").split())
            messages.append(
                ValidatorMessage(
                    tool=TOOL,
                    file=file,
                    severity=impact_severity(node.get("impact") or violation.get("impact")),
                    rule=str(violation.get("id")),
                    message=f"{violation.get('help')}{scheme}: {summary}",
                    location=location or None,
                )
            )
    return messages
