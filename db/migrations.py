"""Numbered schema migrations. A migration never loses data.

Add a new function at the end for every change; never edit one that has
shipped. Times are ISO 8601 strings in UTC unless the column says otherwise;
dates are ISO `YYYY-MM-DD`. JSON columns hold text.
"""

import re

from sqlite_utils.migrations import Migrations

from db import feedback, file_audits, prompt_sets

MIGRATIONS = Migrations("supervision")

FUNCTIONS = "('performance','development','support')"


def _script(db, sql: str) -> None:
    for statement in sql.split(";"):
        if statement.strip():
            db.execute(statement)


@MIGRATIONS()
def m001_people(db):
    _script(
        db,
        """
        CREATE TABLE teams (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            lead_id INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL
        );
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE COLLATE NOCASE,
            name TEXT NOT NULL,
            email TEXT NOT NULL DEFAULT '',
            job_title TEXT NOT NULL DEFAULT '',
            password_hash TEXT NOT NULL,
            is_admin INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1,
            must_change_password INTEGER NOT NULL DEFAULT 0,
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked_until REAL,
            signed_out_at REAL,
            team_id INTEGER REFERENCES teams(id),
            fte REAL NOT NULL DEFAULT 1.0 CHECK (fte > 0 AND fte <= 1),
            created_at TEXT NOT NULL,
            deactivated_at TEXT
        );
        CREATE INDEX users_team ON users(team_id);
        CREATE TABLE arrangements (
            id INTEGER PRIMARY KEY,
            supervisor_id INTEGER NOT NULL REFERENCES users(id),
            supervisee_id INTEGER NOT NULL REFERENCES users(id),
            kind TEXT NOT NULL CHECK (kind IN ('line','child_protection','clinical')),
            start_date TEXT NOT NULL,
            end_date TEXT,
            history_shared_at TEXT,
            created_at TEXT NOT NULL,
            CHECK (supervisor_id <> supervisee_id),
            CHECK (end_date IS NULL OR end_date >= start_date)
        );
        CREATE INDEX arrangements_supervisor ON arrangements(supervisor_id);
        CREATE INDEX arrangements_supervisee ON arrangements(supervisee_id);
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE audit_events (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor_id INTEGER REFERENCES users(id),
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id INTEGER,
            detail TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX audit_entity ON audit_events(entity, entity_id);
        CREATE INDEX audit_actor ON audit_events(actor_id)
        """,
    )


@MIGRATIONS()
def m002_contracts_and_sessions(db):
    _script(
        db,
        f"""
        CREATE TABLE contracts (
            id INTEGER PRIMARY KEY,
            arrangement_id INTEGER NOT NULL REFERENCES arrangements(id),
            version INTEGER NOT NULL,
            purpose TEXT NOT NULL DEFAULT '',
            cadence_kind TEXT NOT NULL DEFAULT 'weeks'
                CHECK (cadence_kind IN ('weeks','asye','pro_rata')),
            cadence_weeks INTEGER NOT NULL DEFAULT 4 CHECK (cadence_weeks BETWEEN 1 AND 26),
            fte REAL NOT NULL DEFAULT 1.0 CHECK (fte > 0 AND fte <= 1),
            asye_start TEXT,
            session_minutes INTEGER NOT NULL DEFAULT 90,
            venue TEXT NOT NULL DEFAULT '',
            protected_time TEXT NOT NULL DEFAULT '',
            preparation TEXT NOT NULL DEFAULT '',
            confidentiality TEXT NOT NULL DEFAULT '',
            record_keeping TEXT NOT NULL DEFAULT '',
            share_within_days INTEGER NOT NULL DEFAULT 5,
            cancellation_rule TEXT NOT NULL DEFAULT '',
            disagreement_route TEXT NOT NULL DEFAULT '',
            start_date TEXT NOT NULL,
            review_date TEXT NOT NULL,
            review_reason TEXT NOT NULL DEFAULT '',
            supervisor_signed_at TEXT,
            supervisee_signed_at TEXT,
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (arrangement_id, version)
        );
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            arrangement_id INTEGER NOT NULL REFERENCES arrangements(id),
            contract_id INTEGER NOT NULL REFERENCES contracts(id),
            scheduled_at TEXT NOT NULL,
            planned_minutes INTEGER NOT NULL,
            venue TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned','held','cancelled','rescheduled')),
            held_on TEXT,
            held_minutes INTEGER,
            cancelled_by INTEGER REFERENCES users(id),
            cancel_reason TEXT,
            rescheduled_to INTEGER REFERENCES sessions(id),
            private_notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX sessions_arrangement ON sessions(arrangement_id, scheduled_at);
        CREATE TABLE informal_contacts (
            id INTEGER PRIMARY KEY,
            arrangement_id INTEGER NOT NULL REFERENCES arrangements(id),
            logged_by INTEGER NOT NULL REFERENCES users(id),
            contact_date TEXT NOT NULL,
            topic TEXT NOT NULL,
            function TEXT NOT NULL CHECK (function IN {FUNCTIONS}),
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE INDEX informal_arrangement ON informal_contacts(arrangement_id)
        """,
    )


