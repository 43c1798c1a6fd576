"""Language tags: well-formedness, text direction, detection from text.

Every choice of an undeclared language lives here, for every reader: the identifier's
guess (:func:`detect_language`), its doubt of a told one (:func:`reads_otherwise`), the
guess from headings and labels alone (:func:`language_of_labels`) and the pick among close
languages by the words of their packs (:func:`close_language`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from .cachedir import default_cache_dir

# RFC 5646 well-formed tags, without the grandfathered and private-use-only forms.
_BCP47 = re.compile(
    r"""^
    (?P<language>[A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})
    (-(?P<script>[A-Za-z]{4}))?
    (-(?P<region>[A-Za-z]{2}|[0-9]{3}))?
    (-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*
    (-[0-9A-WY-Za-wy-z](-[A-Za-z0-9]{2,8})+)*
    (-x(-[A-Za-z0-9]{1,8})+)?
    $""",
    re.VERBOSE,
)

_RTL_SCRIPTS = {"Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg", "Mand", "Samr"}
# Languages whose CLDR locale is missing from Babel but which are written right to left.
_RTL_LANGUAGES = {"prs", "pbt", "pbu", "ydd", "glk", "mzn", "bal", "bqi", "lrc"}

# Languages written in another script than their CLDR default in some regions are
# covered by the script subtag (uz-Arab, pa-Arab); without one, CLDR decides.


def is_well_formed_tag(tag: str) -> bool:
    """Say whether ``tag`` is a well-formed BCP 47 language tag."""
    return bool(_BCP47.match(tag))


def is_valid_tag(tag: str) -> bool:
    """Say whether ``tag`` is a valid BCP 47 tag: well formed, every subtag in the IANA registry.

    >>> [is_valid_tag(t) for t in ("fa-AF", "uz-Cyrl", "english", "xx-QQ")]
    [True, True, False, False]
    """
    import langcodes

    return is_well_formed_tag(tag) and bool(langcodes.tag_is_valid(tag))


def tag_problem(tag: str) -> str | None:
    """Why ``tag`` is not a valid language tag, in one sentence, or None when it is.

    >>> tag_problem("English")
    "'English' is not a BCP 47 language tag in the IANA registry (did you mean 'en'?)"
    """
    if is_valid_tag(tag):
        return None
    hint = _tag_for_name(tag)
    advice = f"did you mean {hint!r}?" if hint else "use one such as 'en', 'ru' or 'fa-AF'"
    return f"{tag!r} is not a BCP 47 language tag in the IANA registry ({advice})"


@lru_cache(maxsize=1)
def _language_names() -> dict[str, str]:
    from babel import Locale

    english = Locale.parse("en").languages
    return {str(name).casefold(): code for code, name in english.items() if "_" not in code}


def _tag_for_name(name: str) -> str | None:
    return _language_names().get(name.strip().casefold())


def primary_language(tag: str) -> str:
    """Return the primary language subtag in lower case: ``'fa'`` for ``'fa-AF'``."""
    return tag.split("-", 1)[0].lower()


@lru_cache(maxsize=256)
def direction_of(tag: str) -> Literal["ltr", "rtl"]:
    """Return the writing direction of a language tag, from its script or from CLDR.

    >>> direction_of("fa-AF"), direction_of("ru"), direction_of("uz-Arab")
    ('rtl', 'ltr', 'rtl')
    """
    match = _BCP47.match(tag)
    script = match.group("script") if match else None
    if script:
        return "rtl" if script.title() in _RTL_SCRIPTS else "ltr"
    if primary_language(tag) in _RTL_LANGUAGES:
        return "rtl"
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        try:
            locale = Locale.parse(primary_language(tag))
        except (UnknownLocaleError, ValueError):
            return "ltr"
    return "rtl" if locale.character_order == "right-to-left" else "ltr"


def detect_language(text: str, min_probability: float = 0.5) -> str | None:
    """Guess the language of ``text`` (an ISO 639-1 code), or None when unsure (the
    identifier's probability under ``min_probability``).

    >>> detect_language("Russia and its Central Asian allies have launched two days of talks")
    'en'
    """
    # Markup and addresses say nothing about the language of the prose around them.
    text = re.sub(r"<[^<>]{0,200}>|\bhttps?://\S+", " ", text)
    sample = " ".join(text.split())[:20000]
    if len(sample) < 20:
        return None
    code, probability = _identifier().classify(sample)
    if probability < min_probability:
        return None
    return with_script(str(code), dominant_script(sample))


# Languages this far apart (langcodes' tag distance) are not dialects of one another:
# Norwegian Bokmål and Danish are 12 apart, Italian and English 84.
DISTANT_LANGUAGES = 60
MIN_TEXT_TO_DOUBT = 400  # characters of text before a named language is doubted


def reads_otherwise(text: str, tag: str) -> str | None:
    """The language ``text`` reads as when that is far from ``tag`` (a tag distance of
    :data:`DISTANT_LANGUAGES` or more), else None; None too for a text too short to doubt
    it (:data:`MIN_TEXT_TO_DOUBT` characters) or one the detector is unsure of.

    >>> reads_otherwise("Russia and its Central Asian allies have launched talks " * 8, "it")
    'en'
    >>> reads_otherwise("Russia and its Central Asian allies have launched talks " * 8, "en-GB")
    """
    if len(text) < MIN_TEXT_TO_DOUBT:
        return None
    import langcodes

    found = detect_language(text)
    try:
        distance = langcodes.tag_distance(tag, found) if found else 0
    except (ValueError, LookupError):
        return None
    return found if distance >= DISTANT_LANGUAGES else None


MIN_LABEL_WORDS = 6  # words of the labels before their language is guessed
SURE_OF_LABELS = 0.9  # the identifier's probability a guess from labels alone needs


def language_of_labels(labels: Iterable[str]) -> str | None:
    """The language of an article's headings and short lines alone (an agate table's
    "Top Ten", "THROUGH JULY 5", "Home Runs", "Runs Batted In"), in lower case (the
    identifier knows capitals less well) and without figures; only from
    :data:`MIN_LABEL_WORDS` words or more and a probability of :data:`SURE_OF_LABELS` or
    more. A text of names and figures tells no language, but the words beside them do.
    Among 358 articles of the test inputs and fundus' pages (40 countries), these words
    alone gave no language other than the text's.

    >>> language_of_labels(["Top Ten", "THROUGH JULY 5", "AMERICAN LEAGUE", "Home Runs",
    ...                     "Runs Batted In", "Pitching"])
    'en'
    """
    words = re.findall(r"[^\W\d_]+", " ".join(labels).casefold())
    if len(words) < MIN_LABEL_WORDS:
        return None
    return detect_language(" ".join(words), min_probability=SURE_OF_LABELS)


CLOSE_LANGUAGES = 10  # tag distance of languages the identifier tells apart badly (bs, hr, sr)


def close_language(language: str, text: str, known_words: Mapping[str, AbstractSet[str]]) -> str:
    """The language whose own words ``text`` has, among the languages of ``known_words``
    (a pack's tag → the words it knows a page by: chrome, labels, month names) close to the
    detected ``language`` (a tag distance under :data:`CLOSE_LANGUAGES`): the identifier
    reads a Serbian Latin page as Bosnian, while its chrome ("Vesti", "Podeli") is
    sr-Latn's, not bs's ("Vijesti"). A word counts for a language only when no other close
    one has it; the detected language is kept unless another language leads (a region's
    pack of the same language, fa-IR for fa, is not taken). Every reader uses it: plain
    text, web pages, feeds and the news formats.

    >>> words = {"bs": {"vijesti", "podijeli"}, "sr-Latn": {"vesti", "podeli"}, "en": {"news"}}
    >>> close_language("bs", "Vesti\\nSport\\nPodeli\\nNovi Sad dobija most", words)
    'sr-Latn'
    >>> close_language("bs", "Vijesti\\nNovi Sad dobija most", words)
    'bs'
    >>> close_language("en", "Vesti Podeli", words)
    'en'
    """
    import langcodes

    close = []
    for tag in known_words:
        try:
            if langcodes.tag_distance(language, tag) < CLOSE_LANGUAGES:
                close.append(tag)
        except (ValueError, LookupError):
            continue
    if len(close) < 2:
        return language
    page = set(re.findall(r"[^\W\d_]+", text.casefold()))
    scores = {}
    for tag in close:
        others = set().union(*(known_words[other] for other in close if other != tag))
        scores[tag] = len(page & (set(known_words[tag]) - others))
    best = max(scores, key=scores.__getitem__)
    own = scores.get(language, 0)
    if (
        primary_language(best) == primary_language(language)  # fa read as fa: not fa-IR
        or scores[best] <= own
        or list(scores.values()).count(scores[best]) > 1
    ):
        return language
    return best


# Unicode's name for a script (the first word of a letter's name) → ISO 15924.
_SCRIPT_CODES = {
    "LATIN": "Latn",
    "CYRILLIC": "Cyrl",
    "ARABIC": "Arab",
    "ARMENIAN": "Armn",
    "GEORGIAN": "Geor",
    "GREEK": "Grek",
    "HEBREW": "Hebr",
    "DEVANAGARI": "Deva",
}


def dominant_script(text: str) -> str | None:
    """The ISO 15924 code of the script most letters of ``text`` are in.

    >>> dominant_script("Андижонда болалар учун"), dominant_script("Toshkentda bolalar")
    ('Cyrl', 'Latn')
    >>> dominant_script("宇航员在太空中喝酒会怎么样 NASA")
    """
    import unicodedata

    # Letters of scripts without a code here (Han: "CJK UNIFIED IDEOGRAPH") count too,
    # so a Chinese page with a few Latin words is not "Latn".
    counts: dict[str, int] = {}
    for char in text[:5000]:
        if char.isalpha():
            name = unicodedata.name(char, "").split(" ", 1)[0]
            counts[name] = counts.get(name, 0) + 1
    return _SCRIPT_CODES.get(max(counts, key=counts.__getitem__)) if counts else None


def with_script(language: str, script: str | None) -> str:
    """Add the script subtag when the text is not in the language's usual script.

    >>> with_script("uz", "Cyrl"), with_script("uz", "Latn"), with_script("sr", "Latn")
    ('uz-Cyrl', 'uz', 'sr-Latn')
    """
    import langcodes

    if script is None:
        return language
    try:
        usual = langcodes.Language.get(language).maximize().script
    except (ValueError, LookupError):
        return language
    return language if usual in (None, script) else f"{language}-{script}"


def load_tag_data() -> None:
    """Load the tag registry (IANA, CLDR's likely scripts) that validating any article uses.

    A batch calls it before it starts its workers, which then share it.
    """
    is_valid_tag("en")
    with_script("en", "Latn")


def load_detector() -> None:
    """Load the language model now, once for this process and any it forks later.

    A batch of plain-text inputs, which often say nothing of their language,
    calls it before it starts its workers.
    """
    _identifier()


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's identifier, loaded once per process.

    The model ships LZMA-compressed: unpacking it costs most of a second, in
    every process (each batch worker, each cold start). It is unpacked once per
    machine into the cache folder (``langid/``) and mapped from there, which
    costs milliseconds and lets the workers share its pages. Without a usable
    cache folder the packed model is loaded as before.
    """
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    packed = Path(MODEL_DIR) / MODEL_FILE
    if not packed.name.endswith(".npz.xz"):  # not the layout unpacked below
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    try:
        folder = _unpacked_model(packed, default_cache_dir() / "langid")
    except (OSError, ValueError, KeyError):
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    try:
        return _mapped_identifier(folder, LanguageIdentifier)
    except (OSError, ValueError, KeyError, TypeError):
        import shutil

        shutil.rmtree(folder, ignore_errors=True)  # damaged: unpacked again next time
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


_MODEL_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def _unpacked_model(packed: Path, root: Path) -> Path:
    """The folder of the packed model's arrays as ``.npy`` files, made if missing.

    The folder is named after the packed file's size and time, so a new
    py3langid gets a new folder (older ones are removed). It is made under a
    temporary name and renamed, so a process never sees half a model.
    """
    import shutil
    import tempfile

    stat = packed.stat()
    folder = root / f"{packed.stem.split('.')[0]}-{stat.st_size}-{stat.st_mtime_ns}"
    if (folder / "out_feat.npy").is_file():
        return folder
    import lzma

    import numpy as np

    root.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(dir=root, prefix=".unpacking-"))
    try:
        with tempfile.TemporaryFile(dir=temporary) as npz:
            with lzma.open(packed) as source:
                shutil.copyfileobj(source, npz, 2**20)
            npz.seek(0)
            with np.load(npz, allow_pickle=False) as arrays:
                for name in _MODEL_ARRAYS:  # out_feat last: its file says the folder is whole
                    np.save(temporary / f"{name}.npy", arrays[name], allow_pickle=False)
        try:
            temporary.rename(folder)
        except OSError:  # another process made it first
            if not (folder / "out_feat.npy").is_file():
                raise
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
    for old in root.iterdir():
        if old != folder and not old.name.startswith("."):
            shutil.rmtree(old, ignore_errors=True)
    return folder


def _mapped_identifier(folder: Path, identifier: Any) -> Any:
    """A py3langid ``LanguageIdentifier`` over the model arrays mapped from ``folder``."""
    import numpy as np

    def load(name: str, mapped: bool = False) -> Any:
        return np.load(folder / f"{name}.npy", mmap_mode="r" if mapped else None)

    nextmove = load("nextmove", mapped=True)
    if nextmove.dtype.kind != "u":
        raise ValueError("unexpected model layout")
    return identifier(
        load("ptc", mapped=True),
        load("pc"),
        load("classes").tolist(),
        memoryview(nextmove),  # indexed byte by byte: a memoryview gives plain ints
        load("out_feat").tolist(),
        norm_probs=True,
        tk_row=load("nextmove_row").tolist(),
    )
