"""Stage checks of `greet_strings`, run by tests/check.rs.

Usage: python check_greet_strings.py LIBRARY SCENARIO [SEED]
With SEED (grading's held-out inputs), the scenario runs on names generated from it.
"""

import ctypes
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
# The 8 bytes before every block of the workbook's allocator (tagged_allocator::TAG).
TAG = 0xFFFF_FFFF_FFFF_FF10


def greet(name, free=False):
    """Calls greet with `name` (bytes or None); returns the text, or None for NULL. With
    `free`, gives the string back with free_string. Stages 1 and 2 keep their few strings
    to the end of the process: stage 3 is the one that checks free_string."""
    pointer = lib.greet(name)
    if pointer is None:
        return None
    try:
        return ctypes.string_at(pointer).decode("utf-8")
    finally:
        if free:
            lib.free_string(pointer)


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
    # The library counts its live blocks (exercises/check-support/tagged-allocator): a
    # leaked greeting is one more block after each round trip; freed ones leave none.
    who = "Creed Bratton" if rng is None else held_out_name()
    name = (f"{who} " * (280 // (len(who) + 1) + 1)).encode("utf-8")
    calls = 200_000
    if not hasattr(lib, "workbook_live_allocations"):
        print("the library does not link the workbook's allocator: put `use tagged_allocator as _;` back at the top of src/lib.rs, as the starter has it")
        sys.exit(0)
    lib.workbook_live_allocations.restype = ctypes.c_size_t
    lib.workbook_allocation_tag.argtypes = [ctypes.c_void_p]
    lib.workbook_allocation_tag.restype = ctypes.c_uint64
    pointer = lib.greet(name)
    from_rust = pointer is not None and lib.workbook_allocation_tag(pointer) == TAG
    print("greet's string comes from Rust's allocator (CString::into_raw):", from_rust)
    if pointer is not None:
        lib.free_string(pointer)
    before = lib.workbook_live_allocations()
    for _ in range(calls):
        greet(name, free=True)
    grown = lib.workbook_live_allocations() - before
    verdict = "no leak" if grown == 0 else "greetings leak; does free_string free?"
    print(f"{calls} round trips greeting {who!r}: {grown} more live blocks in Rust's allocator: {verdict}")
else:
    sys.exit(f"unknown scenario {scenario!r}")
