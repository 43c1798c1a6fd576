"""A sandboxed URL fetcher: what WeasyPrint may read while it renders an article."""

from __future__ import annotations

import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from weasyprint.urls import FatalURLFetchingError, URLFetcher

from ..errors import ResourceError
from ..resources import ResourcePolicy, resolve_path
from .fonts import fonts_dir
from .systemfonts import EMOJI_FAMILY, system_face


class RefusedResource(FatalURLFetchingError):  # type: ignore[misc]
    """A resource the policy does not allow; it stops the rendering (WeasyPrint logs others)."""


class SandboxedFetcher(URLFetcher):  # type: ignore[misc]
    """Admit ``data:`` URIs, the bundled fonts and files inside the policy's folders.

    The network only if the policy allows it.

    ``file:`` paths are resolved (``..`` and symbolic links) before they are
    compared with the allowed folders. Anything else raises :class:`RefusedResource`.

    >>> fetcher = SandboxedFetcher(ResourcePolicy(base_dir=Path("examples")))  # doctest: +SKIP
    >>> fetcher.fetch("file:///etc/passwd")                                    # doctest: +SKIP
    Traceback (most recent call last):
    RefusedResource: '/etc/passwd' is outside the input's folder; ...
    """

    def __init__(self, policy: ResourcePolicy) -> None:
        protocols = {"data", "file"} | ({"http", "https"} if policy.allow_network else set())
        super().__init__(
            timeout=policy.timeout,
            allowed_protocols=protocols,
            allow_redirects=False,
            fail_on_errors=True,
        )
        self._policy = policy

    def fetch(self, url: str, headers: Any = None) -> Any:
        """Fetch ``url`` if the policy allows it, else stop the rendering."""
        scheme = urllib.parse.urlsplit(url).scheme.lower()
        if scheme == "file":
            try:
                if not _is_bundled_font(url):
                    resolve_path(url, self._policy)
            except ResourceError as error:
                raise RefusedResource(str(error)) from None
        elif scheme in ("http", "https"):
            if not self._policy.allow_network:
                raise RefusedResource(
                    f"{url!r}: fetching from the network is off; allow it with --allow-network"
                )
        elif scheme != "data":
            raise RefusedResource(f"{url!r}: the {scheme or 'empty'}: scheme is not allowed")
        return super().fetch(url, headers)


def _is_bundled_font(url: str) -> bool:
    """A bundled font file, or the installed emoji font that the page declares (``emoji_face``)."""
    path = Path(urllib.request.url2pathname(urllib.parse.urlsplit(url).path)).resolve()
    if path.parent == fonts_dir().resolve() and path.suffix == ".ttf":
        return True
    emoji = system_face(EMOJI_FAMILY)
    return emoji is not None and path == emoji.path.resolve()
