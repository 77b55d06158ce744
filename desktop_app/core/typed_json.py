"""Frozen dataclasses from JSON a person (or a crash) may have damaged, field by field.

Each field is checked against its annotation (bool, int, float, str, None unions, enums,
Literal, Path, lists, tuples, dicts, nested dataclasses) and against the limits in its
``dataclasses.field(metadata=...)``:

* ``min`` / ``max``: inclusive bounds for a number;
* ``choices``: the allowed values;
* ``pattern``: a regular expression a string must match in full.

A bad field gets its default and a problem line naming the file and the field; unknown
keys are ignored (a newer version may have written them). A new plain typed field needs
no code here.
"""

from __future__ import annotations

import dataclasses
import enum
import math
import re
import types
import typing
from pathlib import PurePath
from typing import Any, TypeVar

T = TypeVar("T")


class _Bad(Exception):
    """A value that doesn't fit its field; the message says how."""


def from_json(cls: type[T], data: Any, where: str) -> tuple[T, list[str]]:
    """`cls` built from the JSON value `data`; bad fields fall back to their defaults.

    Returns the instance and one line per problem, each naming `where` (the file) and the field."""
    problems: list[str] = []
    if not isinstance(data, dict):
        problems.append(f"{where} holds {_describe(data)}, not an object of settings; using the defaults")
        return cls(), problems
    return _build(cls, data, where, "", problems), problems


def _build(cls: type[T], data: dict, where: str, prefix: str, problems: list[str]) -> T:
    hints = typing.get_type_hints(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if not f.init or f.name not in data:
            continue
        name, value, hint = prefix + f.name, data[f.name], hints[f.name]
        if dataclasses.is_dataclass(hint) and isinstance(hint, type):
            if isinstance(value, dict):
                kwargs[f.name] = _build(hint, value, where, name + ".", problems)
                continue
        try:
            kwargs[f.name] = _check_limits(_convert(value, hint), f.metadata)
        except _Bad as why:
            problems.append(f"{where}: {name!r} {why}; using {_default_text(f)}")
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as exc:  # a __post_init__ rejected the combination
        problems.append(f"{where}: {prefix.rstrip('.') or 'the settings'} can't be used together ({exc}); "
                        "using the defaults")  # fmt: skip
        return cls()


def _convert(value: Any, hint: Any) -> Any:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is Any:
        return value
    if origin is typing.Union or origin is types.UnionType:
        if value is None and type(None) in args:
            return None
        for option in (a for a in args if a is not type(None)):
            try:
                return _convert(value, option)
            except _Bad:
                continue
        raise _Bad(f"is {_describe(value)}, not {_expected(hint)}")
    if origin is typing.Literal:
        if value in args:
            return value
        raise _Bad(f"is {_describe(value)}, not one of {', '.join(map(repr, args))}")
    if hint is type(None):
        if value is None:
            return None
        raise _Bad(f"is {_describe(value)}, not null")
    if hint is bool:
        if isinstance(value, bool):
            return value
    elif hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            return int(value)
    elif hint is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if math.isfinite(value):
                return float(value)
            raise _Bad(f"is {_describe(value)}, not a finite number")
    elif hint is str:
        if isinstance(value, str):
            return value
    elif isinstance(hint, type) and issubclass(hint, enum.Enum):
        for member in hint:
            if member.value == value and type(member.value) is type(value):
                return member
        raise _Bad(f"is {_describe(value)}, not one of {', '.join(repr(m.value) for m in hint)}")
    elif isinstance(hint, type) and issubclass(hint, PurePath):
        if isinstance(value, str) and value and "\0" not in value:
            return hint(value)
    elif dataclasses.is_dataclass(hint) and isinstance(hint, type):
        if isinstance(value, dict):
            problems: list[str] = []
            built = _build(hint, value, "", "", problems)
            if not problems:
                return built
    elif origin in (list, tuple, set, frozenset):
        if isinstance(value, list):
            if origin is tuple and args and args[-1] is not Ellipsis:
                if len(value) != len(args):
                    raise _Bad(f"has {len(value)} items, not {len(args)}")
                return tuple(_convert(v, a) for v, a in zip(value, args))
            item = args[0] if args else Any
            return origin(_convert(v, item) for v in value)
    elif origin is dict:
        if isinstance(value, dict):
            key_hint, value_hint = args or (Any, Any)
            return {_convert(k, key_hint): _convert(v, value_hint) for k, v in value.items()}
    elif isinstance(hint, type) and isinstance(value, hint):
        return value
    raise _Bad(f"is {_describe(value)}, not {_expected(hint)}")


def _check_limits(value: Any, metadata: typing.Mapping[str, Any]) -> Any:
    if value is None:
        return value
    choices = metadata.get("choices")
    if choices is not None and value not in choices:
        raise _Bad(f"is {_describe(value)}, not one of {', '.join(map(repr, choices))}")
    low, high = metadata.get("min"), metadata.get("max")
    if low is not None and isinstance(value, (int, float)) and value < low:
        raise _Bad(f"is {value!r}, below its smallest allowed value {low!r}")
    if high is not None and isinstance(value, (int, float)) and value > high:
        raise _Bad(f"is {value!r}, above its largest allowed value {high!r}")
    pattern = metadata.get("pattern")
    if pattern is not None and isinstance(value, str) and not re.fullmatch(pattern, value):
        raise _Bad(f"is {_describe(value)}, which is not a valid value here")
    return value


_NAMES = {bool: "true or false", int: "a whole number", float: "a number", str: "a string", type(None): "null"}


def _expected(hint: Any) -> str:
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        return " or ".join(_expected(a) for a in typing.get_args(hint))
    if hint in _NAMES:
        return _NAMES[hint]
    if origin in (list, tuple, set, frozenset):
        return "a list"
    if origin is dict or dataclasses.is_dataclass(hint):
        return "an object"
    return getattr(hint, "__name__", str(hint))


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "an object"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _default_text(f: dataclasses.Field) -> str:
    if f.default is not dataclasses.MISSING:
        default = f.default
    elif f.default_factory is not dataclasses.MISSING:
        default = f.default_factory()
    else:
        return "no value"
    if isinstance(default, enum.Enum):
        default = default.value
    return "its defaults" if dataclasses.is_dataclass(default) else f"the default ({_describe(default)})"
