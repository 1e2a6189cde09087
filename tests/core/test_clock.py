"""Tests move the calendar with clock.frozen: today, now and stamps follow it, in
London time across the clock changes, and the real clock comes back after."""

import threading
import time
from datetime import date, datetime, timezone

from core import clock


def test_a_frozen_day_is_noon_in_london_and_the_real_day_comes_back():
    real = clock.today()
    with clock.frozen(date(2027, 5, 3), tick=False) as moment:
        assert clock.today() == date(2027, 5, 3)
        assert moment == datetime(2027, 5, 3, 11, 0, tzinfo=timezone.utc)  # BST
        assert clock.stamp() == "2027-05-03T11:00:00+00:00"
        assert clock.local(clock.stamp()) == "3 May 2027, 12:00"
    assert clock.today() == real


def test_a_moment_is_london_time_on_either_side_of_a_clock_change():
    with clock.frozen(datetime(2027, 3, 28, 0, 30), tick=False):  # GMT, before 01:00 UTC
        assert clock.stamp() == "2027-03-28T00:30:00+00:00"
    with clock.frozen(datetime(2027, 3, 28, 23, 30), tick=False):  # BST
        assert clock.stamp() == "2027-03-28T22:30:00+00:00"
        assert clock.today() == date(2027, 3, 28)
    with clock.frozen(datetime(2026, 10, 25, 0, 30), tick=False):  # still BST
        assert clock.stamp() == "2026-10-24T23:30:00+00:00"
        assert clock.today() == date(2026, 10, 25)


def test_the_clock_runs_on_unless_told_not_to_and_blocks_nest():
    with clock.frozen(date(2026, 12, 25)):
        first = clock.now()
        time.sleep(0.01)
        assert clock.now() > first and clock.today() == date(2026, 12, 25)
        with clock.frozen(date(2027, 1, 16), tick=False):
            assert clock.now() == clock.now() and clock.today() == date(2027, 1, 16)
        assert clock.today() == date(2026, 12, 25)


def test_other_threads_see_it_and_epoch_stays_real():
    seen = []
    with clock.frozen(date(2027, 7, 14)):
        worker = threading.Thread(target=lambda: seen.append(clock.today()))
        worker.start()
        worker.join()
        assert abs(clock.epoch() - time.time()) < 5
    assert seen == [date(2027, 7, 14)]
