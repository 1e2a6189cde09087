"""The demo organisation: two teams, every role, and months of supervision.

Everything is dated relative to the day it is loaded, so the charts and
flags always have something current to show.
"""

from datetime import date

from core import clock
from core.demo.people import DEMO_PASSWORD, load_people
from core.demo.supervision import load_supervision
from core.demo.reflections import load_reflections
from core.demo.records import load_records
from core.demo.feedback import load_feedback
from core.demo.file_audit import load_file_audit
from core.demo.groups import load_groups

__all__ = ["DEMO_PASSWORD", "load"]


def load(db, today: date | None = None) -> dict:
    """Load the demo into an empty database; returns the people by username."""
    today = today or clock.today()
    people = load_people(db, today)
    load_supervision(db, people, today)
    load_reflections(db, people, today)  # after the sessions exist
    load_records(db, people, today)  # after the reflections
    load_feedback(db, people, today)  # after the records it answers
    load_file_audit(db, people, today)  # judged from everything above
    load_groups(db, people, today)
    return people
