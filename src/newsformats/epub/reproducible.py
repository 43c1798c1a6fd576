"""What makes the same input give the same EPUB bytes: identifiers, dates, zip layout."""

from __future__ import annotations

import io
import os
import shutil
import uuid
import zipfile
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from ..errors import UsageError
from ..model import Article

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://newsformats.invalid/epub")
FALLBACK_MODIFIED = datetime(1980, 1, 1, tzinfo=UTC)
# The latest moment a zip entry can carry (its year is 7 bits from 1980).
LAST_ZIP_MOMENT = datetime(2107, 12, 31, 23, 59, 58, tzinfo=UTC)
"""The date of a book whose articles carry none and when SOURCE_DATE_EPOCH is unset."""


def article_key(article: Article) -> str:
    """What names an article for ever: its canonical URL, else its id, else its text.

    >>> article_key(Article(headline="Hi", language="en", body=["x"], id="rfe-31462031"))
    'id:rfe-31462031'
    """
    if article.canonical_url:
        return f"url:{article.canonical_url}"
    if article.id:
        return f"id:{article.id}"
    return "content:" + article.model_dump_json(exclude={"model_version"})


def book_identifier(articles: Sequence[Article], title: str | None = None) -> str:
    """A ``urn:uuid`` (version 5) derived from the articles, never random.

    One article keeps the same identifier across updates when it has a canonical
    URL or an id; an edition's identifier comes from its title and its articles.

    >>> book_identifier([Article(headline="Hi", language="en", body=["x"], id="a1")])
    'urn:uuid:1021a807-56e0-5c6c-a4d9-c93959b94d49'
    """
    keys = [article_key(a) for a in articles]
    if title is not None:
        keys.insert(0, f"edition:{title}")
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, chr(10).join(keys))}"


def modified_date(articles: Sequence[Article]) -> datetime:
    """The book's ``dcterms:modified``, in UTC, from the content and never from the clock.

    The latest ``updated`` or ``published`` date of the articles; else
    ``SOURCE_DATE_EPOCH``; else 1980-01-01 (the earliest date a zip entry can carry).

    >>> modified_date([Article(headline="Hi", language="en", body=["x"],
    ...                        published="2021-09-16T12:00:00+05:00")]).isoformat()
    '2021-09-16T07:00:00+00:00'
    """
    dates = [d for a in articles for d in (a.updated, a.published) if d is not None]
    if dates:
        return max(dates).astimezone(UTC).replace(microsecond=0)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC)
        except (ValueError, OverflowError, OSError):
            raise UsageError(
                f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds since 1970"
            ) from None
    return FALLBACK_MODIFIED


def normalise_zip(
    data: bytes, moment: datetime, transform: Callable[[str, bytes], bytes] | None = None
) -> bytes:
    """Rewrite an EPUB zip so that it depends only on its content.

    Every entry gets the same timestamp (``moment``), the same permissions and
    the same compression, in the order written; ``mimetype`` stays first and
    stored, as the OCF specification requires. ``transform(name, data)`` may
    rewrite an entry on the way.

    >>> normalise_zip(epub_bytes, datetime(2021, 9, 16, tzinfo=UTC))  # doctest: +SKIP
    b'PK...'
    """
    target = io.BytesIO()
    write_normalised_zip(data, moment, target, transform)
    return target.getvalue()


def write_normalised_zip(
    data: bytes,
    moment: datetime,
    out: BinaryIO,
    transform: Callable[[str, bytes], bytes] | None = None,
    streamed: Mapping[str, Path] | None = None,
) -> None:
    """:func:`normalise_zip` into a file; entries named in ``streamed`` are copied from files.

    A streamed entry (a long MP3) is copied in chunks and stored uncompressed,
    so the book never holds it in memory.
    """
    # A date outside the zip's range (a feed's "3013-07-07") cannot be an entry's timestamp.
    stamp = min(max(moment.astimezone(UTC), FALLBACK_MODIFIED), LAST_ZIP_MOMENT).timetuple()[:6]
    streamed = streamed or {}
    source = zipfile.ZipFile(io.BytesIO(data))
    # A book with nothing streamed is small: made in memory, it reaches ``out`` in one
    # write instead of the small writes and seeks zipfile makes for each entry.
    memory = None if streamed else io.BytesIO()
    with zipfile.ZipFile(memory or out, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            if entry.filename in streamed:
                info.compress_type = zipfile.ZIP_STORED
                with streamed[entry.filename].open("rb") as file, target.open(info, "w") as dest:
                    shutil.copyfileobj(file, dest, 2**20)
                continue
            stored = entry.filename == "mimetype"
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            content = source.read(entry)
            if transform is not None:
                content = transform(entry.filename, content)
            target.writestr(info, content, compresslevel=None if stored else 9)
    if memory is not None:
        out.write(memory.getbuffer())
