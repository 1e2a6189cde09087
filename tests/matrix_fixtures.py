"""The world of the confidentiality matrix, shared
by tests/core/access/test_confidentiality_matrix.py and its page half in tests/app.

Tom Baker was supervised by Marcus Reid (ended) and now by Helen Carter; Priya
Shah leads his team. Every secret is a unique marker string, one per row of the
matrix and kind of text, put where the matrix row says.
"""

import sqlite3
from datetime import timedelta

from reflection_fixtures import actor, arrangement_id, session, set_wellbeing

import db as storage
from core import clock, records, sessions
from core.access import history_consent
from core.sessions import informal
from core.preparation import journal
from core.preparation import reflections
from core.quality import auditors, feedback, file_audits
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
WB_DRAFT = "WELLBEING-DRAFT-1c2d"      # wellbeing changed after submitting, not resubmitted
CHANGED = "CHANGED-DRAFT-3e4f"         # an answer and an item changed after submitting: a draft
PRIVATE = "PRIVATE-NOTES-2b3c"         # the supervisor's own preparation
INFORMAL = "INFORMAL-SECRET-4d5e"      # an informal contact's topic and note
OLD_PERF = "OLD-PERF-SECRET-6f7a"      # the former supervisor's record: performance
OLD_SUPPORT = "OLD-SUPPORT-SECRET-8b9c"  # the former supervisor's record: support
MARKERS = (PERF, DEV, SUPPORT, FLAGGED, ADDENDUM, REFLECTION, DRAFT, JOURNAL, WB_HIDDEN,
           WB_SHARED, WB_DRAFT, CHANGED, PRIVATE, INFORMAL, OLD_PERF, OLD_SUPPORT)

SCORE_HIDDEN, SCORE_SHARED, SCORE_DRAFT = 1, 9, 4  # the scores with those three notes
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

# The supervisee's voice and file audits (built by _quality). Nadia Khan is the demo's
# auditor for the whole service; Daniel Okafor is named auditor of his own team only.
FEEDBACK_SHARED = "FEEDBACK-SHARED-7a1c"  # Tom's comment, shared with Helen
FEEDBACK_KEPT = "FEEDBACK-KEPT-2e9b"      # his comment on Marcus's record, kept out
AUDIT_SHARED = "AUDIT-SHARED-5d3f"        # Priya's audit of his file, shared
AUDIT_DRAFT = "AUDIT-DRAFT-8c6e"          # Nadia's audit of his file, in progress
MARKERS += (FEEDBACK_SHARED, FEEDBACK_KEPT, AUDIT_SHARED, AUDIT_DRAFT)
for _who, _more in {"tom.baker": {FEEDBACK_SHARED, FEEDBACK_KEPT, AUDIT_SHARED},
                    "helen.carter": {FEEDBACK_SHARED, AUDIT_SHARED},
                    "helen.carter+consent": {FEEDBACK_SHARED, AUDIT_SHARED},
                    "priya.shah": {AUDIT_SHARED, AUDIT_DRAFT},  # the team lead reads both
                    "nadia.khan": {PERF, DEV, FLAGGED, OLD_PERF, AUDIT_DRAFT}}.items():
    ALLOWED[_who] = ALLOWED.get(_who, set()) | _more


def _quality(db, w: dict) -> dict:
    tom, admin = w["tom"], actor(db, "admin")
    first = feedback.current(db)["statements"][0]["id"]
    feedback.give(db, tom, w["sid"], scores={first: 3}, comment=f"Said {FEEDBACK_SHARED}",
                  share_comment=True)
    feedback.give(db, tom, w["old_sid"], scores={first: 2}, comment=f"Said {FEEDBACK_KEPT}")
    audits = []
    for who, text in (("priya.shah", AUDIT_SHARED), ("nadia.khan", AUDIT_DRAFT)):
        auditor = actor(db, who)
        aid = file_audits.start(db, auditor, w["new"])
        found = file_audits.get(db, auditor, aid)
        file_audits.save(db, auditor, aid, grades={a["position"]: "inadequate"
                                                   for a in found["answers"]},
                         reasons={a["position"]: f"Item {text}" for a in found["answers"]},
                         overall="inadequate",
                         overall_reason=f"Overall {text}", actions=f"Do {text}")
        audits.append(aid)
    file_audits.share(db, actor(db, "priya.shah"), audits[0])
    daniel = actor(db, "daniel.okafor")
    auditors.name_auditor(db, admin, daniel.id, min(daniel.led_team_ids))
    return {"audits": audits}


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

    def prepared(days, answer, note, shared, submit=True, score=None):
        sid = session(db, "tom.baker", days=days, supervisor="helen.carter", hour=7)
        draft = reflections.open_draft(db, tom, sid)
        reflections.choose_prompt_set(db, tom, draft["id"], gibbs)
        draft = reflections.open_draft(db, tom, sid)
        reflections.save_field(db, tom, draft["id"], f"answers.{draft['answers'][0]['id']}.answer",
                               answer, was="")
        reflections.add_agenda_item(db, tom, draft["id"], title=f"Agenda {answer}",
                                    function="support", case_ref="", wants="support")
        if note:
            set_wellbeing(db, tom, draft["id"], score=score, note=note, shared=shared)
        if submit:
            reflections.submit(db, tom, draft["id"])
        return sid

    # The record: a held session Tom prepared for, agreed, with one item per row.
    sid = prepared(-1, REFLECTION, WB_HIDDEN, False, score=SCORE_HIDDEN)
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

    shared_sid = prepared(8, f"Next {REFLECTION}", WB_SHARED, True, score=SCORE_SHARED)
    # Tom changes his wellbeing check after submitting, and has not resubmitted yet.
    again = reflections.open_draft(db, tom, shared_sid)
    set_wellbeing(db, tom, again["id"], score=SCORE_DRAFT, note=WB_DRAFT, shared=True)
    reflections.save_field(db, tom, again["id"], f"answers.{again['answers'][0]['id']}.answer",
                           f"Changed {CHANGED}", was=again["answers"][0]["answer"])
    reflections.add_agenda_item(db, tom, again["id"], title=f"Also {CHANGED}",
                                function="performance", case_ref="", wants="advice")
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
    quality = _quality(db, {"tom": tom, "new": new, "sid": sid, "old_sid": old_sid})
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return quality | {"tom": tom, "new": new, "old": old, "sid": sid, "shared_sid": shared_sid,
            "draft_sid": draft_sid, "old_sid": old_sid, "entry": entry_id,
            "items": list(made.values()) + old_items[:2], "teams": list(teams.values())}




def worlds(demo_template, folder) -> dict:
    """The world, and a copy of it where Tom has agreed that Helen reads his history:
    {"plain": (db, w), "consent": (db, w), "paths": {"plain": path, "consent": path}}."""
    db = _copy(demo_template, folder / "world.db")
    w = _build(db)
    consented = _copy(folder / "world.db", folder / "consent.db")
    history_consent.give(consented, actor(consented, "tom.baker"), w["new"])
    consented.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {"plain": (db, w), "consent": (consented, w),
            "paths": {"plain": folder / "world.db", "consent": folder / "consent.db"}}
