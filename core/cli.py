"""Command-line set-up, for scripts and tests.

    python -m core.cli demo                  load the demo organisation
    python -m core.cli admin USERNAME NAME   create the first admin (password from
                                             $SUPERVISION_ADMIN_PASSWORD or a prompt)
    python -m core.cli upgrade               apply pending migrations
    python -m core.cli backup FILE           copy the live database to FILE, safely
    python -m core.cli restore FILE          put the backup FILE in place of the database
                                             (stop the portal first; the current database
                                             is kept aside, renamed with a timestamp)
    python -m core.cli reminders             send the reminders due now, each once (run it
                                             from cron every few minutes)

`--db PATH` (or $SUPERVISION_DB) picks the database; the default is data/supervision.db.
"""

import argparse
import getpass
import os
import sys

import db as storage

from core import clock
from core.admin import audit
from core.admin import setup
from core.demo.people import ACCOUNTS, DEMO_PASSWORD
from core.errors import ValidationError
from core.reminders import outbox


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m core.cli", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="database path (default: $SUPERVISION_DB or data/supervision.db)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("demo", help="load the demo organisation into an empty database")
    admin = sub.add_parser("admin", help="create the first admin account")
    admin.add_argument("username")
    admin.add_argument("name")
    sub.add_parser("upgrade", help="apply pending migrations")
    backup = sub.add_parser("backup", help="copy the live database to a file, safely")
    backup.add_argument("file")
    restore = sub.add_parser("restore", help="put a backup in place of the database")
    restore.add_argument("file")
    sub.add_parser("reminders", help="send the email reminders due now, each once")
    args = parser.parse_args(argv)

    if args.command == "restore":
        return _restore(args.db, args.file)

    database = storage.connect(args.db)
    try:
        if args.command == "demo":
            setup.load_demo(database)
            print(f"Demo organisation loaded. Every account's password is {DEMO_PASSWORD!r}.")
            for role, username in ACCOUNTS:
                print(f"  {role:<48} {username}")
        elif args.command == "admin":
            password = os.environ.get("SUPERVISION_ADMIN_PASSWORD") or getpass.getpass(
                "Password (12 to 72 bytes): ")
            setup.create_first_admin(database, username=args.username, name=args.name,
                                     password=password, repeat=password)
            print(f"Admin '{args.username}' created.")
        elif args.command == "upgrade":
            print("Database is up to date.")
        elif args.command == "reminders":
            return _reminders(database)
        elif args.command == "backup":
            target = storage.backup(database, args.file)
            with database.atomic():
                audit.record(database, None, "backup_taken", "database", None)
            print(f"Backed up to {target}.")
    except ValidationError as error:
        for field, message in error.errors.items():
            print(f"{field}: {message}", file=sys.stderr)
        return 2
    return 0


def _reminders(database) -> int:
    report = outbox.run(database)
    if report.off:
        print("Reminders are off: no SMTP relay is configured (see the README).")
        return 0
    print(f"Reminders: {report.sent} sent, {report.failed} failed (tried again later), "
          f"{report.due - report.sent - report.failed} already sent or waiting.")
    return 0


def _restore(path, source) -> int:
    """Check the backup, keep the current database aside, put the backup in place,
    upgrade it if it is older, and audit the restore in the restored database."""
    suffix = "before-restore-" + clock.now().strftime("%Y%m%dT%H%M%SZ")
    try:
        aside = storage.restore(path, source, aside_suffix=suffix)
    except storage.RestoreRefused as refusal:
        print(f"Not restored: {refusal}", file=sys.stderr)
        return 2
    database = storage.connect(path)
    with database.atomic():
        audit.record(database, None, "database_restored", "database", None,
                     kept_aside=aside.name if aside else None)
    database.conn.close()
    print(f"Restored from {source}." + (f" The database it replaced is kept as {aside}."
                                        if aside else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
