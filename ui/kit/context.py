"""The database connection for this script run.

A sqlite-utils Database may only be used on the thread that opened it and
Streamlit runs each script run on its own thread, so the connection is kept
per thread and never shared.
"""

import threading

import db as storage

_local = threading.local()


def database():
    path = storage.default_path()
    held = getattr(_local, "held", None)
    if held is None or held[0] != path:
        held = (path, storage.connect(path))
        _local.held = held
    return held[1]
