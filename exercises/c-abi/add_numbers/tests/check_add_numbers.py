"""Stage checks of `add_numbers`, run by tests/check.rs.

Usage: python check_add_numbers.py LIBRARY BINDINGS_DIR SCENARIO [SEED]
LIBRARY is the built cdylib, BINDINGS_DIR the folder of the crate's bindings.py. With
SEED (grading's held-out inputs), the scenario runs on inputs generated from it.
"""

import random
import sys

library, bindings_dir, scenario = sys.argv[1:4]
rng = random.Random(int(sys.argv[4])) if len(sys.argv) > 4 else None
sys.path.insert(0, bindings_dir)
import bindings  # noqa: E402  (the student's module, found through sys.path)

lib = bindings.load(library)

if scenario == "add_numbers":
    pairs = [(2, 3), (1000, 234), (-7, 7), (2**31 - 1, 1)]
    if rng:
        pairs = [(rng.randint(-(2**31), 2**31 - 1), rng.randint(-(2**20), 2**20)) for _ in range(6)]
    for a, b in pairs:
        print(f"add_numbers({a}, {b}) = {lib.add_numbers(a, b)}")
elif scenario == "average_sale":
    cases = [(1500.0, 3), (99.99, 1), (10.0, 4), (0.0, 0)]
    if rng:
        cases = [(round(rng.uniform(0, 10_000), 2), rng.randint(1, 40)) for _ in range(5)] + [(round(rng.uniform(0, 99), 2), 0)]
    for total, count in cases:
        result = lib.average_sale(total, count)
        print(f"average_sale({total}, {count}) = {result!r} ({type(result).__name__})")
else:
    sys.exit(f"unknown scenario {scenario!r}")