@MIGRATIONS()
def m003_reflection(db):
    _script(
        db,
        f"""
        CREATE TABLE prompt_sets (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            description TEXT NOT NULL DEFAULT '',
            builtin INTEGER NOT NULL DEFAULT 0,
            retired_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE prompts (
            id INTEGER PRIMARY KEY,
            prompt_set_id INTEGER NOT NULL REFERENCES prompt_sets(id),
            position INTEGER NOT NULL,
            stage TEXT NOT NULL,
            function TEXT NOT NULL CHECK (function IN {FUNCTIONS}),
            text TEXT NOT NULL,
            scale INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX prompts_set ON prompts(prompt_set_id, position);
        CREATE TABLE reflections (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL UNIQUE REFERENCES sessions(id),
            supervisee_id INTEGER NOT NULL REFERENCES users(id),
            prompt_set_id INTEGER REFERENCES prompt_sets(id),
            answers TEXT NOT NULL DEFAULT '[]',
            agenda TEXT NOT NULL DEFAULT '[]',
            wellbeing_score INTEGER CHECK (wellbeing_score BETWEEN 0 AND 10),
            wellbeing_note TEXT NOT NULL DEFAULT '',
            wellbeing_shared INTEGER NOT NULL DEFAULT 0,
            saved_at TEXT NOT NULL,
            submitted_at TEXT,
            revision INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE reflection_versions (
            id INTEGER PRIMARY KEY,
            reflection_id INTEGER NOT NULL REFERENCES reflections(id),
            number INTEGER NOT NULL,
            submitted_at TEXT NOT NULL,
            content TEXT NOT NULL,
            UNIQUE (reflection_id, number)
        );
        CREATE TABLE journal_entries (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id),
            title TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            function TEXT CHECK (function IS NULL OR function IN {FUNCTIONS}),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX journal_user ON journal_entries(user_id)
        """,
    )


@MIGRATIONS()
def m004_records_and_actions(db):
    _script(
        db,
        f"""
        CREATE TABLE records (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL UNIQUE REFERENCES sessions(id),
            status TEXT NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft','shared','agreed','disputed')),
            revision INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            first_shared_at TEXT,
            shared_at TEXT,
            supervisor_signed_at TEXT,
            supervisee_signed_at TEXT,
            agreed_at TEXT
        );
        CREATE TABLE agenda_items (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            position INTEGER NOT NULL,
            source TEXT NOT NULL
                CHECK (source IN ('supervisee','supervisor','action','contract_review')),
            title TEXT NOT NULL,
            function TEXT NOT NULL CHECK (function IN {FUNCTIONS}),
            case_ref TEXT NOT NULL DEFAULT '',
            wants TEXT NOT NULL DEFAULT '',
            action_id INTEGER REFERENCES actions(id),
            discussion TEXT NOT NULL DEFAULT '',
            minutes INTEGER CHECK (minutes IS NULL OR minutes >= 0),
            situation TEXT NOT NULL DEFAULT '',
            analysis TEXT NOT NULL DEFAULT '',
            risk TEXT NOT NULL DEFAULT '',
            risk_score INTEGER CHECK (risk_score IS NULL OR risk_score BETWEEN 0 AND 10),
            decision TEXT NOT NULL DEFAULT '',
            rationale TEXT NOT NULL DEFAULT '',
            next_review TEXT,
            safeguarding INTEGER NOT NULL DEFAULT 0,
            safeguarding_reason TEXT NOT NULL DEFAULT '',
            safeguarding_by INTEGER REFERENCES users(id),
            safeguarding_at TEXT,
            revision INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX agenda_session ON agenda_items(session_id, position);
        CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            arrangement_id INTEGER NOT NULL REFERENCES arrangements(id),
            session_id INTEGER REFERENCES sessions(id),
            agenda_item_id INTEGER REFERENCES agenda_items(id),
            owner_id INTEGER NOT NULL REFERENCES users(id),
            description TEXT NOT NULL,
            due_date TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','dropped')),
            outcome TEXT NOT NULL DEFAULT '',
            closed_at TEXT,
            closed_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX actions_arrangement ON actions(arrangement_id, status);
        CREATE INDEX actions_owner ON actions(owner_id, status);
        CREATE TABLE record_disputes (
            id INTEGER PRIMARY KEY,
            record_id INTEGER NOT NULL REFERENCES records(id),
            by_id INTEGER NOT NULL REFERENCES users(id),
            comment TEXT NOT NULL,
            created_at TEXT NOT NULL,
            resolved_at TEXT,
            resolution TEXT
        );
        CREATE TABLE addenda (
            id INTEGER PRIMARY KEY,
            record_id INTEGER NOT NULL REFERENCES records(id),
            author_id INTEGER NOT NULL REFERENCES users(id),
            body TEXT NOT NULL,
            created_at TEXT NOT NULL
        )
        """,
    )


