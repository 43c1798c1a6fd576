"""Run WeasyPrint on a page, in this process by default.

Rendering in the caller's process works everywhere: in threads, in a
``multiprocessing.Pool`` worker and in a Dask worker (daemonic processes may
not start children). Untrusted articles end up in the page, and a layout that
loops or asks for a billion pages must not hang a batch: the batch runner
gives each task its time and memory limits and replaces a worker that
overruns. A caller outside such a runner can still ask for
:class:`RenderLimits`; the page is then rendered in a forked child that is
stopped at the limit.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import re
import resource
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from multiprocessing import util as multiprocessing_util
from multiprocessing.connection import Connection
from typing import Any

from weasyprint import CSS
from weasyprint.text.fonts import FontConfiguration

from ..errors import EngineError, NewsformatsError, ResourceError
from ..resources import ResourcePolicy
from .fetcher import RefusedResource, SandboxedFetcher
from .fonts import FAMILY_PREFIX, font_faces

WARM_UP_TEXT = (
    ("en", "Noto Serif", "Warm"),
    ("en", "Noto Sans", "Warm"),
    ("ru", "Noto Serif", "Разогрев"),
    ("fa", "Noto Naskh Arabic", "گرم"),
)
NO_ALT_MESSAGE = 'Image "%s" has no required alt description'  # weasyprint.pdf.tags
DATA_URI = re.compile(r"data:[^\s\"']{40,}")

Prepare = Callable[[Any], None]
"""Called with the laid-out ``weasyprint.Document`` before it is written (metadata)."""
Finisher = Callable[[Any, Any], None]
"""WeasyPrint's finisher: called with the document and the ``pydyf.PDF`` before writing."""


@dataclass(frozen=True)
class RenderLimits:
    """How long and how much memory one rendering in a child process may take."""

    seconds: float | None = 60.0
    memory_bytes: int | None = 4 * 2**30


def render_pdf(
    html: str,
    policy: ResourcePolicy,
    *,
    prepare: Prepare | None = None,
    finisher: Finisher | None = None,
    limits: RenderLimits | None = None,
) -> bytes:
    """Render ``html`` as a tagged PDF/UA-1 document and return its bytes.

    Resources are fetched only as ``policy`` allows (:class:`SandboxedFetcher`).
    A refused resource raises :class:`ResourceError`; a rendering that fails
    raises :class:`EngineError`, and so does one that runs over ``limits``
    (given only by callers that run outside a batch runner's limits).

    >>> render_pdf("<html lang=en><title>T</title><p>Hi", ResourcePolicy())[:8]
    b'%PDF-1.7'
    """
    if limits is None or limits.seconds is None:
        return _render(html, policy, prepare, finisher)
    warm_up()
    receiver, sender = multiprocessing.Pipe(duplex=False)
    context = multiprocessing.get_context("fork")
    child = context.Process(
        target=_child,
        args=(sender, html, policy, prepare, finisher, limits.memory_bytes),
        daemon=True,
    )
    child.start()
    sender.close()
    try:
        if not receiver.poll(limits.seconds):
            raise EngineError(f"rendering the PDF took longer than {limits.seconds:g} s; stopped")
        try:
            outcome, payload = receiver.recv()
        except EOFError:
            child.join(5)
            raise EngineError(
                f"the PDF renderer stopped unexpectedly (exit code {child.exitcode})"
            ) from None
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        receiver.close()
    if outcome == "pdf":
        return bytes(payload)
    if outcome == "refused":
        raise ResourceError(payload)
    raise EngineError(payload)


def font_configuration() -> FontConfiguration:
    """The ``FontConfiguration`` every page of this thread is rendered with: the bundled fonts.

    Made once per thread (Pango's font map is not shared between threads) with
    every bundled face registered, then reused. A configuration per page would
    copy and register each declared face again and start Pango's font caches
    cold: about a third of a one-page rendering. With every face registered up
    front, what a page renders with never depends on the pages before it (the
    page's own ``@font-face`` rules cost a lookup each). A forked child (a
    batch worker) goes on with the first one its parent made, from whichever
    thread it was forked.

    >>> font_configuration() is font_configuration()
    True
    """
    fonts: FontConfiguration | None = getattr(_THREAD, "fonts", None)
    if fonts is None:
        fonts = _inherited()
        if fonts is None:
            fonts = _BundledFonts()
            with _LOCK:
                if not _FIRST:
                    _FIRST.append((os.getpid(), fonts))
        _THREAD.fonts = fonts
    return fonts


_THREAD = threading.local()
_LOCK = threading.Lock()
_FIRST: list[tuple[int, FontConfiguration]] = []
"""The process id and the first configuration made in that process, for children forked from it."""


