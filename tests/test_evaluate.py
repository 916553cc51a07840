"""``argmap.evaluate``: small maps whose labels are known by hand, and properties of every labelling.

Each case lists the expected status of some claims (by uid). Reasons are checked only for the
claim they name, never for their wording.
"""

from __future__ import annotations

import textwrap

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.model import Claim
from tests.helpers import MAPS, load_text

EV = "evidence: [{text: seen}]"
ASSUMED = "assumption: true"


def statuses(text: str) -> dict[str, str]:
    return {uid: label.status for uid, label in argmap.evaluate(load_text(text)).labels.items()}


def chain(bottom: str) -> str:
    return f"""
    thesis:
      id: a
      claim: A
      premises:
        - id: b
          claim: B
          premises:
            - {{id: c, claim: C, {bottom}}}
    """


def objected(objection: str, ground: str = EV) -> str:
    """Thesis ``t`` (grounded by ``ground``) and one objection, written as a flow mapping."""
    return f"""
    thesis:
      id: t
      claim: T
      {ground}
      objections:
        - {objection}
    """


def undercut(undercuts: str, *more_premises: str) -> str:
    """Thesis ``t`` rests on ``p`` (with evidence), which ``undercuts`` deny supports it."""
    others = "".join(f"\n        - {premise}" for premise in more_premises)
    return f"""
    thesis:
      id: t
      claim: T
      premises:
        - {{id: p, claim: P, {EV}, undercuts: {undercuts}}}{others}
    """


def support_cycle(*more_premises_of_b: str) -> str:
    """``a`` rests on ``b``, which rests on ``a`` (and on ``more_premises_of_b``)."""
    others = "".join(f"\n                - {premise}" for premise in more_premises_of_b)
    return f"""
    thesis:
      id: t
      claim: T
      premises:
        - id: a
          claim: A
          premises:
            - id: b
              claim: B
              premises:
                - ref: a{others}
    """


# An objection 'a' and its rebuttal 'b' answer each other: an attack cycle.
CYCLE = f"""
    thesis:
      id: t
      claim: T
      {ASSUMED}
      objections:
        - id: a
          claim: A
          {EV}
          rebuttals:
            - id: b
              claim: B
              {EV}
              rebuttals:
                - ref: a
"""

R2 = f"{{id: r2, claim: R2, {EV}}}"  # the rebuttal of a rebuttal, grounded

