"""Differential properties: Rust against the slow, obviously right reference."""

import hypothesis.strategies as st
from hypothesis import given

import differential_testing
import reference

lists_of_i64 = st.lists(st.integers(-(2**63), 2**63 - 1))


@given(lists_of_i64)
def test_runs_matches_reference(values):
    expected = reference.runs(values)
    actual = differential_testing.runs(values)
    assert actual == expected, f"runs disagree on {values}"


@given(lists_of_i64)
def test_unique_matches_reference(values):
    assert differential_testing.unique(values) == reference.unique(values), values