@MIGRATIONS()
def m005_builtin_prompt_sets(db):
    """Every installation gets the five built-in prompt sets."""
    prompt_sets.install_builtin(db)


@MIGRATIONS()
def m006_arrangement_versions(db):
    """A counter per arrangement, bumped by triggers whenever the data behind its
    balance charts changes, so a cache keyed on it sees every write at once,
    whichever part of the portal made it."""
    bump = """INSERT INTO arrangement_versions (arrangement_id, version)
              SELECT arrangement_id, 1 FROM sessions WHERE id = {session}
              ON CONFLICT (arrangement_id) DO UPDATE SET version = version + 1"""
    bump_arrangement = """INSERT INTO arrangement_versions (arrangement_id, version)
              VALUES ({arrangement}, 1)
              ON CONFLICT (arrangement_id) DO UPDATE SET version = version + 1"""
    db.execute("""CREATE TABLE arrangement_versions (
                      arrangement_id INTEGER PRIMARY KEY,
                      version INTEGER NOT NULL DEFAULT 0)""")
    watched = {
        "sessions": "arrangement_id, status, scheduled_at, held_on, held_minutes, planned_minutes",
        "agenda_items": "session_id, function, minutes, safeguarding",
        "reflections": "session_id, wellbeing_score, wellbeing_shared, submitted_at",
    }
    for table, columns in watched.items():
        if table == "sessions":
            new = bump_arrangement.format(arrangement="NEW.arrangement_id")
            old = bump_arrangement.format(arrangement="OLD.arrangement_id")
        else:
            new = bump.format(session="NEW.session_id")
            old = bump.format(session="OLD.session_id")
        db.execute(f"CREATE TRIGGER {table}_version_insert AFTER INSERT ON {table} "
                   f"BEGIN {new}; END")
        db.execute(f"CREATE TRIGGER {table}_version_delete AFTER DELETE ON {table} "
                   f"BEGIN {old}; END")
        db.execute(f"CREATE TRIGGER {table}_version_update AFTER UPDATE OF {columns} "
                   f"ON {table} BEGIN {old}; {new}; END")


@MIGRATIONS()
def m007_notices(db):
    """Notices to a person about their own supervision: e.g. that a team
    lead read items of their record for a file audit. Also indexes for records."""
    _script(
        db,
        """
        CREATE TABLE notices (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id),
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            session_id INTEGER REFERENCES sessions(id),
            read_at TEXT
        );
        CREATE INDEX notices_user ON notices(user_id, at);
        CREATE INDEX agenda_action ON agenda_items(action_id);
        CREATE INDEX actions_session ON actions(session_id);
        CREATE INDEX disputes_record ON record_disputes(record_id);
        CREATE INDEX addenda_record ON addenda(record_id)
        """,
    )


