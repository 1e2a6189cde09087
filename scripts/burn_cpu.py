"""Keep one CPU busy, for `./test --stress`: until the process that started it has
gone or `seconds` have passed, whichever comes first. Usage: burn_cpu.py PARENT SECONDS"""

import os
import sys
import time


def main() -> None:
    parent, seconds = int(sys.argv[1]), float(sys.argv[2])
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        if os.getppid() != parent:  # the test run has ended, however it ended
            return
        busy = time.monotonic() + 0.5
        while time.monotonic() < busy:
            pass


if __name__ == "__main__":
    main()
