"""Frozen dataclasses built from data by their annotations, with pydantic only when needed.

The article model (``model.py``) declares each field once: its type, and in
``Annotated[...]`` its constraints (the markers below: lengths and bounds, patterns,
shorthands, checks). Two checkers read those declarations:

- a small one here, for values already in the model's own shapes (what the
  readers build, what a sidecar gives): it accepts a value only when pydantic
  would accept it unchanged, and otherwise gives up (:class:`Undecided`);
- pydantic (``TypeAdapter`` over the same dataclasses), imported only when the
  small one gives up: to convert what needs converting (a date in a string, a
  URL to normalise) or to report a problem with its field path.

So a fresh process that reads well-formed input never imports pydantic, and
every problem is reported in pydantic's words.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from datetime import datetime
from functools import cache
from typing import Annotated, Any, ClassVar, Literal, Union

Plan = Callable[[Any], Any]

# Who is building model objects: None (a caller constructing one), "light" (the
# checker here), or "pydantic" (which has checked every field before __post_init__).
_BUILDER: ContextVar[str | None] = ContextVar("newsformats_builder", default=None)


class ModelError(ValueError):
    """Data that does not fit the model: pydantic's message, and its problems with field paths.

    ``problems`` holds pydantic's error records (``loc``, ``msg``, ``type``…), the
    deepest first as pydantic lists them.
    """

    def __init__(self, message: str, problems: list[dict[str, Any]]) -> None:
        super().__init__(message)
        self.problems = problems


class Undecided(Exception):
    """The light checker leaves this value to pydantic (to convert it or to refuse it)."""


# --- markers for Annotated[...] -------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Bounds:
    """Lengths and numeric bounds, which pydantic reads as ``annotated_types`` constraints.

    (``annotated_types`` itself is imported only by pydantic's reading: importing it
    costs about 4 % of a small conversion's start.)
    """

    min_length: int | None = None
    max_length: int | None = None
    ge: int | None = None
    gt: int | None = None
    le: int | None = None

    __is_annotated_types_grouped_metadata__ = True

    def __iter__(self) -> Iterator[object]:
        import annotated_types

        kinds: dict[str, Callable[[int], object]] = {
            "min_length": annotated_types.MinLen,
            "max_length": annotated_types.MaxLen,
            "ge": annotated_types.Ge,
            "gt": annotated_types.Gt,
            "le": annotated_types.Le,
        }
        for name, kind in kinds.items():
            limit = getattr(self, name)
            if limit is not None:
                yield kind(limit)

    def holds(self, value: Any) -> bool:
        """Whether ``value`` is within every bound."""
        return (
            (self.min_length is None or len(value) >= self.min_length)
            and (self.max_length is None or len(value) <= self.max_length)
            and (self.ge is None or value >= self.ge)
            and (self.gt is None or value > self.gt)
            and (self.le is None or value <= self.le)
        )


@dataclasses.dataclass(frozen=True)
class Before:
    """Turn a shorthand into the full form before the value is checked."""

    convert: Callable[[Any], Any]
    input_type: Any = None  # what the JSON Schema accepts, shorthand included

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic import BeforeValidator

        hook = BeforeValidator(self.convert, json_schema_input_type=self.input_type)
        return hook.__get_pydantic_core_schema__(source, handler)


@dataclasses.dataclass(frozen=True)
class After:
    """Check (and normalise) a value once its type and constraints are checked."""

    check: Callable[[Any], Any]

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic import AfterValidator

        return AfterValidator(self.check).__get_pydantic_core_schema__(source, handler)


@dataclasses.dataclass(frozen=True)
class Pattern:
    """A text that matches a regular expression."""

    regex: str

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema["pattern"] = self.regex
        return schema


@dataclasses.dataclass(frozen=True)
class Tagged:
    """A union of dataclasses told apart by one field (``type``), as pydantic's Discriminator."""

    key: str

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic import Discriminator

        return Discriminator(self.key).__get_pydantic_core_schema__(source, handler)


@dataclasses.dataclass(frozen=True)
class Url:
    """An absolute URL, kept as the text pydantic's ``AnyUrl`` normalises it to."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic import AnyUrl
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(
            str, handler.generate_schema(AnyUrl), serialization=core_schema.to_string_ser_schema()
        )


# An http(s) URL already in the form AnyUrl gives it (lower-case host name, a path,
# no port, no dot segments, nothing to percent-encode); any other URL goes to pydantic.
_LABEL = r"(?!xn--)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
_PART = r"(?:[A-Za-z0-9\-._~!$&()*+,;=:@/]|%[0-9A-Fa-f]{2})"
_CANONICAL_URL = re.compile(
    rf"https?://(?:{_LABEL}\.)*(?!xn--)[a-z](?:[a-z0-9-]*[a-z0-9])?"
    rf"/{_PART}*(?:\?(?:{_PART}|\?)*)?(?:#(?:{_PART}|\?)*)?"
)
_DOT_SEGMENT = re.compile(r"/\.\.?(?=[/?#]|$)|%2e", re.IGNORECASE)


def _canonical_url(value: Any) -> str:
    if (
        isinstance(value, str)
        and _CANONICAL_URL.fullmatch(value)
        and not _DOT_SEGMENT.search(value.split("?")[0].split("#")[0])
    ):
        return value
    raise Undecided


# --- the light checker --------------------------------------------------------------


def _fail(value: Any) -> Any:
    raise Undecided


def _exact(kind: type) -> Plan:
    def plan(value: Any) -> Any:
        if type(value) is kind:
            return value
        raise Undecided

    return plan


def _text(value: Any) -> Any:
    if isinstance(value, str):
        return value
    raise Undecided


def _constraint(meta: Any) -> Plan | None:
    """The check of one constraint from ``Annotated[...]``, None for a marker handled apart."""
    if isinstance(meta, Bounds):
        return lambda value: value if meta.holds(value) else _fail(value)
    if isinstance(meta, Pattern):
        regex = re.compile(meta.regex)
        # Python's "$" also matches before a final newline; pydantic's does not.
        return lambda value: value if regex.search(value) and "\n" not in value else _fail(value)
    if isinstance(meta, After):
        return meta.check
    return None


def _annotated(base: Any, metadata: tuple[Any, ...]) -> Plan:
    befores = [m.convert for m in reversed(metadata) if isinstance(m, Before)]
    if any(isinstance(m, Tagged) for m in metadata):
        inner = _tagged(base)
    elif any(isinstance(m, Url) for m in metadata):
        inner = _canonical_url
    else:
        inner = plan_of(base)
    checks = [c for c in (_constraint(m) for m in metadata) if c is not None]

    def plan(value: Any) -> Any:
        for convert in befores:
            value = convert(value)
        value = inner(value)
        for check in checks:
            value = check(value)
        return value

    return plan


def _tagged(union: Any) -> Plan:
    members = {_tag_of(member): member for member in typing.get_args(union)}
    kinds = tuple(members.values())

    def plan(value: Any) -> Any:
        if isinstance(value, kinds):
            return value
        if type(value) is dict and value.get("type") in members:
            return build(members[value["type"]], value)
        raise Undecided

    return plan


def _tag_of(member: type) -> str:
    return str(next(f.default for f in dataclasses.fields(member) if f.name == "type"))


def _union(members: tuple[Any, ...]) -> Plan:
    plans = [plan_of(member) for member in members if member is not type(None)]
    optional = type(None) in members

    def plan(value: Any) -> Any:
        if value is None and optional:
            return None
        for member in plans:
            try:
                return member(value)
            except Undecided:
                continue
        raise Undecided

    return plan


def _list(item: Any) -> Plan:
    inner = plan_of(item)

    def plan(value: Any) -> Any:
        if type(value) is not list:
            raise Undecided
        return [inner(v) for v in value]

    return plan


def _literal(choices: tuple[Any, ...]) -> Plan:
    def plan(value: Any) -> Any:
        if any(type(value) is type(c) and value == c for c in choices):
            return value
        raise Undecided

    return plan


@cache
def plan_of(annotation: Any) -> Plan:
    """The light check of one annotation: returns the value as pydantic would, or gives up."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return _annotated(annotation.__origin__, annotation.__metadata__)
    if origin is Union or origin is types.UnionType:
        return _union(typing.get_args(annotation))
    if origin is list:
        return _list(typing.get_args(annotation)[0])
    if origin is Literal:
        return _literal(typing.get_args(annotation))
    if annotation is str:
        return _text
    if annotation in (int, bool, datetime):
        return _exact(annotation)
    if dataclasses.is_dataclass(annotation):
        return lambda value: build(annotation, value)
    return _fail


_FIELD_PLANS: dict[type, dict[str, Plan]] = {}


def field_plans(cls: type) -> dict[str, Plan]:
    """Each field's light check, from the class's resolved annotations (once per class)."""
    plans = _FIELD_PLANS.get(cls)
    if plans is None:
        hints = typing.get_type_hints(cls, include_extras=True)
        plans = {f.name: plan_of(hints[f.name]) for f in dataclasses.fields(cls)}
        _FIELD_PLANS[cls] = plans
    return plans


def build(cls: Any, value: Any) -> Any:
    """One model object from its fields (or a shorthand), or :class:`Undecided`."""
    shorthand = getattr(cls, "_shorthand", None)
    if shorthand is not None:
        value = shorthand(value)
    if isinstance(value, cls):
        return value
    if type(value) is not dict or not value.keys() <= field_plans(cls).keys():
        raise Undecided
    try:
        return cls(**value)
    except TypeError:  # a required field is missing
        raise Undecided from None


def check_fields(node: Any) -> None:
    """Check and complete a model object's fields; for the dataclasses' ``__post_init__``.

    A caller's own construction (``Paragraph(content="Hello")``) is checked like data:
    by the light checker, else by pydantic, whose error is raised.
    """
    builder = _BUILDER.get()
    if builder == "pydantic":
        node._check()
        return
    if builder == "light":
        _check_light(node)
        return
    token = _BUILDER.set("light")
    try:
        _check_light(node)
        return
    except Undecided:
        pass
    finally:
        _BUILDER.reset(token)
    names = field_plans(type(node))
    done = validate_with_pydantic(type(node), {name: getattr(node, name) for name in names})
    for name in names:
        object.__setattr__(node, name, getattr(done, name))


def _check_light(node: Any) -> None:
    fields = {name: getattr(node, name) for name in field_plans(type(node))}
    try:
        prepare = getattr(node, "_prepare", None)
        if prepare is not None:
            fields = prepare(fields)
        for name, plan in field_plans(type(node)).items():
            value = plan(fields[name])
            if value is not getattr(node, name):
                object.__setattr__(node, name, value)
        node._check()
    except ValueError:
        raise Undecided from None


def validate(kind: Any, data: Any) -> Any:
    """``data`` as the model type ``kind``: checked here when it can be, else by pydantic.

    Raises :class:`ModelError` (a ``ValueError``) for data that does not fit.
    """
    try:
        return validate_light(kind, data)
    except Undecided:
        return validate_with_pydantic(kind, data)


def validate_light(kind: Any, data: Any) -> Any:
    """``data`` as ``kind`` by the light checker alone, or :class:`Undecided`."""
    token = _BUILDER.set("light")
    try:
        return plan_of(kind)(data)
    finally:
        _BUILDER.reset(token)


@cache
def _adapter(kind: Any) -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(kind)


def validate_with_pydantic(kind: Any, data: Any) -> Any:
    """``data`` validated by pydantic as ``kind`` (imported on first use)."""
    from pydantic import ValidationError

    token = _BUILDER.set("pydantic")
    try:
        return _adapter(kind).validate_python(data)
    except ValidationError as error:
        problems = [dict(p) for p in error.errors(include_url=False)]
        raise ModelError(str(error), problems) from error
    finally:
        _BUILDER.reset(token)


def json_schema(kind: Any) -> dict[str, Any]:
    """The JSON Schema of a model type, made by pydantic from the same declarations."""
    schema: dict[str, Any] = _adapter(kind).json_schema()
    return schema


class NodeHooks:
    """What the model's dataclasses share: pydantic's view of their hooks and config."""

    __slots__ = ()
    __pydantic_config__: ClassVar[dict[str, Any]] = {
        "extra": "forbid",
        "use_attribute_docstrings": True,
    }

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        if getattr(cls, "_shorthand", None) is None and getattr(cls, "_prepare", None) is None:
            return handler(source)
        from pydantic_core import core_schema

        schema = handler(source)
        # The class's reference moves to the wrapper, so that every use of the class
        # (not only the first, which pydantic builds) gets the shorthands.
        ref = schema.pop("ref", None)
        return core_schema.no_info_before_validator_function(cls._before, schema, ref=ref)

    @classmethod
    def _before(cls, value: Any) -> Any:
        """What a shorthand (``_shorthand``) and the fields' preparation (``_prepare``) make."""
        shorthand = getattr(cls, "_shorthand", None)
        if shorthand is not None:
            value = shorthand(value)
        prepare = getattr(cls, "_prepare", None)
        if prepare is not None and isinstance(value, dict):
            value = prepare(value)
        return value

    def __post_init__(self) -> None:
        check_fields(self)

    def _check(self) -> None:
        """Rules between fields; a class overrides it (raise ValueError)."""
