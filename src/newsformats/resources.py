"""Resources an article points at (images), fetched under a policy the caller sets.

By default only files inside the input's own folder are read, after resolving
``..`` and symbolic links, and nothing is fetched from the network.
"""

from __future__ import annotations

import io
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ResourceError

MAX_IMAGE_BYTES = 25 * 1024 * 1024
IMAGE_TYPES = {
    "JPEG": ("image/jpeg", ".jpg"),
    "PNG": ("image/png", ".png"),
    "GIF": ("image/gif", ".gif"),
    "WEBP": ("image/webp", ".webp"),
}


@dataclass(frozen=True)
class ResourcePolicy:
    """Where an article's resources may come from.

    ``base_dir`` is the input's folder; ``allowed_dirs`` are further folders the
    caller trusts; ``allow_network`` lets http(s) URLs be fetched.
    """

    base_dir: Path = field(default_factory=Path.cwd)
    allowed_dirs: tuple[Path, ...] = ()
    allow_network: bool = False
    timeout: float = 20.0

    def roots(self) -> list[Path]:
        """The folders files may be read from, resolved."""
        return [p.resolve() for p in (self.base_dir, *self.allowed_dirs)]


@dataclass(frozen=True)
class LoadedImage:
    """An image's bytes with what writers need to know about them."""

    data: bytes
    media_type: str
    extension: str
    width: int
    height: int
    origin: str


def resolve_path(src: str, policy: ResourcePolicy) -> Path:
    """Resolve a local reference and refuse anything outside the allowed folders."""
    parsed = urllib.parse.urlsplit(src)
    if parsed.scheme and len(parsed.scheme) > 1 and parsed.scheme != "file":
        raise ResourceError(f"{src!r}: only local files are allowed here")
    raw = urllib.parse.unquote(parsed.path) if parsed.scheme == "file" else src
    candidate = Path(raw)
    if not candidate.is_absolute():
        candidate = policy.base_dir / candidate
        decoded = policy.base_dir / urllib.parse.unquote(raw)
        if not candidate.is_file() and decoded.is_file():
            candidate = decoded  # a relative address written percent-encoded ("Stra%C3%9Fe.jpg")
    resolved = candidate.resolve()
    if not any(resolved.is_relative_to(root) for root in policy.roots()):
        raise ResourceError(
            f"{src!r} is outside the input's folder; "
            "allow its folder explicitly (--allow-path) to use it"
        )
    if not resolved.is_file():
        raise ResourceError(f"{src!r}: no such file")
    return resolved


def load_image(src: str, policy: ResourcePolicy) -> LoadedImage:
    """Read an image under ``policy`` and check that it is a JPEG, PNG, GIF or WebP."""
    scheme = urllib.parse.urlsplit(src).scheme.lower()
    if scheme in ("http", "https"):
        if not policy.allow_network:
            raise ResourceError(
                f"{src!r}: fetching from the network is off; allow it with --allow-network"
            )
        data = _fetch(src, policy.timeout)
    elif scheme in ("", "file") or len(scheme) == 1:
        path = resolve_path(src, policy)
        if path.stat().st_size > MAX_IMAGE_BYTES:
            raise ResourceError(f"{src!r} is larger than {MAX_IMAGE_BYTES // 2**20} MiB")
        data = path.read_bytes()
    else:
        raise ResourceError(f"{src!r}: the {scheme}: scheme is not allowed")
    return _inspect(data, src)


def _fetch(url: str, timeout: float) -> bytes:
    import urllib.request  # only when the network is allowed: it is slow to import

    request = urllib.request.Request(url, headers={"User-Agent": "newsformats"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data: bytes = response.read(MAX_IMAGE_BYTES + 1)
    except OSError as error:
        raise ResourceError(f"{url!r}: could not be fetched ({error})") from None
    if len(data) > MAX_IMAGE_BYTES:
        raise ResourceError(f"{url!r} is larger than {MAX_IMAGE_BYTES // 2**20} MiB")
    return data


def _inspect(data: bytes, origin: str) -> LoadedImage:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            kind = image.format or ""
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as error:
        raise ResourceError(f"{origin!r} is not a readable image ({error})") from None
    if kind not in IMAGE_TYPES:
        raise ResourceError(f"{origin!r}: {kind or 'unknown'} images are not supported")
    media_type, extension = IMAGE_TYPES[kind]
    return LoadedImage(data, media_type, extension, width, height, origin)
