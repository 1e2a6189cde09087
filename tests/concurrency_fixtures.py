"""Running several writers at once, each on a thread of its own, for the tests of
what happens when people save at the same moment."""

import threading
from collections.abc import Callable


def run_together(targets: list[Callable[[], None]], wait: float) -> list[BaseException]:
    """Start every target on its own thread, wait up to `wait` seconds for each to
    end, and return what they raised (nothing, when all went well)."""
    errors: list[BaseException] = []

    def guarded(target):
        try:
            target()
        except BaseException as error:  # noqa: BLE001 - handed back to the test
            errors.append(error)

    threads = [threading.Thread(target=guarded, args=(target,)) for target in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(wait)
    return errors
