"""The permission matrix of DESIGN.md, tried in full against core.

One world, built once: Tom Baker was supervised by Marcus Reid (ended) and now by
Helen Carter; Priya Shah leads his team. Every secret is a unique marker string
(one per row of the matrix and per kind of text). For every actor and every core
read function, each marker the matrix withholds from that actor must be absent
from whatever the function returns (searched recursively, documents unpacked),
or the function must refuse. Each such look is one check; the total is printed
at the end of the run (tests/conftest.py, pytest_terminal_summary).

The one deliberate exception: an admin's subject access export for another
person (core/exports/subject_access.py) is a legal disclosure to the data
subject, given to them and read by no one else; it is checked apart below.
"""

import io
import sqlite3
import zipfile
from dataclasses import fields, is_dataclass
from datetime import timedelta

import pytest
from pypdf import PdfReader
from reflection_fixtures import actor, arrangement_id, session

import db as storage
from core import (actions, arrangement_access, clock, contracts, history_consent, informal,
                  insights, journal, people, records, reflections, regularity, sessions,
                  supervision_tasks, tasks)
from core import compliance as compliance_views
from core.errors import PortalError
from core.exports import record_document, record_export, subject_access
from db import prompt_sets as prompt_table

# One marker per secret; the comment names its row of the matrix.
PERF = "PERF-SECRET-1a2b"              # record text: performance items
DEV = "DEV-SECRET-3c4d"                # record text: development items
SUPPORT = "SUPPORT-SECRET-7f3a"        # record text: support items (title, text, action)
FLAGGED = "FLAGGED-SECRET-9e8d"        # safeguarding-flagged item
ADDENDUM = "ADDENDUM-SECRET-5b6c"      # record text added after agreement
REFLECTION = "REFLECTION-SECRET-2d3e"  # reflection, once submitted
DRAFT = "DRAFT-SECRET-4f5a"            # reflection draft
JOURNAL = "JOURNAL-SECRET-6b7c"        # journal
WB_HIDDEN = "WELLBEING-UNSHARED-8d9e"  # wellbeing, not shared
WB_SHARED = "WELLBEING-SHARED-0f1a"    # wellbeing, shared with the supervisor
PRIVATE = "PRIVATE-NOTES-2b3c"         # the supervisor's own preparation
INFORMAL = "INFORMAL-SECRET-4d5e"      # an informal contact's topic and note
OLD_PERF = "OLD-PERF-SECRET-6f7a"      # the former supervisor's record: performance
OLD_SUPPORT = "OLD-SUPPORT-SECRET-8b9c"  # the former supervisor's record: support
MARKERS = (PERF, DEV, SUPPORT, FLAGGED, ADDENDUM, REFLECTION, DRAFT, JOURNAL, WB_HIDDEN,
           WB_SHARED, PRIVATE, INFORMAL, OLD_PERF, OLD_SUPPORT)

CURRENT = {PERF, DEV, SUPPORT, FLAGGED, ADDENDUM, REFLECTION, WB_SHARED, INFORMAL}
EARLIER = {OLD_PERF, OLD_SUPPORT}
# Who may read which marker. Everyone else, for every marker: nothing.
ALLOWED = {
    "tom.baker": set(MARKERS) - {PRIVATE},                 # the supervisee (self)
    "helen.carter": CURRENT | {PRIVATE},                   # his supervisor, no history consent
    "helen.carter+consent": CURRENT | {PRIVATE} | EARLIER,  # ... after he agrees
    "marcus.reid": EARLIER,                                # former supervisor: his own records
    "aisha.begum": set(),                                  # another supervisor
    "priya.shah": {PERF, DEV, FLAGGED, OLD_PERF},          # team lead: file audit only
    "daniel.okafor": set(),                                # lead of another team
    "admin": set(),
}


def _copy(source_path, target_path):
    source, target = sqlite3.connect(source_path), sqlite3.connect(target_path)
    source.backup(target)
    source.close()
    target.close()
    return storage.connect(target_path)


