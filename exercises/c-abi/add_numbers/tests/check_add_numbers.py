"""Stage checks of `add_numbers`, run by tests/check.rs.

Usage: python check_add_numbers.py LIBRARY BINDINGS_DIR SCENARIO [SEED]
LIBRARY is the built cdylib, BINDINGS_DIR the folder of the crate's bindings.py. With
SEED (grading's held-out inputs), the scenario runs on inputs generated from it.

Besides the results, each scenario reports what proves that the library computed them:
the check resolves each symbol through a ctypes handle of its own and compares it with
the function the bindings hand out (a Python function that computes the answer is not
the library's), and it watches the calls the bindings' `total_sales` makes.
"""

import ctypes
import random
import sys

library, bindings_dir, scenario = sys.argv[1:4]
rng = random.Random(int(sys.argv[4])) if len(sys.argv) > 4 else None
sys.path.insert(0, bindings_dir)
import bindings  # noqa: E402  (the student's module, found through sys.path)

lib = bindings.load(library)
# The check's own handle on the same library (the dynamic loader gives back the one the
# bindings opened).
own = ctypes.CDLL(library)


def resolved(name):
    """One line: whether `lib.<name>` is the library's exported function `name`."""
    try:
        exported = ctypes.cast(getattr(own, name), ctypes.c_void_p).value
    except AttributeError:
        return f"{name}: the library exports no such symbol"
    function = getattr(lib, name, None)
    if not isinstance(function, ctypes._CFuncPtr):
        return f"{name}: the bindings hand out a {type(function).__name__}, not a function of the library"
    if ctypes.cast(function, ctypes.c_void_p).value != exported:
        return f"{name}: the bindings hand out a C function that is not the library's {name}"
    return f"{name}: the library's exported symbol"


def declared(name):
    """One line: the argtypes and restype the bindings declared for `lib.<name>`."""
    function = getattr(lib, name)
    argtypes = ", ".join(t.__name__ for t in function.argtypes or [])
    restype = getattr(function.restype, "__name__", function.restype)
    return f"{name} declares ({argtypes}) -> {restype}"


def shown(argument):
    """How a call's argument reads in the report: a number as itself (a Python int or a
    ctypes integer), anything ctypes passes as a pointer (an array, `byref`, None) as
    `a pointer`."""
    if isinstance(argument, int):
        return str(argument)
    if isinstance(argument, ctypes._SimpleCData) and isinstance(argument.value, int):
        # `ctypes.c_size_t(n)` passes the same length as `n`: the rules ask for the length.
        return str(argument.value)
    if argument is None or isinstance(argument, (ctypes.Array, ctypes._Pointer)) or type(argument).__name__ == "CArgObject":
        return "a pointer"
    return f"a {type(argument).__name__}"


class Recording:
    """Stands for the library: records each call to `total_sales` (the type and length
    of what it was given), then forwards it to the real function."""

    def __init__(self, real):
        self.real = real
        self.calls = []

    def __getattr__(self, name):
        function = getattr(self.real, name)
        if name != "total_sales":
            return function

        def total_sales(*args):
            self.calls.append(", ".join(shown(a) for a in args))
            return function(*args)

        return total_sales


if scenario == "add_numbers":
    print(resolved("add_numbers"))
    pairs = [(2, 3), (1000, 234), (-7, 7), (2**31 - 1, 1)]
    if rng:
        pairs = [(rng.randint(-(2**31), 2**31 - 1), rng.randint(-(2**20), 2**20)) for _ in range(6)]
    for a, b in pairs:
        print(f"add_numbers({a}, {b}) = {lib.add_numbers(a, b)}")
elif scenario == "average_sale":
    print(resolved("average_sale"))
    print(declared("average_sale"))
    cases = [(1500.0, 3), (99.99, 1), (10.0, 4), (0.0, 0)]
    if rng:
        cases = [(round(rng.uniform(0, 10_000), 2), rng.randint(1, 40)) for _ in range(5)] + [(round(rng.uniform(0, 99), 2), 0)]
    for total, count in cases:
        result = lib.average_sale(total, count)
        print(f"average_sale({total}, {count}) = {result!r} ({type(result).__name__})")
elif scenario == "total_sales":
    print(resolved("total_sales"))
    print(declared("total_sales"))
    lists = [[1500.0, 99.99, 10.0], [0.5] * 7, [42.0], []]
    if rng:
        lists = [[round(rng.uniform(0, 5_000), 2) for _ in range(rng.randint(1, 12))] for _ in range(4)] + [[]]
    for sales in lists:
        recording = Recording(lib)
        result = bindings.total_sales(recording, sales)
        print(f"total_sales({sales}) = {result!r}; the bindings called lib.total_sales({'; '.join(recording.calls)})")
    print(f"lib.total_sales(None, 0) = {lib.total_sales(None, 0)!r}")
else:
    sys.exit(f"unknown scenario {scenario!r}")
