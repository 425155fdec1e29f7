"""Stage checks of `greet_strings`, run by tests/check.rs.

Usage: python check_greet_strings.py LIBRARY SCENARIO [SEED]
With SEED (grading's held-out inputs), the scenario runs on names generated from it.
"""

import ctypes
import os
import random
import sys

library, scenario = sys.argv[1:3]
rng = random.Random(int(sys.argv[3])) if len(sys.argv) > 3 else None
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


def held_out_name():
    """A name nobody has greeted: syllables, sometimes two words, sometimes not ASCII."""
    syllables = ["pam", "jim", "ké", "ør", "ly", "an", "dy", "zoë", "stan", "ley", "ø", "mé"]
    words = ["".join(rng.choice(syllables) for _ in range(rng.randint(1, 3))).capitalize() for _ in range(rng.randint(1, 2))]
    return " ".join(words)


if scenario == "greet":
    names = ["Pam Beesly", "Zoë", "Dwight K. Schrute", ""] if rng is None else [held_out_name() for _ in range(4)]
    for name in names:
        print(f"greet({name!r}) -> {greet(name.encode('utf-8'))!r}")
    # Each greeting is a new string: two held at once are two allocations, both intact.
    first, second = names[0], names[1] if rng is None else held_out_name()
    a, b = lib.greet(first.encode("utf-8")), lib.greet(second.encode("utf-8"))
    both = [ctypes.string_at(p).decode("utf-8") for p in (a, b)]
    where = "two different strings" if a != b else "one and the same buffer"
    print(f"greet({first!r}) and greet({second!r}) held at once: {where}, reading {both!r}")
    lib.free_string(a)
    if b != a:
        lib.free_string(b)
elif scenario == "bad_input":
    print(f"greet(None) -> {greet(None)!r}")
    not_utf8 = b"Andy \xff\xfe"
    if rng is not None:
        start = held_out_name().encode("utf-8")
        not_utf8 = start + bytes([rng.choice([0x80, 0xC0, 0xFF, 0xFE, 0xED])]) + b"x"
    print(f"greet({not_utf8!r}) -> {greet(not_utf8)!r}")
    lib.free_string(None)
    print("free_string(None) returns quietly")
    kelly = "Kelly" if rng is None else held_out_name()
    print(f"greet({kelly!r}) still works -> {greet(kelly.encode('utf-8'))!r}")
elif scenario == "no_leak":
    # A long name makes each greeting about 300 bytes: 200,000 leaked greetings would
    # hold some 60 MiB, far above the allowance; freed ones hold nothing.
    who = "Creed Bratton" if rng is None else held_out_name()
    name = (f"{who} " * (280 // (len(who) + 1) + 1)).encode("utf-8")
    calls, allowance = 200_000, 16 * 1024 * 1024
    for _ in range(10_000):  # warm up the allocators first
        greet(name)
    before = resident_bytes()
    for _ in range(calls):
        greet(name)
    grown = resident_bytes() - before
    if grown < allowance:
        print(f"{calls} round trips greeting {who!r}: resident memory grew by less than 16 MiB: no leak")
    else:
        print(f"{calls} round trips greeting {who!r}: resident memory grew by {grown / 2**20:.0f} MiB: every greeting leaks; does free_string free?")
else:
    sys.exit(f"unknown scenario {scenario!r}")
