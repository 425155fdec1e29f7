"""The reference implementation: plain Python, slow and obviously right.

The Rust functions of `differential_testing` must give the same answers on every input;
the properties in `properties.py` check that. This file is given.
"""

import itertools


def runs(data):
    """Run-length encoding: `[3, 3, 1]` gives `[(3, 2), (1, 1)]`."""
    return [(value, len(list(group))) for value, group in itertools.groupby(data)]


def unique(data):
    """The distinct values of `data`, each where it first appears: `[2, 1, 2]` gives `[2, 1]`."""
    seen = set()
    out = []
    for value in data:
        if value not in seen:
            seen.add(value)
            out.append(value)
    return out