def _inherited() -> FontConfiguration | None:
    """In a forked child, for its main thread (the one that forked): its parent's configuration.

    No other thread of the parent is left in the child to use it; the child's
    other threads make their own.
    """
    forked = bool(_FIRST) and _FIRST[0][0] != os.getpid()
    if forked and threading.current_thread() is threading.main_thread():
        return _FIRST[0][1]
    return None


class _BundledFonts(FontConfiguration):  # type: ignore[misc]
    """Every bundled face registered; its fonts' temporary copies removed by their process.

    WeasyPrint removes its copies when the configuration is collected. A forked
    child that inherited the configuration must not (its parent still renders
    with them), and a ``multiprocessing`` worker ends without collecting it or
    running ``atexit``: its exit runs ``multiprocessing``'s finalizers instead.
    """

    def __init__(self) -> None:
        super().__init__()
        self._owner: int | None = os.getpid()
        CSS(string=font_faces(), font_config=self, url_fetcher=SandboxedFetcher(ResourcePolicy()))
        multiprocessing_util.Finalize(None, _close, args=(weakref.ref(self),), exitpriority=0)

    def __del__(self) -> None:
        if os.getpid() == getattr(self, "_owner", None):
            self._owner = None  # once: at exit, the finalizer runs before collection
            super().__del__()


def _close(fonts: weakref.ref[_BundledFonts]) -> None:
    """At exit: remove the font copies, and let go of the configuration while Pango is loaded.

    (Collected later, when the interpreter takes its modules down, it crashes.)
    """
    alive = fonts()
    if alive is None:
        return
    alive.__del__()  # removes the copies only in the process that made them
    _FIRST[:] = [first for first in _FIRST if first[1] is not alive]
    if getattr(_THREAD, "fonts", None) is alive:
        del _THREAD.fonts


@cache
def warm_up() -> None:
    """Lay out a small page once in this process, so that forked renderers start warm.

    The bundled fonts are registered (:func:`font_configuration`), and
    Fontconfig, Pango's font map and the fonts' shaping tables loaded here
    (about 0.3 s) instead of in every child.
    """
    from weasyprint import HTML

    page = "".join(
        f'<p lang="{lang}" style="font-family: \'{FAMILY_PREFIX}{family}\'">'
        f"<b>{text}</b> {text}</p>"
        for lang, family, text in WARM_UP_TEXT
    )
    HTML(string=f'<html lang="en"><title>-</title>{page}').write_pdf(
        pdf_variant="pdf/ua-1", font_config=font_configuration()
    )


def _child(
    sender: Connection,
    html: str,
    policy: ResourcePolicy,
    prepare: Prepare | None,
    finisher: Finisher | None,
    memory_bytes: int | None,
) -> None:
    if memory_bytes is not None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    try:
        sender.send(("pdf", _render(html, policy, prepare, finisher)))
    except ResourceError as error:
        sender.send(("refused", str(error)))
    except NewsformatsError as error:
        sender.send(("failed", str(error)))
    except MemoryError:
        sender.send(("failed", "rendering the PDF ran out of memory; stopped"))
    except Exception as error:
        sender.send(("failed", f"the PDF renderer failed: {type(error).__name__}: {error}"))
    finally:
        sender.close()


def _render(
    html: str, policy: ResourcePolicy, prepare: Prepare | None, finisher: Finisher | None
) -> bytes:
    from weasyprint import HTML

    errors = _ErrorLog()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(errors)
    try:
        fonts = font_configuration()
        source = HTML(
            string=html,
            base_url=policy.base_dir.resolve().as_uri() + "/",
            url_fetcher=SandboxedFetcher(policy),
        )
        document = source.render(font_config=fonts, pdf_variant="pdf/ua-1")
        if prepare:
            prepare(document)
        data: bytes = document.write_pdf(pdf_variant="pdf/ua-1", finisher=finisher)
    except RefusedResource as refused:
        raise ResourceError(str(refused)) from None
    finally:
        logger.removeHandler(errors)
    if errors.messages:
        raise EngineError(f"WeasyPrint: {errors.messages[0]}")
    return data


class _ErrorLog(logging.Handler):
    """Collects WeasyPrint's errors (an unreadable image…): they fail the PDF.

    An image without alt text is not one: the article model lets only decorative
    images go without, and :mod:`newsformats.pdf.artifacts` makes those artifacts.
    """

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg == NO_ALT_MESSAGE:
            return
        message = DATA_URI.sub("data:…", record.getMessage())
        self.messages.append(" ".join(message.split()))
