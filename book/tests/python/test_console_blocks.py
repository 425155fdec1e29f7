"""Every ```console block of the book works as printed, in a new terminal at the
repository's root (or carries a marker saying what to expect, or why it is not run).

Run with the project's venv: ``.venv/bin/python -m pytest book/tests/python``
(``cargo xtask verify`` does, after it has built every starter, so the checks the
exercise pages show reuse those builds). A failure names the page and the line of the
fence. The rules and markers: "Console blocks" in ``mdblocks.py``.
"""

from __future__ import annotations

import pytest

from consoles import run
from mdblocks import console_blocks, params


PARAMS = params(console_blocks)


def test_the_book_has_console_blocks():
    assert PARAMS, "no ```console block found under book/src: is the book there?"


@pytest.mark.parametrize(("block", "error"), PARAMS)
def test_console_block_works_as_printed(block, error):
    if error is not None:
        pytest.fail(error, pytrace=False)
    if block.not_run is not None:
        pytest.skip(f"{block.where}: not run ({block.not_run})")
    outcome = run(block)
    if not outcome.ok:
        pytest.fail(outcome.message, pytrace=False)
