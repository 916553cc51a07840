"""The modelling decisions of the flagship map (``maps/bandow-iraq.yaml``), pinned through evaluate and check.

A close reading of the op-ed against the map (issue 12) decided how some of its passages are
modelled; these tests keep those decisions from being undone by a later edit:

- every view the author attributes to others is an objection under the claim it attacks, answered
  by his rebuttals; every point he grants is an assumption, answered by his undercuts;
- claims made of parts or cases that hold only together rest on a ``linked`` group, so that one
  part alone cannot carry them;
- his sardonic aside about Saudi Arabia supports his Iran branch instead of defeating it.

A decision is tested on the map as it is and on variants made from it, with some claims granted
or attacked, to show what the structure does, not only what it happens to give today.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

import argmap
from argmap.model import Claim, Position, Reason
from tests.helpers import MAPS, ROOT

SEED = MAPS / "bandow-iraq.yaml"


@pytest.fixture(scope="module")
def seed() -> argmap.ArgumentMap:
    return argmap.load(SEED)


def status(m: argmap.ArgumentMap, uid: str) -> str:
    return argmap.evaluate(m).labels[uid].status


def granted(m: argmap.ArgumentMap, *uids: str) -> argmap.ArgumentMap:
    """The map with these claims marked ``assumption: true``."""
    claims = tuple(c._replace(assumption=True) if c.uid in uids else c for c in m.claims)
    return dataclasses.replace(m, claims=claims)


def attacked(m: argmap.ArgumentMap, uid: str) -> argmap.ArgumentMap:
    """The map with a granted objection added under ``uid``, so that ``uid`` is rejected."""
    target = m.claim(uid)
    assert target is not None
    where = Position(1, 1)
    objection = Claim(f"against-{uid}", "A granted objection.", "objection", where, assumption=True)
    hit = target._replace(objections=(*target.objections, Reason((objection,), False, where)))
    claims = tuple(hit if c.uid == uid else c for c in m.claims)
    return dataclasses.replace(m, claims=(*claims, objection))


def members(m: argmap.ArgumentMap, reason: Reason) -> list[str]:
    """The uids a reason's members stand for (refs resolved)."""
    return [resolved.uid for item in reason.members if (resolved := m.resolve(item)) is not None]


def reasons_with(m: argmap.ArgumentMap, uid: str, relation: str, member: str) -> list[Reason]:
    """The reasons in ``relation`` of claim ``uid`` that have ``member`` among their members."""
    claim = m.claim(uid)
    assert claim is not None, uid
    return [reason for reason in claim.reasons(relation) if member in members(m, reason)]


# -- linked support: parts and cases that count only together -----------------------------------

ESCALATION_CASES = ["sanctions-wreck-ties", "attacking-iraqis-backfires", "striking-iran-madness"]
TROOPS_PARTS = ["troops-targeted", "deterrence-failed", "baghdad-cannot-rein-in"]


@pytest.mark.parametrize(
    "claim, parts", [("escalation-worse", ESCALATION_CASES), ("troops-at-risk", TROOPS_PARTS)], ids=["cases", "parts"]
)
def test_the_parts_support_their_claim_as_one_linked_group(seed, claim, parts):
    [reason] = seed.claim(claim).premises
    assert reason.linked and members(seed, reason) == parts


@pytest.mark.parametrize("case", ESCALATION_CASES)
def test_worse_than_leaving_is_not_accepted_when_one_case_is_rejected(seed, case):
    every_case_holds = granted(seed, "sanctions-wreck-ties")  # the one case he leaves bare
    assert status(every_case_holds, "escalation-worse") == "accepted"
    one_case_rejected = attacked(every_case_holds, case)
    assert status(one_case_rejected, case) == "rejected"
    assert status(one_case_rejected, "escalation-worse") == "unsupported"


def test_worse_than_leaving_fails_on_the_bare_sanctions_case_and_takes_escalation_with_it(seed):
    labels = argmap.evaluate(seed).labels
    assert [labels[case].status for case in ESCALATION_CASES] == ["unsupported", "accepted", "accepted"]
    assert labels["escalation-worse"] == ("unsupported", "co-premise 'sanctions-wreck-ties' is unsupported")
    assert labels["staying-means-escalation"].status == "unsupported"


@pytest.mark.parametrize("part", TROOPS_PARTS)
def test_the_troops_claim_is_not_accepted_on_fewer_than_all_its_parts(seed, part):
    assert status(seed, "troops-at-risk") == "accepted"
    assert status(attacked(seed, part), "troops-at-risk") == "unsupported"


# -- the Saudi aside: irony for his point, not a concession against it --------------------------


def test_the_saudi_aside_is_a_linked_premise_of_the_iran_branch(seed):
    saudi = "saudis-would-fight-to-last-american"
    [reason] = reasons_with(seed, "iran-no-reason", "premises", saudi)
    assert reason.linked and members(seed, reason) == [saudi, "stay-out-of-sectarian-war"]
    objections = [uid for c in seed.claims for reason in c.objections for uid in members(seed, reason)]
    assert saudi not in objections and "stay-out-of-sectarian-war" not in objections


