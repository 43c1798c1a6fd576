"""Article-input rules on small inputs written in the test."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import EXAMPLES
from newsformats import check


def rules(path: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for finding in check([path]).findings:
        found.setdefault(finding.rule, []).append(finding.message)
    return found


def write(tmp_path: Path, data: dict[str, object]) -> Path:
    path = tmp_path / "article.json"
    path.write_text(json.dumps(data))
    return path


def test_examples_have_no_findings() -> None:
    inputs = [
        EXAMPLES / n
        for n in ("csto-sco-afghanistan.txt", "election-explainer.md", "heatwave-update.json")
    ]
    assert check(inputs).findings == ()


def test_derived_alt_and_missing_credit(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        {
            "headline": "Leaders meet in Dushanbe",
            "language": "en",
            "lead_image": {"caption": "Leaders pose for a photograph. More text."},
            "body": ["Text."],
        },
    )
    found = rules(path)
    assert "derived from the caption" in found["article-alt-derived"][0]
    assert found["article-image-caption"] == ["the image has no credit"]


def test_headline_in_capitals(tmp_path: Path) -> None:
    path = write(
        tmp_path, {"headline": "LEADERS MEET IN DUSHANBE", "language": "en", "body": ["Text."]}
    )
    assert "article-headline-caps" in rules(path)


def test_missing_language_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, {"headline": "Leaders meet", "body": ["Text."]})
    report = check([path])
    assert [(f.rule, f.severity) for f in report.findings] == [("article-language", "error")]


def test_guessed_language_of_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(
        "Leaders meet in Dushanbe\n\nRussia and its Central Asian allies have launched two days of "
        "talks in the Tajik capital to discuss the situation in Afghanistan.\n"
    )
    assert "was guessed ('en')" in rules(path)["article-language-guessed"][0]


def test_unreadable_input(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{not json")
    assert list(rules(path)) == ["article-readable"]
