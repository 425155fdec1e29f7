"""Properties: the Rust functions agree with the Python reference on every input."""

from hypothesis import given, settings
from hypothesis import strategies as st

import differential_testing as rust
import reference

I64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)


def differ(name, data):
    got = getattr(rust, name)(data)
    expected = getattr(reference, name)(data)
    if got != expected:
        raise ValueError(f"{name}({data!r}): Rust says {got!r}, the reference says {expected!r}")


@settings(max_examples=500)
@given(data=st.lists(I64))
def test_runs_matches_reference(data):
    differ("runs", data)


@settings(max_examples=500)
@given(data=st.lists(I64))
def test_unique_matches_reference(data):
    differ("unique", data)
