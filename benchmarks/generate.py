"""Generate realistic argument maps of a given size, for benchmarks and tests.

    python benchmarks/generate.py 10000 > /tmp/map-10k.yaml

The maps mix what real maps hold: independent premises with evidence from a handful of sources,
linked groups, objections with and without rebuttals, assumptions, refs to claims in other
branches, and about one claim in ten left unsupported, so that checks have problems to report.
The same ``n`` and ``seed`` always give the same text, and the map has exactly ``n`` claims.
"""

from __future__ import annotations

import random
import sys
from collections import deque
from dataclasses import dataclass, field

WORDS = (
    "policy cost benefit evidence forces region risk trade growth health school budget climate "
    "energy market safety election court voters housing transport water tax research data"
).split()


@dataclass
class _Node:
    uid: str
    role: str
    depth: int
    text: str
    #: relation -> items: a _Node, ("ref", uid) or ("linked", [_Node, ...])
    children: dict[str, list[object]] = field(default_factory=dict)


def _sentence(rng: random.Random) -> str:
    w = rng.sample(WORDS, 4)
    return f"The {w[0]} of {w[1]} affects {w[2]} {w[3]}."


def generate(n_claims: int, seed: int = 0, branching: int = 8) -> str:
    """YAML text of a map with exactly ``n_claims`` claims (the thesis included)."""
    rng = random.Random(seed)
    thesis = _Node("c0", "thesis", 0, _sentence(rng))
    queue = deque([thesis])
    by_depth: dict[int, list[str]] = {}
    count = 1
    while count < n_claims:
        parent = queue.popleft()
        for _ in range(rng.randint(1, branching)):
            if count >= n_claims:
                break
            relation = "rebuttals" if parent.role == "objection" else "premises"
            if parent.role != "objection" and rng.random() < 0.15:
                relation = "objections"
            items = parent.children.setdefault(relation, [])
            targets = by_depth.get(parent.depth + 1, [])
            if rng.random() < 0.03 and len(targets) > 3:
                # A claim of another branch at the next level down: never an ancestor, so no cycle.
                items.append(("ref", rng.choice(targets[:-3])))
                continue
            size = 2 if relation == "premises" and rng.random() < 0.12 and n_claims - count >= 2 else 1
            role = {"premises": "premise", "objections": "objection", "rebuttals": "rebuttal"}[relation]
            members = []
            for _ in range(size):
                child = _Node(f"c{count}", role, parent.depth + 1, _sentence(rng))
                count += 1
                members.append(child)
                queue.append(child)
                by_depth.setdefault(child.depth, []).append(child.uid)
            items.append(("linked", members) if size > 1 else members[0])
    lines = [
        "# yaml-language-server: $schema=../argmap/schema.json",
        "argmap: 1",
        f"title: Generated map of {n_claims} claims",
        "sources:",
    ]
    for key in range(10):
        lines += [f"  s{key}:", f"    author: Author {key}", f"    title: Report {key}", "    date: 2020-01-01"]
    lines.append("thesis:")
    _emit(thesis, "  ", "  ", lines, rng)
    return "\n".join(lines) + "\n"


def _emit(node: _Node, first: str, pad: str, lines: list[str], rng: random.Random) -> None:
    """Write one claim's keys: ``first`` prefixes its first line (``"  - "`` in a list), ``pad`` the rest."""
    lines.append(f"{first}id: {node.uid}")
    lines.append(f"{pad}claim: {node.text}")
    roll = rng.random()
    if node.role != "thesis" and roll < 0.05:
        lines.append(f"{pad}assumption: true")
    elif roll < 0.6 or (not node.children and roll < 0.9):
        lines += [
            f"{pad}evidence:",
            f'{pad}  - quote: "{" ".join(rng.sample(WORDS, 4))}"',
            f"{pad}    source: s{rng.randrange(10)}",
        ]
        if roll < 0.2:
            lines.append(f"{pad}    locator: p. {rng.randint(1, 400)}")
    for relation, items in node.children.items():
        lines.append(f"{pad}{relation}:")
        for item in items:
            if isinstance(item, _Node):
                _emit(item, pad + "  - ", pad + "    ", lines, rng)
            elif item[0] == "ref":
                lines.append(f"{pad}  - ref: {item[1]}")
            else:
                lines.append(f"{pad}  - linked:")
                for member in item[1]:
                    _emit(member, pad + "      - ", pad + "        ", lines, rng)


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    sys.stdout.write(generate(size, seed))
