"""Stage checks of `greet_strings`, run by tests/check.rs.

Usage: python check_greet_strings.py LIBRARY SCENARIO
"""

import ctypes
import os
import sys

library, scenario = sys.argv[1:3]
lib = ctypes.CDLL(library)
# char *greet(const char *name);  The result is declared c_void_p, not c_char_p: c_char_p
# would copy the text into a bytes object and drop the pointer, which free_string needs.
lib.greet.argtypes = [ctypes.c_char_p]
lib.greet.restype = ctypes.c_void_p
# void free_string(char *s);
lib.free_string.argtypes = [ctypes.c_void_p]
lib.free_string.restype = None


def greet(name):
    """Calls greet with `name` (bytes or None); returns the text, or None for NULL."""
    pointer = lib.greet(name)
    if pointer is None:
        return None
    try:
        return ctypes.string_at(pointer).decode("utf-8")
    finally:
        lib.free_string(pointer)


def resident_bytes():
    """The process's resident memory in bytes (Linux /proc; elsewhere the peak)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024


if scenario == "greet":
    for name in ["Pam Beesly", "Zoë", "Dwight K. Schrute", ""]:
        print(f"greet({name!r}) -> {greet(name.encode('utf-8'))!r}")
elif scenario == "bad_input":
    print(f"greet(None) -> {greet(None)!r}")
    not_utf8 = b"Andy \xff\xfe"
    print(f"greet({not_utf8!r}) -> {greet(not_utf8)!r}")
    lib.free_string(None)
    print("free_string(None) returns quietly")
    print(f"greet('Kelly') still works -> {greet(b'Kelly')!r}")
elif scenario == "no_leak":
    # A long name makes each greeting about 300 bytes: 200,000 leaked greetings would
    # hold some 60 MiB, far above the allowance; freed ones hold nothing.
    name = ("Creed Bratton " * 20).encode("utf-8")
    calls, allowance = 200_000, 16 * 1024 * 1024
    for _ in range(10_000):  # warm up the allocators first
        greet(name)
    before = resident_bytes()
    for _ in range(calls):
        greet(name)
    grown = resident_bytes() - before
    if grown < allowance:
        print(f"{calls} round trips: resident memory grew by less than 16 MiB: no leak")
    else:
        print(f"{calls} round trips: resident memory grew by {grown / 2**20:.0f} MiB: every greeting leaks; does free_string free?")
else:
    sys.exit(f"unknown scenario {scenario!r}")