@MIGRATIONS()
def m008_compliance_versions(db):
    """The compliance figures (records waiting for a signature, record timeliness,
    overdue actions, regularity) also move an arrangement's version: triggers on
    records (status, sharing, signatures), actions (status, due date) and
    contracts (cadence, working days to share, signatures)."""
    # The SELECT form adds no row when a record's session is gone (never a NULL key).
    bump = """INSERT INTO arrangement_versions (arrangement_id, version)
              SELECT {arrangement}, 1 {source}
              ON CONFLICT (arrangement_id) DO UPDATE SET version = version + 1"""
    watched = {
        "records": ("session_id, status, first_shared_at, shared_at, supervisor_signed_at, "
                    "supervisee_signed_at, agreed_at",
                    "arrangement_id", "FROM sessions WHERE id = {row}.session_id"),
        "actions": ("arrangement_id, owner_id, status, due_date", "{row}.arrangement_id",
                    "WHERE true"),
        "contracts": ("arrangement_id, cadence_kind, cadence_weeks, fte, asye_start, "
                      "share_within_days, start_date, supervisor_signed_at, "
                      "supervisee_signed_at", "{row}.arrangement_id", "WHERE true"),
    }
    for table, (columns, arrangement, source) in watched.items():
        new, old = (bump.format(arrangement=arrangement.format(row=row),
                                source=source.format(row=row)) for row in ("NEW", "OLD"))
        db.execute(f"CREATE TRIGGER {table}_version_insert AFTER INSERT ON {table} "
                   f"BEGIN {new}; END")
        db.execute(f"CREATE TRIGGER {table}_version_delete AFTER DELETE ON {table} "
                   f"BEGIN {old}; END")
        db.execute(f"CREATE TRIGGER {table}_version_update AFTER UPDATE OF {columns} "
                   f"ON {table} BEGIN {old}; {new}; END")


@MIGRATIONS()
def m009_agenda_item_proposal(db):
    """An agenda item from the supervisee's reflection keeps the id of the proposed
    item it came from, so re-tagging or renaming it never makes the
    proposal look new. Items made before this have none."""
    db.execute("ALTER TABLE agenda_items ADD COLUMN proposal_id TEXT")


@MIGRATIONS()
def m010_audit_append_only(db):
    """The audit trail is append-only: triggers refuse any UPDATE or
    DELETE of an audit event, whoever asks. Indexes let the audit page filter
    by time and by kind of event and page through the whole trail."""
    for verb in ("UPDATE", "DELETE"):
        db.execute(f"CREATE TRIGGER audit_events_no_{verb.lower()} BEFORE {verb} "
                   f"ON audit_events BEGIN SELECT RAISE(ABORT, "
                   f"'audit events are append-only'); END")
    db.execute("CREATE INDEX audit_at ON audit_events(at)")
    db.execute("CREATE INDEX audit_action ON audit_events(action)")


@MIGRATIONS()
def m012_reminders(db):
    """Reminders by email. Each reminder has one row in reminder_sends, keyed by
    (kind, thing, person): the row is claimed before the email goes, so two runs
    at once never both send, and it keeps the outcome (never the content) for the
    admin page and for retrying a failed send later. reminder_opt_outs holds the
    kinds each person turned off. The index on sessions.rescheduled_to finds the
    session a moved one was first planned as (its calendar UID)."""
    _script(
        db,
        """
        CREATE TABLE reminder_sends (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            thing TEXT NOT NULL,
            user_id INTEGER NOT NULL REFERENCES users(id),
            status TEXT NOT NULL CHECK (status IN ('sending','sent','failed','given_up')),
            attempts INTEGER NOT NULL DEFAULT 0,
            claimed_by TEXT,
            claimed_at TEXT,
            sent_at TEXT,
            error_class TEXT,
            next_attempt_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX reminder_sends_updated ON reminder_sends(updated_at);
        CREATE INDEX reminder_sends_user ON reminder_sends(user_id, kind);
        CREATE TABLE reminder_opt_outs (
            user_id INTEGER NOT NULL REFERENCES users(id),
            kind TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (user_id, kind)
        );
        CREATE INDEX sessions_rescheduled_to ON sessions(rescheduled_to)
        """,
    )


