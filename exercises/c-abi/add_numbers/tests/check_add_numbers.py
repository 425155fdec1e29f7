"""Stage checks of `add_numbers`, run by tests/check.rs.

Usage: python check_add_numbers.py LIBRARY BINDINGS_DIR SCENARIO
LIBRARY is the built cdylib, BINDINGS_DIR the folder of the crate's bindings.py.
"""

import sys

library, bindings_dir, scenario = sys.argv[1:4]
sys.path.insert(0, bindings_dir)
import bindings  # noqa: E402  (the student's module, found through sys.path)

lib = bindings.load(library)

if scenario == "add_numbers":
    for a, b in [(2, 3), (1000, 234), (-7, 7), (2**31 - 1, 1)]:
        print(f"add_numbers({a}, {b}) = {lib.add_numbers(a, b)}")
elif scenario == "average_sale":
    for total, count in [(1500.0, 3), (99.99, 1), (10.0, 4), (0.0, 0)]:
        result = lib.average_sale(total, count)
        print(f"average_sale({total}, {count}) = {result!r} ({type(result).__name__})")
else:
    sys.exit(f"unknown scenario {scenario!r}")
