"""One family of exceptions, each able to say which file and where."""

from __future__ import annotations

from pathlib import Path


class NewsformatsError(Exception):
    """Base of every error newsformats raises on purpose.

    ``str(error)`` is one line a person can act on, e.g.
    ``article.json:12:5: body[3].type: unknown block type 'table'``.
    """

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = str(file) if file is not None else None
        self.line = line
        self.column = column

    def __str__(self) -> str:
        place = ""
        if self.file is not None:
            place = self.file
            if self.line is not None:
                place += f":{self.line}"
                if self.column is not None:
                    place += f":{self.column}"
            place += ": "
        return place + " ".join(self.message.split())

    def located(self, file: str | Path) -> NewsformatsError:
        """Return the same error, naming ``file`` when it named none."""
        if self.file is None:
            self.file = str(file)
        return self


class InputError(NewsformatsError):
    """The input cannot be read as an article: bad bytes, bad syntax, bad fields."""

    exit_code = 2


class UsageError(NewsformatsError):
    """The caller asked for something that cannot be done as asked."""

    exit_code = 2


class ResourceError(InputError):
    """A resource the input points at (an image, a stylesheet) is refused or missing."""


class EngineError(NewsformatsError):
    """An external engine (renderer, speech engine, validator) failed."""

    exit_code = 1