@MIGRATIONS()
def m014_session_feedback(db):
    """The supervisee's voice: a versioned set of statements the admin keeps, and
    the supervisee's optional answers (1-5) on a session, with a comment they may
    share with the supervisor or keep out. Answers point at the statement row they
    answered, and a new wording is a new version, so old answers keep theirs."""
    _script(
        db,
        """
        CREATE TABLE feedback_sets (
            id INTEGER PRIMARY KEY,
            version INTEGER NOT NULL UNIQUE,
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL
        );
        CREATE TABLE feedback_statements (
            id INTEGER PRIMARY KEY,
            set_id INTEGER NOT NULL REFERENCES feedback_sets(id),
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            UNIQUE (set_id, position)
        );
        CREATE TABLE session_feedback (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL UNIQUE REFERENCES sessions(id),
            arrangement_id INTEGER NOT NULL REFERENCES arrangements(id),
            supervisee_id INTEGER NOT NULL REFERENCES users(id),
            set_id INTEGER NOT NULL REFERENCES feedback_sets(id),
            comment TEXT NOT NULL DEFAULT '',
            comment_shared INTEGER NOT NULL DEFAULT 0 CHECK (comment_shared IN (0, 1)),
            created_at TEXT NOT NULL
        );
        CREATE INDEX session_feedback_arrangement ON session_feedback(arrangement_id);
        CREATE TABLE feedback_scores (
            feedback_id INTEGER NOT NULL REFERENCES session_feedback(id),
            statement_id INTEGER NOT NULL REFERENCES feedback_statements(id),
            score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
            PRIMARY KEY (feedback_id, statement_id)
        )
        """,
    )
    feedback.install_first_set(db)


@MIGRATIONS()
def m015_file_audit(db):
    """File audits of a supervisee's supervision file: a checklist the admin keeps
    (preloaded; items the portal can judge carry a key), audits with a grade and
    reason per item, an overall grade and actions, shared with both people; and
    the random sample of files drawn for a quarter. Each answer keeps the item's
    wording as it was audited."""
    _script(
        db,
        """
        CREATE TABLE audit_checklist (
            id INTEGER PRIMARY KEY,
            position INTEGER NOT NULL,
            key TEXT UNIQUE,
            text TEXT NOT NULL,
            retired_at TEXT
        );
        CREATE TABLE file_audits (
            id INTEGER PRIMARY KEY,
            arrangement_id INTEGER NOT NULL REFERENCES arrangements(id),
            auditor_id INTEGER NOT NULL REFERENCES users(id),
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            overall_grade TEXT CHECK (overall_grade IN
                ('good','requires_improvement','inadequate')),
            overall_reason TEXT NOT NULL DEFAULT '',
            actions TEXT NOT NULL DEFAULT '',
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            shared_at TEXT
        );
        CREATE INDEX file_audits_arrangement ON file_audits(arrangement_id);
        CREATE TABLE file_audit_answers (
            audit_id INTEGER NOT NULL REFERENCES file_audits(id),
            position INTEGER NOT NULL,
            item_key TEXT,
            item_text TEXT NOT NULL,
            evidence TEXT NOT NULL DEFAULT '{}',
            suggested TEXT,
            grade TEXT CHECK (grade IN ('good','requires_improvement','inadequate')),
            reason TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (audit_id, position)
        );
        CREATE TABLE file_audit_samples (
            id INTEGER PRIMARY KEY,
            team_id INTEGER NOT NULL REFERENCES teams(id),
            quarter TEXT NOT NULL,
            arrangement_id INTEGER NOT NULL REFERENCES arrangements(id),
            audit_id INTEGER REFERENCES file_audits(id),
            drawn_by INTEGER NOT NULL REFERENCES users(id),
            drawn_at TEXT NOT NULL,
            UNIQUE (quarter, arrangement_id)
        )
        """,
    )
    file_audits.install_checklist(db)


