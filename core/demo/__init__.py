"""The demo organisation: two teams, every role, and months of supervision.

Everything is dated relative to the day it is loaded, so the charts and
flags always have something current to show.
"""

from datetime import date

from .. import clock
from .people import DEMO_PASSWORD, load_people
from .supervision import load_supervision
from .reflections import load_reflections
from .records import load_records
from .feedback import load_feedback
from .file_audit import load_file_audit

__all__ = ["DEMO_PASSWORD", "load"]


def load(db, today: date | None = None) -> dict:
    """Load the demo into an empty database; returns the people by username."""
    today = today or clock.today()
    people = load_people(db, today)
    load_supervision(db, people, today)
    load_reflections(db, people, today)  # issue 4: after the sessions exist
    load_records(db, people, today)  # issue 5: after the reflections
    load_feedback(db, people, today)  # after the records it answers
    load_file_audit(db, people)  # judged from everything above
    return people
