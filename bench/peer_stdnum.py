#!/usr/bin/python3
"""Peer baseline: python-stdnum (Debian python3-stdnum) validating the same
ID numbers as bench_validate --write-ids. Prints the same kind of line."""
import sys
import time

from stdnum.cn import ric
from stdnum.exceptions import ValidationError


def main(path):
    ids = open(path, encoding="ascii").read().split()
    ok = 0
    t0 = time.perf_counter()
    for number in ids:
        try:
            ric.validate(number)
            ok += 1
        except ValidationError:
            pass
    dt = time.perf_counter() - t0
    print(f"{'stdnum.cn.ric.validate':<28} {len(ids):9d} calls {dt:8.3f} s "
          f"{dt * 1e9 / len(ids):9.1f} ns/call  ({ok} valid)")


if __name__ == "__main__":
    main(sys.argv[1])
