"""Shared set-up for the contract and session tests: people and arrangements in the demo."""

from datetime import time, timedelta

from db import contracts as contract_rows
from core import clock, contracts
from core.people import arrangements
from core import workdays
from core.access.roles import load_actor


def who(db, username):
    return load_actor(db, username)


def arrangement_of(db, supervisee, kind="line", supervisor=None):
    sql = ("SELECT a.id FROM arrangements a JOIN users se ON se.id = a.supervisee_id "
           "JOIN users sr ON sr.id = a.supervisor_id WHERE se.username = ? AND a.kind = ?")
    args = [supervisee, kind]
    if supervisor:
        sql += " AND sr.username = ?"
        args.append(supervisor)
    return db.execute(sql + " ORDER BY a.start_date DESC", args).fetchone()[0]


def new_arrangement(db, supervisor="aisha.begum", supervisee="sam.taylor",
                    kind="child_protection", start=None):
    """A fresh arrangement with no contract, made by the admin."""
    return arrangements.create_arrangement(
        db, who(db, "admin"), supervisor_id=who(db, supervisor).id,
        supervisee_id=who(db, supervisee).id, kind=kind, start_date=start or clock.today())


def signed_arrangement(db) -> int:
    """A fresh arrangement (Aisha Begum supervises Sam Taylor) whose contract both have
    signed: sessions can be planned on it."""
    arrangement_id = new_arrangement(db)
    signed(db, arrangement_id)
    return arrangement_id


def signed(db, arrangement_id, supervisor="aisha.begum", supervisee="sam.taylor"):
    """Draft from the template and have both sign; returns the contract id."""
    contract_id = contracts.draft_contract(db, who(db, supervisor), arrangement_id)
    for person in (supervisor, supervisee):
        stamp = contract_rows.get(db, contract_id)["updated_at"]
        contracts.sign_contract(db, who(db, person), contract_id, stamp)
    return contract_id


def working_day(days_ahead=10, hour=10):
    day = workdays.on_or_after(clock.today() + timedelta(days=days_ahead))
    return day, time(hour, 0)