@pytest.mark.parametrize("variant", ["as it is", "his sectarian point granted", "the aside rejected"])
def test_the_iran_branch_is_not_defeated_by_the_saudi_aside(seed, variant):
    m = {
        "as it is": seed,
        "his sectarian point granted": granted(seed, "stay-out-of-sectarian-war"),
        "the aside rejected": attacked(seed, "saudis-would-fight-to-last-american"),
    }[variant]
    assert status(m, "iran-no-reason") == "accepted"
    assert status(m, "withdraw") == "accepted"


def test_the_aside_is_support_that_can_carry_the_iran_branch_on_its_own(seed):
    # Take away every other reason for the branch: the aside, granted whole, still holds it up.
    others = ["iran-no-threat", "region-can-deter-iran", "iran-iraq-ties"]
    without = attacked(attacked(attacked(seed, others[0]), others[1]), others[2])
    assert status(without, "iran-no-reason") == "unsupported"
    assert status(granted(without, "stay-out-of-sectarian-war"), "iran-no-reason") == "accepted"


# -- views of others, answered by rebuttals; points he grants, answered by undercuts ------------

#: (objection, the claim it attacks, the claims his answer re-uses by ref or defines)
DISPUTED = [
    ("campaign-against-militias", "withdraw", {"risk-of-war-with-both", "attacking-iraqis-backfires"}),
    ("withdrawal-is-appeasement", "withdraw", {"retaliation-failed"}),
    ("iran-reason-to-stay", "iran-no-reason", {"iran-no-threat", "iraq-no-ally"}),
    ("deterrence-restored", "deterrence-failed", {"retaliation-failed", "attacks-escalating"}),
    ("baghdad-can-act", "baghdad-cannot-rein-in", {"tehran-embrace-deadly"}),
    ("strategic-dialogue", "baghdad-wont-choose", {"dialogue-wont-change"}),
]
GRANTED = [
    ("isis-may-return", "not-needed-vs-isis", {"isis-defeated"}),
    ("iraqis-want-no-master", "baghdad-wont-choose", {"iran-iraq-ties", "tehran-embrace-deadly"}),
    ("officials-want-us", "baghdad-wont-choose", {"iran-iraq-ties", "tehran-embrace-deadly"}),
    ("us-military-power", "striking-iran-expands-war", {"iran-asymmetric-reach"}),
]


@pytest.mark.parametrize("objection, target, answer", DISPUTED, ids=[row[0] for row in DISPUTED])
def test_each_view_he_disputes_is_an_objection_that_his_rebuttals_defeat(seed, objection, target, answer):
    assert reasons_with(seed, target, "objections", objection)
    claim = seed.claim(objection)
    assert not claim.assumption
    assert answer <= {uid for reason in claim.rebuttals for uid in members(seed, reason)}
    labels = argmap.evaluate(seed).labels
    assert labels[objection].status == "rejected"
    assert labels[target].status == "accepted"


@pytest.mark.parametrize("objection, target, answer", GRANTED, ids=[row[0] for row in GRANTED])
def test_each_point_he_grants_stands_but_his_undercut_takes_its_force(seed, objection, target, answer):
    assert reasons_with(seed, target, "objections", objection)
    claim = seed.claim(objection)
    assert claim.assumption and not claim.rebuttals
    assert answer <= {uid for reason in claim.undercuts for uid in members(seed, reason)}
    assert status(seed, objection) == "accepted"  # granted, so never "rejected"
    assert status(seed, target) == "accepted"
    # Without his answer the granted point would defeat the claim it is written under.
    unanswered = dataclasses.replace(
        seed, claims=tuple(c._replace(undercuts=()) if c.uid == objection else c for c in seed.claims)
    )
    assert status(unanswered, target) == "rejected"


def test_every_objection_of_the_map_is_one_of_the_decided_ones(seed):
    listed = {row[0] for row in DISPUTED + GRANTED}
    objections = {uid for c in seed.claims for reason in c.objections for uid in members(seed, reason)}
    assert objections == listed


def test_check_finds_no_objection_left_unanswered(seed):
    assert [p for p in argmap.check(seed) if p.rule == "unanswered-objection"] == []


# -- the README's account of the evaluation ------------------------------------------------------


def test_the_readme_account_of_eval_is_the_real_output(seed):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### What `argmap eval` finds in the op-ed", 1)[1].split("\n#", 1)[0]
    result = argmap.evaluate(seed)
    assert " ".join(result.verdict().split()) in " ".join(section.replace("*", "").split())
    rows = re.findall(r"^\| ([a-z-]+) \| ([a-z]+) \| (.+) \|$", section, flags=re.M)[1:]  # under the header
    assert len(rows) >= 10
    assert {uid: (label, why) for uid, label, why in rows} == {uid: tuple(result.labels[uid]) for uid, _, _ in rows}


def test_the_lines_the_readme_names_in_its_account_of_check_are_the_problems(seed):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What `argmap check` finds in the op-ed", 1)[1].split("\n## ", 1)[0]
    prose = section.split("```", 2)[2]  # after the example output
    named = {
        int(n) for group in re.findall(r"\(([\d, ]+)\)|line (\d+)", prose) for n in re.findall(r"\d+", "".join(group))
    }
    problems = argmap.check(seed)
    assert len(named) >= 8
    assert named <= {p.line for p in problems}
    objections = {p.line for p in problems if seed.claim(p.node).role == "objection"}
    assert objections and objections <= named  # each view of others it reports is accounted for
