"""Every ```python block of the book runs (or carries a marker saying why not).

Run with the project's venv: ``.venv/bin/python -m pytest book/tests/python``
(``cargo xtask verify`` does). A failure names the page and the line of the fence.
"""

from __future__ import annotations

import pytest

from mdblocks import blocks, params
from runner import run


PARAMS = params(blocks)


def test_the_book_has_python_blocks():
    assert PARAMS, "no ```python block found under book/src: is the book there?"


@pytest.mark.parametrize(("block", "error"), PARAMS)
def test_python_block_runs(block, error):
    if error is not None:
        pytest.fail(error, pytrace=False)
    if block.not_run is not None:
        pytest.skip(f"{block.where}: not run ({block.not_run})")
    outcome = run(block)
    if not outcome.ok:
        pytest.fail(outcome.message, pytrace=False)
