"""Runs one ```console block of the book (see "Console blocks" in ``mdblocks.py``).

The commands run in one ``bash --noprofile --norc`` at the repository root, with the
environment a reader's new terminal has: the variables ``cargo xtask verify`` sets for
its children (``VIRTUAL_ENV``, the venv's ``bin`` first on ``PATH``, ``CARGO_TARGET_DIR``,
``PYO3_PYTHON``, ``INSTA_*``...) and those cargo sets for the program it runs
(``CARGO_*``) are removed; ``WORKBOOK_PYTHON``, the reader's choice of interpreter, is
kept. So ``cargo xtask ...`` builds and reuses what a reader's does: the students' xtask
in ``target/``, the exercises in the chosen interpreter's target folder, which
``verify`` has built by the time it runs this suite.

A check records the student's progress in ``.workbook/progress.json``, and a hint the
hints shown: that file is put back as it was after each block, so the suite leaves the
author's progress alone (a check run by hand in another terminal meanwhile would be lost
with it). Any other file of the repository that a block adds, removes or changes
(``git status``) fails the block.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from mdblocks import REPO, ConsoleBlock, output_matches
from runner import Outcome

TIMEOUT_SECONDS = 900
"""How long one block may run before it counts as failed (a cold check compiles pyo3)."""

PROGRESS = Path(".workbook") / "progress.json"
"""The state a check or a hint writes, put back after each block (repository-relative)."""

KEPT_CARGO_VARIABLES = {"CARGO_HOME"}
"""The ``CARGO_*`` variables a reader's shell may have: the others come from the cargo
that runs ``verify`` and would change what ``cargo xtask`` builds, and where."""

REMOVED = {"VIRTUAL_ENV", "PYO3_PYTHON", "RUST_BACKTRACE", "PYTHONDONTWRITEBYTECODE", "PYTHONPATH", "CARGO"}
"""Variables ``verify`` or pytest set for this process that a new terminal has not."""


def fresh_environment(environ: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a new terminal, from this process's (see the module's doc)."""
    env = dict(os.environ if environ is None else environ)
    venv = env.get("VIRTUAL_ENV")
    for key in list(env):
        if key in REMOVED or key.startswith(("INSTA_", "PYTEST_")) or (key.startswith("CARGO_") and key not in KEPT_CARGO_VARIABLES):
            del env[key]
    if venv and "PATH" in env:
        venv_bin = str(Path(venv) / "bin")
        env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if p.rstrip("/") != venv_bin.rstrip("/"))
    return env


def script(block: ConsoleBlock, status_file: Path) -> str:
    """The bash script that runs the block's commands: all but the last under ``set -e``,
    then the last, whose exit status goes into ``status_file``."""
    *first, last = block.commands
    lines = ["set -e", *first, "set +e", last, f"echo $? > '{status_file}'"]
    return "\n".join(lines) + "\n"


def _git_status(repo: Path) -> str:
    result = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"], cwd=repo, capture_output=True, text=True
    )
    return result.stdout if result.returncode == 0 else ""


def run(block: ConsoleBlock, repo: Path = REPO) -> Outcome:
    """Runs ``block`` and says whether it did what the page shows."""
    progress = repo / PROGRESS
    saved = progress.read_bytes() if progress.is_file() else None
    before = _git_status(repo)
    with tempfile.TemporaryDirectory(prefix="book-console-block-") as tmp:
        status_file = Path(tmp) / "status"
        try:
            result = subprocess.run(
                ["bash", "--noprofile", "--norc", "-c", script(block, status_file)],
                cwd=repo,
                env=fresh_environment(),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                timeout=TIMEOUT_SECONDS,
            )
        except subprocess.TimeoutExpired:
            return Outcome(False, f"{block.where}: the console block ran longer than {TIMEOUT_SECONDS} s")
        finally:
            if saved is None:
                progress.unlink(missing_ok=True)
            else:
                progress.write_bytes(saved)
        last = int(status_file.read_text().strip()) if status_file.is_file() else None
    fix = (
        "Fix the block, or say on the line above its fence what to expect: "
        "`<!-- console: exits N (reason) -->` or `<!-- console: not run (reason) -->`."
    )
    if last is None:
        return Outcome(
            False,
            f"{block.where}: a command before the last one failed (exit status {result.returncode}).\n{fix}\n{result.stdout}",
        )
    if last != block.exits:
        return Outcome(
            False,
            f"{block.where}: `{block.commands[-1]}` exited with status {last}, the page expects {block.exits}.\n{fix}\n{result.stdout}",
        )
    if block.output is not None and not output_matches(block.output, result.stdout):
        return Outcome(
            False,
            f"{block.where}: the block shows output that is not what its commands print.\n"
            f"--- shown\n{block.output}\n--- printed\n{result.stdout}",
        )
    after = _git_status(repo)
    if after != before:
        changed = sorted(set(after.splitlines()) ^ set(before.splitlines()))
        return Outcome(
            False,
            f"{block.where}: the block changed the repository's files (git status):\n" + "\n".join(changed),
        )
    return Outcome(True, "")
