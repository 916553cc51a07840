"""Makers of the model's named tuples from a tuple of their fields, for the reading's hot path.

A named tuple's generated ``__new__`` is a Python call; ``tuple.__new__`` is not, and a
100,000-claim map makes some 400,000 of these values (keywords cost 0.1 s more; see
benchmarks/README.md). Building from a tuple in field order is safe only while the order is
known: each maker is checked against the model's ``_fields`` here, so a model whose fields are
reordered or renamed stops argmap at import instead of filling its fields with each other's
values. Example::

    >>> make_position((2, 3))
    Position(line=2, column=3)
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from ..model import Claim, Evidence, Position, Reason, Ref


def checked_layout(cls: type, fields: tuple[str, ...]) -> Callable[[tuple], Any]:
    """``cls`` from a tuple of these fields, in this order; an ImportError if they are not its fields."""
    if cls._fields != fields:  # type: ignore[attr-defined]
        raise ImportError(
            f"{cls.__name__}'s fields are {cls._fields}, but argmap.reading.model_layout lays them out as {fields}"  # type: ignore[attr-defined]
        )
    return partial(tuple.__new__, cls)


make_claim = checked_layout(
    Claim,
    ("uid", "text", "role", "position", "id", "premises", "objections", "rebuttals", "undercuts", "evidence",
     "assumption", "note", "tags", "ignore"),
)  # fmt: skip
make_evidence = checked_layout(
    Evidence, ("position", "text", "is_quote", "source_key", "source", "source_position", "kind", "locator", "url")
)
make_reason = checked_layout(Reason, ("members", "linked", "position"))
make_ref = checked_layout(Ref, ("target", "position", "undercuts"))
make_position = checked_layout(Position, ("line", "column"))
