"""Properties: the Rust functions agree with the Python reference on every input.

Hypothesis calls each `test_*` function with many generated inputs and, when one fails,
shrinks it to the smallest input that still fails. Run them with pytest
(`pytest python/properties.py` in this folder, after `maturin develop`); the check runs
them itself, also against the functions as they shipped, to see that they find bugs.
"""

from hypothesis import given
from hypothesis import strategies as st

import differential_testing as rust
import reference

# The Rust functions take `Vec<i64>`: a larger Python int cannot be converted.
I64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)


# ANCHOR: solution
@given(st.lists(I64))
def test_runs_matches_reference(data):
    assert len(rust.runs(data)) == len(reference.runs(data))


@given(st.lists(I64))
def test_unique_matches_reference(data):
    assert rust.unique(data) == reference.unique(data)
# ANCHOR_END: solution