CASES = {
    "chain grounded at the bottom": (chain(EV), {"a": "accepted", "b": "accepted", "c": "accepted"}),
    "chain with nothing at the bottom": (
        chain("note: nothing"),
        {"a": "unsupported", "b": "unsupported", "c": "unsupported"},
    ),
    "chain of an assumption": (chain(ASSUMED), {"a": "accepted", "b": "accepted", "c": "accepted"}),
    "linked group, one co-premise unsupported": (
        f"""
        thesis:
          id: t
          claim: T
          premises:
            - linked:
                - {{id: p, claim: P, {EV}}}
                - {{id: q, claim: Q}}
        """,
        {"t": "unsupported", "p": "accepted", "q": "unsupported"},
    ),
    "linked group, every co-premise accepted": (
        f"""
        thesis:
          id: t
          claim: T
          premises:
            - linked:
                - {{id: p, claim: P, {EV}}}
                - {{id: q, claim: Q, {ASSUMED}}}
        """,
        {"t": "accepted"},
    ),
    "independent premises, one failing": (
        f"""
        thesis:
          id: t
          claim: T
          premises:
            - {{id: p, claim: P, {EV}}}
            - {{id: q, claim: Q}}
        """,
        {"t": "accepted", "p": "accepted", "q": "unsupported"},
    ),
    "objection with nothing behind it": (objected("{id: o, claim: O}"), {"t": "accepted", "o": "unsupported"}),
    "objection with evidence, unanswered": (objected(f"{{id: o, claim: O, {EV}}}"), {"t": "rejected", "o": "accepted"}),
    "objection rebutted": (
        objected(f"{{id: o, claim: O, {EV}, rebuttals: [{{id: r, claim: R, {EV}}}]}}"),
        {"t": "accepted", "o": "rejected", "r": "accepted"},
    ),
    "rebuttal of a rebuttal": (
        objected(f"{{id: o, claim: O, {EV}, rebuttals: [{{id: r1, claim: R1, {EV}, rebuttals: [{R2}]}}]}}"),
        {"t": "rejected", "o": "accepted", "r1": "rejected", "r2": "accepted"},
    ),
    "attack cycle": (CYCLE, {"t": "undecided", "a": "undecided", "b": "undecided"}),
    "attack cycle broken from outside": (
        CYCLE.replace(
            "                - ref: a", f"                - ref: a\n                - {{id: c, claim: C, {EV}}}"
        ),
        {"c": "accepted", "b": "rejected", "a": "accepted", "t": "rejected"},
    ),
    "claim that attacks itself": (
        f"""
        thesis:
          id: t
          claim: T
          {EV}
          objections:
            - id: s
              claim: S
              {ASSUMED}
              objections:
                - ref: s
        """,
        {"t": "undecided", "s": "undecided"},
    ),
    "odd cycle of three": (
        f"""
        thesis:
          id: a
          claim: A
          {EV}
          objections:
            - id: b
              claim: B
              {EV}
              objections:
                - id: c
                  claim: C
                  {EV}
                  objections:
                    - ref: a
        """,
        {"a": "undecided", "b": "undecided", "c": "undecided"},
    ),
    "undercut accepted: the link is defeated": (
        undercut(f"[{{id: u, claim: U, {ASSUMED}}}]"),
        {"t": "unsupported", "p": "accepted", "u": "accepted"},
    ),
    "undercut with nothing behind it": (undercut("[{id: u, claim: U}]"), {"t": "accepted", "u": "unsupported"}),
    "undercut on one co-premise defeats the linked group": (
        f"""
        thesis:
          id: t
          claim: T
          premises:
            - linked:
                - id: p
                  claim: P
                  {EV}
                  undercuts:
                    - {{id: u, claim: U, {ASSUMED}}}
                - {{id: q, claim: Q, {EV}}}
        """,
        {"t": "unsupported", "p": "accepted", "q": "accepted"},
    ),
    "undercut on an objection defeats its attack": (
        objected(f"{{id: o, claim: O, {EV}, undercuts: [{{id: u, claim: U, {ASSUMED}}}]}}"),
        {"t": "accepted", "o": "accepted"},
    ),
    "undercut is about where it is written, not where the claim is ref'd": (
        undercut(f"[{{id: u, claim: U, {ASSUMED}}}]", "{id: x, claim: X, premises: [{ref: p}]}"),
        {"t": "accepted", "x": "accepted", "p": "accepted"},
    ),
    "undecided undercut": (
        f"""
        thesis:
          id: t
          claim: T
          premises:
            - id: p
              claim: P
              {EV}
              undercuts:
                - id: u
                  claim: U
                  {EV}
                  objections:
                    - id: v
                      claim: V
                      {EV}
                      objections:
                        - ref: u
        """,
        {"t": "undecided", "p": "accepted", "u": "undecided", "v": "undecided"},
    ),
    "undercut of an undercut, caught in a cycle": (
        f"""
        thesis:
          id: t
          claim: T
          premises:
            - id: p
              claim: P
              {EV}
              undercuts:
                - id: u
                  claim: U
                  {ASSUMED}
                  undercuts:
                    - id: v
                      claim: V
                      {ASSUMED}
                      objections:
                        - id: w
                          claim: W
                          {ASSUMED}
                          objections:
                            - ref: v
        """,
        {"t": "undecided", "p": "accepted", "u": "accepted", "v": "undecided", "w": "undecided"},
    ),
    "a ref shares one label between branches": (
        f"""
        thesis:
          id: t
          claim: T
          premises:
            - id: a
              claim: A
              premises:
                - id: s
                  claim: S
                  {ASSUMED}
                  objections:
                    - {{id: o, claim: O, {EV}}}
            - id: b
              claim: B
              premises:
                - ref: s
        """,
        {"s": "rejected", "a": "unsupported", "b": "unsupported", "t": "unsupported"},
    ),
    "support cycle with no ground": (support_cycle(), {"t": "unsupported", "a": "unsupported", "b": "unsupported"}),
    "support cycle grounded from outside": (
        support_cycle(f"{{id: g, claim: G, {EV}}}"),
        {"t": "accepted", "a": "accepted", "b": "accepted"},
    ),
    "unsupported claim with an accepted objection is rejected": (
        objected(f"{{id: o, claim: O, {EV}}}", ground=""),
        {"t": "rejected"},
    ),
    "unsupported claim with an undecided objection stays unsupported": (
        CYCLE.replace(f"      {ASSUMED}\n", ""),
        {"t": "unsupported", "a": "undecided"},
    ),
    "premise that depends on an attack cycle": (
        f"""
        thesis:
          id: t
          claim: T
          premises:
            - id: a
              claim: A
              {EV}
              objections:
                - id: b
                  claim: B
                  {EV}
                  objections:
                    - ref: a
        """,
        {"t": "undecided", "a": "undecided", "b": "undecided"},
    ),
    "ref to an unknown id supports nothing": (
        """
        thesis:
          id: t
          claim: T
          premises:
            - ref: nowhere
        """,
        {"t": "unsupported"},
    ),
    "linked objection counts only together": (
        f"""
        thesis:
          id: t
          claim: T
          {EV}
          objections:
            - linked:
                - {{id: o1, claim: O1, {EV}}}
                - {{id: o2, claim: O2}}
            - linked:
                - {{id: o3, claim: O3, {EV}}}
                - {{id: o4, claim: O4, {ASSUMED}}}
        """,
        {"t": "rejected", "o2": "unsupported"},
    ),
    "duplicate id: the first definition decides": (
        f"""
        thesis:
          id: t
          claim: T
          premises:
            - {{id: d, claim: D1, {EV}}}
            - {{id: d, claim: D2}}
        """,
        {"t": "accepted", "d": "accepted"},
    ),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_labels_known_by_hand(text, expected):
    got = statuses(text)
    assert {uid: got[uid] for uid in expected} == expected


@pytest.mark.parametrize(
    "case, uid, named",
    [
        ("objection with evidence, unanswered", "t", "'o'"),
        ("objection rebutted", "o", "'r'"),
        ("linked group, one co-premise unsupported", "t", "'q'"),
        ("undercut accepted: the link is defeated", "t", "'u'"),
        ("a ref shares one label between branches", "b", "'s'"),
        ("support cycle with no ground", "a", "'b'"),
        ("attack cycle", "a", "'b'"),
        ("attack cycle", "t", "'a'"),
        ("undecided undercut", "t", "'u'"),
        ("undercut of an undercut, caught in a cycle", "t", "'v'"),
        ("premise that depends on an attack cycle", "t", "'a'"),
    ],
)
def test_reasons_name_the_deciding_claim(case, uid, named):
    assert named in argmap.evaluate(load_text(CASES[case][0])).labels[uid].reason


def test_accepted_reason_never_argues_in_a_circle():
    # b is supported both by a (which rests on b) and by g: the reason given must be g.
    result = argmap.evaluate(load_text(CASES["support cycle grounded from outside"][0]))
    assert "'g'" in result.labels["b"].reason


def test_a_deep_chain_evaluates_without_recursion():
    """5,000 claims, each resting on the next (by ref, as nesting is limited), all in one linked group."""
    n = 5000
    members = [f"        - {{id: c{i}, claim: C{i}, premises: [{{ref: c{i + 1}}}]}}" for i in range(n - 1)]
    members.append(f"        - {{id: c{n - 1}, claim: C{n - 1}, {EV}}}")
    text = "thesis:\n  id: t\n  claim: T\n  premises:\n    - linked:\n" + "\n".join(members) + "\n"
    result = argmap.evaluate(argmap.loads(text))
    assert result.thesis.status == "accepted"
    assert {label.status for label in result.labels.values()} == {"accepted"}
    broken = argmap.evaluate(argmap.loads(text.replace(EV, "note: nothing")))
    assert broken.thesis.status == "unsupported" and broken.labels["c0"].status == "unsupported"


def settled_one_after_another(k: int) -> str:
    """k support loops x<->y; loop j's outside support z is attacked by w, which loop j-1 attacks."""
    lines = ["thesis:", "  id: t", "  claim: T", "  premises:", "    - linked:"]
    for j in range(k):
        lines += [f"        - {{id: x{j}, claim: X, premises: [{{id: y{j}, claim: Y, premises: [{{ref: x{j}}}]}}"]
        if j:
            lines[-1] += f", {{id: z{j}, claim: Z, {ASSUMED}, objections: [{{id: w{j}, claim: W, {ASSUMED}"
            lines[-1] += f", objections: [{{ref: x{j - 1}}}]}}]}}"
        lines[-1] += "]}"
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("k", [3, 400])
def test_loops_settled_one_after_another(k):
    """Each loop is found unfounded only once the loop before it is: the solver must not need one
    pass over the whole map per loop (this is the case that would make it quadratic)."""
    m = argmap.loads(settled_one_after_another(k))
    got = {uid: label.status for uid, label in argmap.evaluate(m).labels.items()}
    assert {got[f"x{j}"] for j in range(k)} == {"unsupported"}
    assert {got[f"z{j}"] for j in range(1, k)} == {"rejected"}
    assert {got[f"w{j}"] for j in range(1, k)} == {"accepted"}
    if k < 10:
        assert got == reference(m)


def test_the_seed_map_evaluates():
    m = argmap.load(MAPS / "bandow-iraq.yaml")
    result = argmap.evaluate(m)
    assert result.thesis_uid == "withdraw"
    assert result.thesis.status in ("accepted", "rejected", "undecided", "unsupported")
    assert set(result.labels) == {claim.uid for claim in m.claims}
    assert result.verdict().startswith("the thesis ")


def test_the_tutorial_map_gets_every_label():
    result = argmap.evaluate(argmap.load(MAPS / "tutorial-eval.yaml"))
    assert result.counts() == {"accepted": 3, "rejected": 1, "undecided": 3, "unsupported": 2}
    assert result.thesis.status == "undecided"


def test_label_prints_as_status_and_reason():
    label = argmap.Label("rejected", "objection 'x' stands unanswered")
    assert str(label) == "rejected: objection 'x' stands unanswered"


# -- properties: against a slow, obviously faithful reference on random maps ---------------------


def reference(m: argmap.ArgumentMap) -> dict[str, str]:
    """The well-founded labelling by Van Gelder's alternating fixpoint, straight from the rules."""
    claims: dict[str, Claim] = {}
    for claim in m.claims:
        claims.setdefault(claim.uid, claim)
    links = {}  # (uid, relation, k) -> (member uids, undercut link keys)
    for uid, claim in claims.items():
        for relation in ("premises", "objections", "rebuttals", "undercuts"):
            for k, reason in enumerate(claim.reasons(relation)):
                members, cuts = [], []
                for item in reason.members:
                    target = m.resolve(item)
                    members.append(target.uid if target else None)
                    if isinstance(item, Claim) and claims.get(item.uid) is item:
                        cuts += [(item.uid, "undercuts", j) for j in range(len(item.undercuts))]
                links[uid, relation, k] = (members, cuts)

    def attacks(uid):
        return [(uid, r, k) for r in ("objections", "rebuttals") for k in range(len(claims[uid].reasons(r)))]

    def gamma(assumed: set) -> set:
        """Least model when every negated atom is read as 'not in assumed'."""
        true: set = set()
        changed = True
        while changed:
            changed = False
            for key, (members, cuts) in links.items():
                if key not in true and all(x in true for x in members) and not any(u in assumed for u in cuts):
                    true.add(key)
                    changed = True
            for uid, claim in claims.items():
                grounded = claim.evidence or claim.assumption
                supported = grounded or any((uid, "premises", k) in true for k in range(len(claim.premises)))
                if uid not in true and supported and not any(a in assumed for a in attacks(uid)):
                    true.add(uid)
                    changed = True
        return true

    true: set = set()
    while (following := gamma(gamma(true))) != true:
        true = following
    possible = gamma(true)
    result = {}
    for uid in claims:
        if uid in true:
            result[uid] = "accepted"
        elif uid in possible:
            result[uid] = "undecided"
        else:
            result[uid] = "rejected" if any(a in true for a in attacks(uid)) else "unsupported"
    return result


IDS = st.sampled_from(["a", "b", "c", "d", "e"])


def claim_dicts(children: st.SearchStrategy | None, relations: tuple[str, ...]) -> st.SearchStrategy:
    extra = {} if children is None else {relation: st.lists(children, max_size=2) for relation in relations}
    return st.fixed_dictionaries(
        {"claim": st.just("x")},
        optional={"id": IDS, "evidence": st.just([{"text": "seen"}]), "assumption": st.just(True), **extra},
    )


def random_claim(relations: tuple[str, ...]) -> st.SearchStrategy:
    def item(inner: st.SearchStrategy) -> st.SearchStrategy:
        ref = st.fixed_dictionaries({"ref": IDS})
        return st.one_of(
            inner, ref, st.fixed_dictionaries({"linked": st.lists(st.one_of(inner, ref), min_size=2, max_size=2)})
        )

    return st.recursive(claim_dicts(None, relations), lambda inner: claim_dicts(item(inner), relations), max_leaves=14)


# Rebuttals are only allowed under objections, rebuttals and undercuts: a thesis with premises,
# objections and undercuts whose claims may carry rebuttals.
ATTACKER = random_claim(("objections", "rebuttals", "undercuts"))
SUPPORTER = random_claim(("premises", "objections", "undercuts"))
RANDOM_MAPS = st.fixed_dictionaries(
    {"claim": st.just("t")},
    optional={
        "id": IDS,
        "assumption": st.just(True),
        "premises": st.lists(SUPPORTER, max_size=3),
        "objections": st.lists(ATTACKER, max_size=2),
    },
)


@settings(deadline=None)
@given(RANDOM_MAPS)
def test_labels_match_the_reference_and_are_complete_and_stable(thesis):
    try:
        m = argmap.loads(yaml.safe_dump({"thesis": thesis}))
    except argmap.LoadError:
        return  # e.g. rebuttals under a premise: not a map
    first, second = argmap.evaluate(m), argmap.evaluate(m)
    assert first == second
    assert list(first.labels) == list(dict.fromkeys(claim.uid for claim in m.claims))
    assert {uid: label.status for uid, label in first.labels.items()} == reference(m)
    assert all(label.reason for label in first.labels.values())
    # An undecided claim is traced to a named claim of the attack cycle it depends on.
    undecided = [label.reason for label in first.labels.values() if label.status == "undecided"]
    assert all("'" in reason or reason == "it attacks itself" for reason in undecided)


def test_reference_agrees_on_the_hand_made_cases():
    for text, expected in CASES.values():
        got = reference(argmap.loads(textwrap.dedent(text)))
        assert {uid: got[uid] for uid in expected} == expected
