"""Times one small function called from Python in four ways; run by
`cargo xtask bench overhead`, which builds the `overhead` module first.

Usage: python bench.py LIBRARY   (LIBRARY: the built extension module's file, which also
exports `overhead_add` through the C ABI). `import overhead` must work (PYTHONPATH).
Prints one JSON object: the Python and cffi versions and, per way, the best time per
call in nanoseconds over several runs.
"""

import ctypes
import json
import platform
import sys
import timeit

import cffi
import overhead

library = sys.argv[1]


def add(a, b):
    return a + b


lib = ctypes.CDLL(library)
lib.overhead_add.argtypes = [ctypes.c_int64, ctypes.c_int64]
lib.overhead_add.restype = ctypes.c_int64

ffi = cffi.FFI()
ffi.cdef("int64_t overhead_add(int64_t a, int64_t b);")
flib = ffi.dlopen(library)

WAYS = [
    ("pure Python", add),
    ("PyO3", overhead.add),
    ("ctypes", lib.overhead_add),
    ("cffi (ABI mode)", flib.overhead_add),
]

results = []
for name, function in WAYS:
    assert function(1, 2) == 3, name
    timer = timeit.Timer("f(1, 2)", globals={"f": function})
    number, _ = timer.autorange()  # enough calls for 0.2 s
    best = min(timer.repeat(repeat=5, number=number))
    results.append({"way": name, "ns_per_call": best / number * 1e9, "calls": number * 5})

print(json.dumps({
    "python": f"{platform.python_implementation()} {platform.python_version()}",
    "cffi": cffi.__version__,
    "results": results,
}))