@MIGRATIONS()
def m017_times_with_offset(db):
    """Every stored time carries its offset. Times written without one are UTC (the
    portal has always stamped in UTC); they gain '+00:00' here, so that one rule reads
    them all (core/clock.py parse_stamp). The audit trail is append-only by design: its
    rows keep their text, and the same rule reads them."""
    naive = re.compile(r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?$")
    for table in db.table_names():
        if table in ("audit_events", "_sqlite_migrations") or table.startswith("sqlite_"):
            continue
        for column in [c.name for c in db[table].columns if c.name.endswith("_at")]:
            rows = db.execute(
                f'SELECT rowid, "{column}" FROM "{table}" WHERE typeof("{column}") = \'text\''
            ).fetchall()
            fixed = [(value + "+00:00", rowid) for rowid, value in rows if naive.match(value)]
            if fixed:
                db.conn.executemany(
                    f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?', fixed)


@MIGRATIONS()
def m018_group_supervision(db):
    """Group supervision: a facilitator and 3 to 10 members, a contract of the group's
    own (versioned; the facilitator drafts, each member signs), planned sessions, and
    one record per held session: attendance with each member's role and signature,
    the case or theme presented and by whom, the learning, and actions with owners.
    There is no column for personal support about one member, on purpose."""
    _script(
        db,
        """
        CREATE TABLE groups (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            facilitator_id INTEGER NOT NULL REFERENCES users(id),
            start_date TEXT NOT NULL,
            end_date TEXT,
            created_at TEXT NOT NULL
        );
        CREATE TABLE group_members (
            group_id INTEGER NOT NULL REFERENCES groups(id),
            user_id INTEGER NOT NULL REFERENCES users(id),
            joined_on TEXT NOT NULL,
            left_on TEXT,
            PRIMARY KEY (group_id, user_id)
        );
        CREATE INDEX group_members_user ON group_members(user_id);
        CREATE TABLE group_contracts (
            id INTEGER PRIMARY KEY,
            group_id INTEGER NOT NULL REFERENCES groups(id),
            version INTEGER NOT NULL,
            purpose TEXT NOT NULL,
            ground_rules TEXT NOT NULL,
            confidentiality TEXT NOT NULL,
            frequency_weeks INTEGER NOT NULL CHECK (frequency_weeks BETWEEN 1 AND 26),
            session_minutes INTEGER NOT NULL,
            drafted_by INTEGER NOT NULL REFERENCES users(id),
            drafted_at TEXT NOT NULL,
            UNIQUE (group_id, version)
        );
        CREATE TABLE group_contract_signatures (
            contract_id INTEGER NOT NULL REFERENCES group_contracts(id),
            user_id INTEGER NOT NULL REFERENCES users(id),
            signed_at TEXT NOT NULL,
            PRIMARY KEY (contract_id, user_id)
        );
        CREATE TABLE group_sessions (
            id INTEGER PRIMARY KEY,
            group_id INTEGER NOT NULL REFERENCES groups(id),
            scheduled_at TEXT NOT NULL,
            minutes INTEGER NOT NULL,
            venue TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned','held','cancelled')),
            held_on TEXT,
            cancel_reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE INDEX group_sessions_group ON group_sessions(group_id, scheduled_at);
        CREATE TABLE group_records (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL UNIQUE REFERENCES group_sessions(id),
            theme TEXT NOT NULL DEFAULT '',
            case_ref TEXT NOT NULL DEFAULT '',
            presenter_id INTEGER REFERENCES users(id),
            learning TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','shared','agreed')),
            updated_at TEXT NOT NULL,
            shared_at TEXT,
            presenter_signed_at TEXT,
            agreed_at TEXT
        );
        CREATE TABLE group_attendance (
            record_id INTEGER NOT NULL REFERENCES group_records(id),
            user_id INTEGER NOT NULL REFERENCES users(id),
            attended INTEGER NOT NULL CHECK (attended IN (0, 1)),
            role TEXT CHECK (role IN ('presenter','advisor','reflecting_team')),
            signed_at TEXT,
            PRIMARY KEY (record_id, user_id)
        );
        CREATE INDEX group_attendance_user ON group_attendance(user_id);
        CREATE TABLE group_actions (
            id INTEGER PRIMARY KEY,
            record_id INTEGER NOT NULL REFERENCES group_records(id),
            owner_id INTEGER NOT NULL REFERENCES users(id),
            description TEXT NOT NULL,
            due_date TEXT,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','dropped')),
            closed_at TEXT
        )
        """,
    )


@MIGRATIONS()
def m019_group_changes(db):
    """Group supervision after set-up: a group action closes with its outcome and who
    closed it; a planned group session moved keeps where it was and why; an agreed
    group record takes addenda (its text never changes). Membership changes use
    group_members.joined_on and left_on, which m018 made."""
    _script(
        db,
        """
        ALTER TABLE group_actions ADD COLUMN outcome TEXT NOT NULL DEFAULT '';
        ALTER TABLE group_actions ADD COLUMN closed_by INTEGER REFERENCES users(id);
        ALTER TABLE group_sessions ADD COLUMN moved_from TEXT;
        ALTER TABLE group_sessions ADD COLUMN move_reason TEXT NOT NULL DEFAULT '';
        CREATE TABLE group_record_addenda (
            id INTEGER PRIMARY KEY,
            record_id INTEGER NOT NULL REFERENCES group_records(id),
            created_at TEXT NOT NULL,
            author_id INTEGER NOT NULL REFERENCES users(id),
            body TEXT NOT NULL
        );
        CREATE INDEX group_record_addenda_record ON group_record_addenda(record_id);
        CREATE INDEX group_actions_owner ON group_actions(owner_id, status)
        """,
    )


@MIGRATIONS()
def m020_file_auditors(db):
    """Named file auditors: a person the admin names to audit supervision files in one
    team (team_id) or across the whole service (team_id NULL). Naming gives no other
    access: no balance, no reflections, no personal support."""
    _script(
        db,
        """
        CREATE TABLE file_auditors (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id),
            team_id INTEGER REFERENCES teams(id),
            named_by INTEGER REFERENCES users(id),
            named_at TEXT NOT NULL
        );
        CREATE INDEX file_auditors_user ON file_auditors(user_id)
        """,
    )


# One row per arrangement, in the admin list's order; the triggers keep it right on
# every write, whichever code makes it.
_LISTING_ROW = ("INSERT OR REPLACE INTO arrangement_listing VALUES (NEW.id, "
                "NEW.end_date IS NOT NULL, "
                "COALESCE((SELECT name FROM users WHERE id = NEW.supervisee_id), ''), NEW.kind)")
_LISTING_TRIGGERS = (
    f"""CREATE TRIGGER arrangement_listing_added AFTER INSERT ON arrangements
        BEGIN {_LISTING_ROW}; END""",
    f"""CREATE TRIGGER arrangement_listing_changed AFTER UPDATE ON arrangements
        BEGIN {_LISTING_ROW}; END""",
    """CREATE TRIGGER arrangement_listing_removed AFTER DELETE ON arrangements
        BEGIN DELETE FROM arrangement_listing WHERE arrangement_id = OLD.id; END""",
    """CREATE TRIGGER arrangement_listing_renamed AFTER UPDATE OF name ON users
        BEGIN UPDATE arrangement_listing SET supervisee_name = NEW.name
              WHERE arrangement_id IN (SELECT id FROM arrangements
                                       WHERE supervisee_id = NEW.id); END""",
)


@MIGRATIONS()
def m021_listing_order(db):
    """The admin's lists read a page in order instead of sorting the whole authority
    on every run. People: an index in the list's order (active first, then by name),
    which also holds what a search or a count reads. Arrangements (running first,
    then by the supervisee's name, the kind and the id): a table of their own in
    that order, as its sort key is in two tables; triggers keep it right."""
    _script(db, """
        CREATE INDEX users_listing ON users(active DESC, name COLLATE NOCASE, id, username);
        CREATE TABLE arrangement_listing (
            arrangement_id INTEGER PRIMARY KEY,
            ended INTEGER NOT NULL,
            supervisee_name TEXT NOT NULL,
            kind TEXT NOT NULL
        );
        CREATE INDEX arrangement_listing_order
            ON arrangement_listing(ended, supervisee_name, kind, arrangement_id);
        INSERT INTO arrangement_listing
            SELECT a.id, a.end_date IS NOT NULL, u.name, a.kind
            FROM arrangements a JOIN users u ON u.id = a.supervisee_id
        """)
    for trigger in _LISTING_TRIGGERS:
        db.execute(trigger)


@MIGRATIONS()
def m022_sign_in_handoffs(db):
    """One-time hand-overs from a password sign-in in the page to the server route
    that sets the HttpOnly sign-in cookie. Only a hash of each token is kept, and a
    row lives a minute at most."""
    _script(
        db,
        """
        CREATE TABLE sign_in_handoffs (
            token_hash TEXT PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id),
            signed_in_at REAL NOT NULL,
            expires_at REAL NOT NULL
        )
        """,
    )
