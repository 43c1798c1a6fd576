"""Every validator is installed here, and a missing one says how to install it."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsformats.validators import (
    INSTALL_HINT,
    ValidatorMessage,
    ValidatorUnavailable,
    available_validators,
    nu,
)


def test_every_validator_is_available() -> None:
    missing = {name: why for name, why in available_validators().items() if why is not None}
    assert missing == {}, f"install the validators with: {INSTALL_HINT}"
    assert set(available_validators()) == {"nu", "axe", "epubcheck", "ace"}


def test_missing_tools_raise_with_the_install_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("NEWSFORMATS_TOOLS_DIR", str(tmp_path))
    with pytest.raises(ValidatorUnavailable, match=r"install-tools\.sh"):
        nu.check_html([Path(__file__)])
    reasons = available_validators()
    assert reasons["nu"] is not None and "vnu-jar" in reasons["nu"]
    assert reasons["ace"] is not None and "install-tools.sh" in reasons["ace"]


def test_message_reads_as_one_line() -> None:
    message = ValidatorMessage("nu", "a.html", "error", "error", "Bad thing.", "3:4")
    assert str(message) == "a.html: 3:4: error [nu error] Bad thing."