def _build(db) -> dict:
    tom, helen = actor(db, "tom.baker"), actor(db, "helen.carter")
    new = arrangement_id(db, "tom.baker", supervisor="helen.carter")
    old = arrangement_id(db, "tom.baker", supervisor="marcus.reid")
    gibbs = prompt_table.by_key(db, "gibbs")["id"]

    def prepared(days, answer, note, shared, submit=True):
        sid = session(db, "tom.baker", days=days, supervisor="helen.carter", hour=7)
        draft = reflections.open_draft(db, tom, sid)
        reflections.choose_prompt_set(db, tom, draft["id"], gibbs)
        draft = reflections.open_draft(db, tom, sid)
        reflections.save_field(db, tom, draft["id"], f"answers.{draft['answers'][0]['id']}.answer",
                               answer, was="")
        reflections.add_agenda_item(db, tom, draft["id"], title=f"Agenda {answer}",
                                    function="support", case_ref="", wants="support")
        if note:
            reflections.set_wellbeing(db, tom, draft["id"], score=2, note=note, shared=shared)
        if submit:
            reflections.submit(db, tom, draft["id"])
        return sid

    # The record: a held session Tom prepared for, agreed, with one item per row.
    sid = prepared(-1, REFLECTION, WB_HIDDEN, False)
    records.open_session(db, helen, sid)
    made = {}
    for key, function, text in (("perf", "performance", PERF), ("dev", "development", DEV),
                                ("support", "support", SUPPORT),
                                ("flagged", "support", FLAGGED)):
        item = records.add_item(db, helen, sid, title=f"Title {text}", function=function,
                                case_ref="")
        records.save_item(db, helen, item, {"discussion": f"Said {text}", "minutes": 10,
                                            "decision": f"Decided {text}",
                                            "rationale": f"Because {text}"},
                          expected_revision=0)
        made[key] = item
    records.flag_safeguarding(db, helen, made["flagged"], f"Reason {FLAGGED}")
    records.add_action(db, helen, made["support"], owner_id=tom.id,
                       description=f"Action {SUPPORT}", due_date=clock.today() + timedelta(days=9))
    records.add_action(db, helen, made["perf"], owner_id=tom.id,
                       description=f"Action {PERF}", due_date=clock.today() - timedelta(days=0))
    records.mark_held(db, helen, sid, clock.today() - timedelta(days=1), 60)
    records.share(db, helen, sid)
    records.sign(db, tom, sid)
    records.add_addendum(db, tom, sid, f"Later {ADDENDUM}")

    shared_sid = prepared(8, f"Next {REFLECTION}", WB_SHARED, True)
    draft_sid = prepared(15, DRAFT, "", False, submit=False)
    sessions.save_private_notes(db, helen, shared_sid, f"Mine {PRIVATE}")
    journal.save(db, tom, None, title=f"Entry {JOURNAL}", body=f"Body {JOURNAL}")
    informal.log_contact(db, helen, new, on=clock.today(), topic=f"Topic {INFORMAL}",
                         function="support", note=f"Note {INFORMAL}")

    # The former supervisor's agreed record: markers written straight into its items.
    old_sid = db.execute(
        "SELECT s.id FROM sessions s JOIN records r ON r.session_id = s.id "
        "WHERE s.arrangement_id = ? AND r.status = 'agreed' ORDER BY s.scheduled_at DESC",
        [old]).fetchone()[0]
    old_items = [r[0] for r in db.execute(
        "SELECT id FROM agenda_items WHERE session_id = ? ORDER BY position", [old_sid])]
    assert len(old_items) >= 2
    db["agenda_items"].update(old_items[0], {"function": "performance",
                                             "discussion": f"Old {OLD_PERF}"})
    db["agenda_items"].update(old_items[1], {"function": "support", "safeguarding": 0,
                                             "discussion": f"Old {OLD_SUPPORT}"})
    teams = {r["username"]: r["team_id"] for r in db.query(
        "SELECT username, team_id FROM users WHERE username IN ('priya.shah', 'daniel.okafor')")}
    entry_id = journal.entries(db, tom)[0]["id"]
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {"tom": tom, "new": new, "old": old, "sid": sid, "shared_sid": shared_sid,
            "draft_sid": draft_sid, "old_sid": old_sid, "entry": entry_id,
            "items": list(made.values()) + old_items[:2], "teams": list(teams.values())}


@pytest.fixture(scope="module")
def worlds(demo_template, tmp_path_factory):
    """The world, and a copy of it where Tom has agreed that Helen reads his history."""
    folder = tmp_path_factory.mktemp("matrix")
    db = _copy(demo_template, folder / "world.db")
    w = _build(db)
    consented = _copy(folder / "world.db", folder / "consent.db")
    history_consent.give(consented, actor(consented, "tom.baker"), w["new"])
    return {"plain": (db, w), "consent": (consented, w)}


