"""An :class:`~argmap.model.ArgumentMap` -> Argdown text that Argdown's own parser reads without errors.

Each claim is a titled statement ``[id]: text`` (claims without an id get a title ``c1``, ``c2``...),
written where the map defines it and referred to as ``[id]`` elsewhere; premises, objections,
rebuttals and undercuts are relations indented under their claim (``+``, ``-``, ``-``, ``_``). A
``linked`` group, and a premise that carries undercuts, is a premise-conclusion structure of its
own (``(1) ... ---- (n) [conclusion]``) after the tree, its undercuts under the argument's title.
Evidence, ``assumption``, ``note`` and ``ignore`` are the statement's data ``{...}``; tags are
tags; the title and the sources are the front matter. Text is escaped so that Argdown reads it as
text. What Argdown cannot hold (a line break in a claim) is a warning naming the claim. Example::

    >>> from argmap.reading import loads
    >>> print(write(loads("thesis: {id: t, claim: Taxes pay., premises: [{claim: Roads (all)}]}")).text, end="")
    [t]: Taxes pay.
      + [c1]: Roads \\(all\\)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from ..model import ArgumentMap, Claim, Item, Reason, Ref
from ..problems import Problem
from . import Exported
from .yaml_writer import claim_details, document, dump

_RELATION_MARK = {"premises": "+", "objections": "-", "rebuttals": "-", "undercuts": "_"}
_SPECIAL = re.compile(r"([\\@#*_\[\]<>{}()/\-+=~`|^$&%!])")
_SIMPLE_TAG = re.compile(r"[A-Za-z0-9\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+\Z")


def write(argmap: ArgumentMap) -> Exported:
    """The map as Argdown text, with a warning for each thing Argdown cannot hold."""
    writer = _Writer(argmap)
    return Exported(writer.text(), tuple(writer.warnings))


def escape(text: str) -> str:
    """Text that Argdown reads as itself: every character with a meaning in Argdown escaped.

    >>> escape("a [b] #c")
    'a \\\\[b\\\\] \\\\#c'
    """
    return _SPECIAL.sub(r"\\\1", text)


class _Writer:
    def __init__(self, argmap: ArgumentMap) -> None:
        self.argmap = argmap
        self.warnings: list[Problem] = []
        #: (conclusion, reason, relation, the argument a linked undercut cuts) written after the tree
        self.deferred: list[tuple[Claim, Reason, str, str | None]] = []
        self.titles = self._titles()

    def _titles(self) -> dict[str, str]:
        """Each claim's Argdown title: its id, else ``c1``, ``c2``... (Argdown refers to statements by title)."""
        taken = {claim.id for claim in self.argmap.claims if claim.id is not None}
        titles: dict[str, str] = {}
        given: set[str] = set()
        number = 0
        for claim in self.argmap.claims:
            title = claim.id
            if title is not None and title in given:  # one title is one statement in Argdown
                self.warn(claim, f"the id '{title}' is given twice; this claim is written as a statement of its own")
                title = None
            while title is None or (title in taken and title not in (claim.id,)) or title.startswith("-"):
                number += 1
                title = f"c{number}"
            taken.add(title)
            given.add(title)
            titles[claim.uid] = title
        return titles

    def warn(self, claim: Claim, message: str) -> None:
        line, column = claim.position
        self.warnings.append(
            Problem(str(self.argmap.path), line, column, "not-converted", "warning", message, claim.uid)
        )

    def text(self) -> str:
        paragraphs = [self._frontmatter()] if self.argmap.title or self.argmap.sources else []
        paragraphs += ["\n".join(self._tree(thesis)) for thesis in self.argmap.theses]
        while self.deferred:
            conclusion, reason, relation, cut = self.deferred.pop(0)
            paragraphs.append("\n".join(self._argument(conclusion, reason, relation, len(paragraphs), cut)))
        return "\n\n".join(paragraphs) + "\n"

    def _frontmatter(self) -> str:
        data: dict[str, Any] = {}
        if self.argmap.title is not None:
            data["title"] = self.argmap.title
        if self.argmap.sources:
            data["sources"] = document(self.argmap)["sources"]
        return f"===\n{dump(data)}==="

    def _statement(self, claim: Claim) -> str:
        text = claim.text
        if text != " ".join(text.split()):
            self.warn(claim, "Argdown joins a statement's lines and spaces: its line breaks became spaces")
            text = " ".join(text.split())
        parts = [f"[{self.titles[claim.uid]}]: {escape(text)}"]
        for tag in claim.tags:
            if _SIMPLE_TAG.match(tag):
                parts.append(f"#{tag}")
            elif ")" not in tag and " ".join(tag.split()) == tag:
                parts.append(f"#({tag})")
            else:
                self.warn(claim, f"the tag '{tag}' cannot be written in Argdown; it is kept in the data")
        data = self._data(claim)
        if data:
            parts.append(_flow(data))
        return " ".join(parts)

    def _data(self, claim: Claim) -> dict[str, Any]:
        node = claim_details(claim)
        data: dict[str, Any] = {key: node[key] for key in ("evidence", "assumption", "note", "ignore") if key in node}
        odd = [tag for tag in claim.tags if not _SIMPLE_TAG.match(tag) and (")" in tag or " ".join(tag.split()) != tag)]
        if odd:
            data["tags"] = odd
        return data

    def _tree(self, thesis: Claim) -> Iterator[str]:
        yield self._statement(thesis)
        yield from self._children(thesis, 1)

    def _children(self, claim: Claim, indent: int) -> Iterator[str]:
        for relation, mark in _RELATION_MARK.items():
            for reason in claim.reasons(relation):
                # Argdown's undercut '_' under a statement cuts every use of it: an undercut of this
                # use goes on an argument of its own, as the other relations of a structure do.
                if reason.linked or reason.members[0].undercuts:
                    self.deferred.append((claim, reason, relation, None))
                    continue
                yield from self._item(reason.members[0], mark, indent)

    def _item(self, item: Item, mark: str, indent: int) -> Iterator[str]:
        pad = "  " * indent
        if isinstance(item, Ref):
            target = self.argmap.claim(item.target)
            title = self.titles[target.uid] if target is not None else item.target
            yield f"{pad}{mark} [{title}]"
            return
        yield f"{pad}{mark} {self._statement(item)}"
        yield from self._children(item, indent + 1)

    def _argument(
        self, conclusion: Claim, reason: Reason, relation: str, number: int, cut: str | None = None
    ) -> Iterator[str]:
        undercuts = [u for member in reason.members for u in member.undercuts]
        single = [u for u in undercuts if not u.linked]
        for linked in (u for u in undercuts if u.linked):
            # Co-premises that undercut together: a structure of their own that undercuts the claim
            # they are written on (Argdown's '_' takes one statement or argument).
            self._linked_undercut(reason.members[0], linked, f"a{number}")
        if undercuts or relation != "premises":
            # An argument that attacks its conclusion (or undercuts argument ``cut``) says so in its
            # data: Argdown's arguments support their conclusion.
            data = {"relation": relation} if cut is None else {"relation": relation, "of": cut}
            yield f"<a{number}>" + ("" if relation == "premises" else " " + _flow(data))
            for undercut in single:
                yield from self._item(undercut.members[0], "_", 1)
            yield ""
        for index, member in enumerate(reason.members, start=1):
            if isinstance(member, Ref):
                target = self.argmap.claim(member.target)
                yield f"({index}) [{self.titles[target.uid] if target is not None else member.target}]"
            else:
                yield f"({index}) {self._statement(member._replace(undercuts=()))}"
                yield from self._children(member._replace(undercuts=()), 1)
        yield "----"
        yield f"({len(reason.members) + 1}) [{self.titles[conclusion.uid]}]"

    def _linked_undercut(self, member: Item, undercut: Reason, argument: str) -> None:
        """Co-premises that undercut ``argument`` together: a structure of their own, which says in its
        data which argument it cuts (its conclusion, the claim cut, is only there for Argdown's sake)."""
        target = self.argmap.resolve(member)
        if target is not None:
            self.deferred.append((target, undercut, "undercuts", argument))


def _flow(data: dict[str, Any]) -> str:
    """Data as one line of YAML flow (JSON), braces and slashes inside strings escaped for Argdown."""

    def string(value: str) -> str:
        return (
            json.dumps(value, ensure_ascii=False)
            .replace("{", "\\u007b")
            .replace("}", "\\u007d")
            .replace("/", "\\u002f")
        )

    def flow(value: object) -> str:
        if isinstance(value, dict):
            return "{" + ", ".join(f"{string(str(k))}: {flow(v)}" for k, v in value.items()) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(flow(v) for v in value) + "]"
        if isinstance(value, str):
            return string(value)
        return json.dumps(value)

    return flow(data)
