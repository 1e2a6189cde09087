"""The confidentiality matrix of group supervision, role by role. Every piece of a
group's text is a unique marker; each role gets everything core will give it
(the group list, contract, sessions, every record, open actions, group time) and
may read exactly the markers its row allows:

| role | group text |
|---|---|
| member | shared and agreed records, actions, addenda; never a draft |
| member who left | only the records of the sessions they attended |
| facilitator | everything, drafts included |
| non-member practitioner, other supervisor, team lead of the team, other team lead, admin | nothing |

The team lead of the members' team sees group time (counts and minutes) and no
text; the lead of another team not even that."""

import pytest
from group_fixtures import actor, demo_group, past_session, record

from core.errors import PortalError
from core.groups import (group_access, group_actions, group_contract, group_counting,
                         group_membership, group_records, group_sessions)

ATTENDED = "GROUP-ATTENDED-1a2b"  # a shared record Tom attended (case, theme, learning, action)
MISSED = "GROUP-MISSED-3c4d"      # a shared record after which Tom left; he missed it
DRAFT = "GROUP-DRAFT-5e6f"        # the facilitator's draft
ADDENDUM = "GROUP-ADDENDUM-7a8b"  # an addendum to an agreed record
MARKERS = {ATTENDED, MISSED, DRAFT, ADDENDUM}
ALLOWED = {
    "sam.taylor": {ATTENDED, MISSED, ADDENDUM},    # a member
    "tom.baker": {ATTENDED, ADDENDUM},             # a member who left (attended both)
    "helen.carter": MARKERS,                       # the facilitator
    "jordan.ellis": set(),                         # a practitioner outside the group
    "marcus.reid": set(),                          # another supervisor
    "priya.shah": set(),                           # the lead of the members' team
    "daniel.okafor": set(),                        # the lead of another team
    "admin": set(),
}
MEMBERS = ("sam.taylor", "chloe.wright", "zara.hussain", "tom.baker")


def _texts(marker: str) -> dict:
    return dict(case_ref="", theme=f"Theme {marker}", learning=f"Learning {marker}")


def _world(db) -> dict:
    helen = actor(db, "helen.carter")
    ids = {u: actor(db, u).id for u in MEMBERS}
    attended = past_session(db, days_ago=12)
    record(db, attended, **_texts(ATTENDED), actions=[
        {"owner_id": ids["sam.taylor"], "description": f"Action {ATTENDED}", "due_date": None}])
    group_records.share(db, helen, attended)
    for u in MEMBERS:  # every attendee signs; Sam presented, so it is agreed
        group_records.sign_attendance(db, actor(db, u), attended)
    group_records.add_addendum(db, helen, attended, f"Addendum {ADDENDUM}")
    missed = past_session(db, days_ago=5)
    record(db, missed, **_texts(MISSED), attended=[ids[u] for u in MEMBERS[:3]])
    group_records.share(db, helen, missed)
    draft = past_session(db, days_ago=1)
    record(db, draft, **_texts(DRAFT))
    group_membership.record_leaving(db, helen, demo_group(db), ids["tom.baker"])
    return {"sessions": [attended, missed, draft]}


def _attempt(found: list, call) -> bool:
    try:
        found.append(repr(call()))
        return True
    except PortalError:
        return False


def _everything(db, username: str, world: dict) -> str:
    """All group text core hands this person, by any door."""
    who, group, found = actor(db, username), demo_group(db), []
    _attempt(found, lambda: [(s.group, s.members) for s in group_access.my_groups(db, who)])
    _attempt(found, lambda: group_contract.current(db, who, group))
    _attempt(found, lambda: group_sessions.listing(db, who, group))
    _attempt(found, lambda: group_actions.to_review(db, who, group))
    for sid in world["sessions"]:
        _attempt(found, lambda: group_records.read(db, who, sid)["record"])
    return "\n".join(found)


@pytest.mark.parametrize("username", sorted(ALLOWED))
def test_each_role_reads_exactly_its_row(demo, username):
    shown = _everything(demo, username, _world(demo))
    assert {m for m in MARKERS if m in shown} == ALLOWED[username]


@pytest.mark.parametrize("username", ["jordan.ellis", "marcus.reid", "priya.shah",
                                      "daniel.okafor", "admin"])
def test_outsiders_do_not_even_see_the_group(demo, username):
    _world(demo)
    who = actor(demo, username)
    assert group_access.my_groups(demo, who) == []
    assert not _attempt([], lambda: group_access.seat(demo, who, demo_group(demo)))


def test_a_member_never_reads_a_draft_even_by_its_session(demo):
    """Core hands a member the session's row; the draft's text is the facilitator's.
    The page lists only shared records; a member cannot sign or act on a draft."""
    world = _world(demo)
    sam = actor(demo, "sam.taylor")
    draft = world["sessions"][2]
    assert not _attempt([], lambda: group_records.sign_attendance(demo, sam, draft))


@pytest.mark.parametrize("username,sees", [("priya.shah", True), ("daniel.okafor", False),
                                           ("marcus.reid", False), ("helen.carter", True),
                                           ("sam.taylor", False), ("admin", False)])
def test_group_time_is_for_the_team_lead_of_the_team_and_supervisors_only(demo, username,
                                                                         sees):
    _world(demo)
    zara = actor(demo, "zara.hussain").id
    found = []
    assert _attempt(found, lambda: group_counting.attended(demo, actor(demo, username),
                                                           [zara])) == sees
    assert not any(m in "".join(found) for m in MARKERS)