def strings(value, seen=None):
    """Every piece of text inside a returned value: containers, dataclasses and
    objects opened, documents (DOCX, zip, PDF) unpacked."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, (bytes, bytearray)):
        data = bytes(value)
        if data[:2] == b"PK":
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                for name in z.namelist():
                    yield name
                    yield from strings(z.read(name))
        elif data[:4] == b"%PDF":
            yield "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
        else:
            yield data.decode("utf-8", "replace")
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from strings(k)
            yield from strings(v)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            yield from strings(v)
    elif is_dataclass(value):
        for f in fields(value):
            yield from strings(getattr(value, f.name))
    elif hasattr(value, "__dict__") and not isinstance(value, type):
        yield from strings(vars(value))
    elif value is not None:
        yield str(value)


def reads(db, w, who):
    """(name, thunk) for every core read function, with every argument that can
    reach the world's secrets."""
    me, tom = actor(db, who), w["tom"]
    sids = (w["sid"], w["shared_sid"], w["draft_sid"], w["old_sid"])
    since = clock.today() - timedelta(days=1000)
    out = [
        ("records.my_records", lambda: records.my_records(db, me)),
        ("records.late_records", lambda: records.late_records(db, me)),
        ("records.runnable_sessions", lambda: records.runnable_sessions(db, me)),
        ("records.notices_for", lambda: records.notices_for(db, me)),
        ("records.tasks", lambda: records.tasks(db, me)),
        ("reflections.upcoming", lambda: reflections.upcoming(db, me)),
        ("reflections.for_supervisor", lambda: reflections.for_supervisor(db, me,
                                                                          include_held=True)),
        ("reflections.submitted_sessions", lambda: reflections.submitted_sessions(db, me)),
        ("reflections.wellbeing_over_time",
         lambda: reflections.wellbeing_over_time(db, me, tom.id)),
        ("reflections.tasks", lambda: reflections.tasks(db, me)),
        ("journal.entries", lambda: journal.entries(db, me)),
        ("journal.entry", lambda: journal.entry(db, me, w["entry"])),
        ("insights.my_arrangements", lambda: insights.my_arrangements(db, me)),
        ("insights.wellbeing", lambda: insights.wellbeing(db, me, tom.id)),
        ("insights.supervisor_scope", lambda: insights.supervisor_scope(db, me)),
        ("insights.led_teams", lambda: insights.led_teams(db, me)),
        ("supervision_tasks.contract_tasks", lambda: supervision_tasks.contract_tasks(db, me)),
        ("supervision_tasks.overdue_tasks", lambda: supervision_tasks.overdue_tasks(db, me)),
        ("tasks.for_actor", lambda: tasks.for_actor(db, me)),
        ("history_consent.choices", lambda: history_consent.choices(db, me)),
        ("people.profile", lambda: people.profile(db, me)),
        ("arrangement_access.visible", lambda: arrangement_access.visible(db, me)),
        ("subject_access.collect(self)", lambda: subject_access.collect(db, me, me.id)),
    ]
    if who != "admin":  # the admin's export for Tom is the documented exception below
        out.append(("subject_access.collect(tom)", lambda: subject_access.collect(db, me, tom.id)))
    for team in w["teams"]:
        def team_views(team=team):
            scope = insights.team_scope(db, me, team)
            return (scope, compliance_views.team_compliance(db, scope),
                    compliance_views.standing(db, scope),
                    compliance_views.summary_columns(db, scope))
        out.append((f"insights.team_scope+compliance({team})", team_views))
    for arr in (w["new"], w["old"]):
        out += [
            (f"records.records_for({arr})", lambda a=arr: records.records_for(db, me, a)),
            (f"records.file_audit(arrangement {arr})",
             lambda a=arr: records.file_audit(db, me, arrangement_id=a)),
            (f"insights.personal_scope({arr})", lambda a=arr: insights.personal_scope(db, me, a)),
            (f"insights.timeline_scope({arr})",
             lambda a=arr: insights.timeline_scope(db, me, a, since=since)),
            (f"sessions.sessions_for({arr})", lambda a=arr: sessions.sessions_for(db, me, a)),
            (f"sessions.planned_ahead({arr})", lambda a=arr: sessions.planned_ahead(db, me, a)),
            (f"sessions.next_planned({arr})", lambda a=arr: sessions.next_planned(db, me, a)),
            (f"sessions.planned({arr})", lambda a=arr: sessions.planned(db, me, a)),
            (f"contracts.versions({arr})", lambda a=arr: contracts.versions(db, me, a)),
            (f"contracts.overview({arr})", lambda a=arr: contracts.overview(db, me, a)),
            (f"actions.open_for_arrangement({arr})",
             lambda a=arr: actions.open_for_arrangement(db, me, a)),
            (f"informal.contacts_for({arr})", lambda a=arr: informal.contacts_for(db, me, a)),
            (f"regularity.summary({arr})", lambda a=arr: regularity.summary(db, me, a)),
            (f"regularity.monthly({arr})", lambda a=arr: regularity.monthly(
                db, me, [a], since.replace(day=1), clock.today().replace(day=1))),
            (f"arrangement_access.readable({arr})",
             lambda a=arr: arrangement_access.readable(db, me, a)),
        ]
    for sid in sids:
        out += [
            (f"records.agenda({sid})", lambda s=sid: records.agenda(db, me, s)),
            (f"records.file_audit({sid})", lambda s=sid: records.file_audit(db, me, session_id=s)),
            (f"sessions.get_session({sid})", lambda s=sid: sessions.get_session(db, me, s)),
            (f"reflections.versions({sid})", lambda s=sid: reflections.versions(db, me, s)),
            (f"reflections.latest_submitted({sid})",
             lambda s=sid: reflections.latest_submitted(db, me, s)),
            (f"record_document.build({sid})", lambda s=sid: record_document.build(db, me, s)),
            (f"record_export.docx({sid})",
             lambda s=sid: record_export.record_file(db, me, s, "docx").data),
        ]
    out.append(("record_export.pdf", lambda: record_export.record_file(db, me, w["sid"],
                                                                        "pdf").data))
    if who == "tom.baker":  # opening a draft makes one for its owner: only his own
        out.append(("reflections.open_draft", lambda: reflections.open_draft(db, me,
                                                                             w["draft_sid"])))
    else:
        out += [(f"reflections.open_draft({sid})",
                 lambda s=sid: reflections.open_draft(db, me, s)) for s in sids]
    for item in w["items"]:
        out += [(f"records.case_note({item})", lambda i=item: records.case_note(db, me, i)),
                (f"records.case_note_filename({item})",
                 lambda i=item: records.case_note_filename(db, me, i))]
    return out




