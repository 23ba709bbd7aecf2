"""Does a keyword argument's value fit the type its TypedDict declares? Checked before any request is sent.

A filter value of the wrong type (`min_capacity_mw="big"`, `is_operational="yes"`, `name=5`) is not an error to
CDF: it compares unlike JSON values and matches nothing, so the call would quietly return `[]`. mypy catches this
in typed code; this catches it at run time, for scripts, notebooks and values read from files.

The declared types are the generated `XFilters` TypedDict's annotations. Generated modules use
`from __future__ import annotations`, so they arrive as strings (or ForwardRefs) and are evaluated in the module
that declared them; an annotation that cannot be evaluated there (a name imported only for type checkers) is not
checked rather than refused.
"""

from __future__ import annotations

import sys
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal, Union

# Containers a keyword filter turns into `in`.
_COLLECTIONS = (list, tuple, set, frozenset)


class ExpectedType:
    """One keyword's declared type, as an evaluated hint and as it was spelled (for error messages)."""

    def __init__(self, hint: Any, spelling: str) -> None:
        self.hint = hint
        self.spelling = spelling

    def accepts(self, value: Any) -> bool:
        return _accepts(self.hint, value)

    @classmethod
    def of(cls, annotation: Any, module: str | None) -> ExpectedType | None:
        """The evaluated annotation, or None when it cannot be evaluated (then any value passes)."""
        if isinstance(annotation, typing.ForwardRef):
            module = annotation.__forward_module__ or module
            annotation = annotation.__forward_arg__
        if not isinstance(annotation, str):
            return cls(annotation, _spell(annotation))
        namespace = vars(sys.modules[module]) if module in sys.modules else {}
        try:
            hint = eval(annotation, dict(namespace))  # noqa: S307 - an annotation of generated code, not user input
        except Exception:  # noqa: BLE001 - an unresolvable annotation disables the check, never the call
            return None
        return cls(hint, annotation)


def declared_types(typed_dict: type[Mapping[str, Any]]) -> dict[str, ExpectedType]:
    """The expected type of each key of a TypedDict (its bases' keys too), those that can be evaluated."""
    found: dict[str, ExpectedType] = {}
    for klass in reversed(typed_dict.__mro__):
        for key, annotation in vars(klass).get("__annotations__", {}).items():
            expected = ExpectedType.of(annotation, klass.__module__)
            if expected is not None:
                found[key] = expected
    return found


def describe_value(value: Any) -> str:
    """`str ('big')`: the type, and the value itself when it is short."""
    shown = repr(value)
    return f"{type(value).__name__} ({shown})" if len(shown) <= 60 else type(value).__name__


def _accepts(hint: Any, value: Any) -> bool:
    origin = typing.get_origin(hint)
    arguments = typing.get_args(hint)
    if origin is Union or origin is types.UnionType:
        return any(_accepts(arm, value) for arm in arguments)
    if origin is typing.Annotated:
        return _accepts(arguments[0], value)
    if origin is Literal:
        return _literal_accepts(arguments, value)
    if isinstance(origin, type) and issubclass(origin, Sequence) and origin is not str:
        item = arguments[0] if arguments else Any
        return isinstance(value, _COLLECTIONS) and all(_accepts(item, element) for element in value)
    check = _SCALARS.get(hint)
    if check is not None:
        return check(value)
    # A class is checked with isinstance; anything else this checker does not know (Any, a TypeVar) is left to mypy.
    return isinstance(value, hint) if isinstance(hint, type) else True


def _literal_accepts(allowed: tuple[Any, ...], value: Any) -> bool:
    # Any text where the values are text: the data classes read enum values added to the model after the SDK was
    # generated, and a filter must be able to ask for them too.
    if isinstance(value, str) and any(isinstance(each, str) for each in allowed):
        return True
    return any(value == each and type(value) is type(each) for each in allowed)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# Where isinstance alone would be wrong: a bool is an int to Python but not a number to CDF, and an int is a fine
# float. (A datetime passes isinstance for date, rightly: the filter writes it as the date `YYYY-MM-DD`.)
_SCALARS: dict[Any, Callable[[Any], bool]] = {
    float: _is_number,
    int: _is_integer,
    object: lambda _: True,
    None: lambda value: value is None,
    type(None): lambda value: value is None,
}


def _spell(hint: Any) -> str:
    return hint.__name__ if isinstance(hint, type) else str(hint).replace("typing.", "")