@pytest.mark.parametrize("who", list(ALLOWED))
def test_no_function_gives_anyone_what_the_matrix_withholds(worlds, who, record_property):
    db, w = worlds["consent" if who.endswith("+consent") else "plain"]
    username = who.split("+")[0]
    allowed, forbidden = ALLOWED[who], [m for m in MARKERS if m not in ALLOWED[who]]
    leaks, seen, checks = [], set(), 0
    for name, read in reads(db, w, username):
        try:
            text = "\n".join(strings(read()))
        except PortalError:  # refused (PermissionDenied, NotFound, ...): nothing given
            text = ""
        for marker in forbidden:
            checks += 1
            if marker in text:
                leaks.append(f"{name} gives {who} {marker}")
        seen |= {m for m in allowed if m in text}
    record_property("confidentiality_checks", checks)
    assert not leaks, "\n".join(leaks)
    # The world is real: each allowed secret reaches this actor through some function.
    assert seen == allowed, f"{who} never reads {sorted(allowed - seen)}"


def test_an_admins_subject_access_export_is_the_one_way_round_and_is_told(worlds):
    """The documented exception: a legal disclosure to the data subject, audited,
    and the person is told. It still never holds the supervisor's private notes."""
    db, w = worlds["plain"]
    admin = actor(db, "admin")
    data, documents = subject_access.collect(db, admin, w["tom"].id)
    text = "\n".join(strings((data, documents)))
    assert PRIVATE not in text
    assert JOURNAL in text  # the same as his own export
    made = subject_access.export(db, admin, w["tom"].id)
    assert PRIVATE not in "\n".join(strings(made.data))
    assert db.execute("SELECT count(*) FROM audit_events WHERE action = "
                      "'subject_access_exported'").fetchone()[0] == 1
