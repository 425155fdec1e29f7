"""Runs one python block of the book (see ``mdblocks.py``) in the project's venv.

Each block runs as its own script, in a fresh temporary folder (or in the repository
root, when its marker says so), with the interpreter
that runs the tests (``.venv/bin/python`` under ``cargo xtask verify``). Its
``PYTHONPATH`` holds ``assets/``, the included file's folder for an include block,
and the folders of the crates its ``build`` marker names, built first, once per run.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the same module under its PyPI name
    import tomli as tomllib
from dataclasses import dataclass
from pathlib import Path

from mdblocks import REPO, Block, output_matches

TIMEOUT_SECONDS = 120
"""How long one block may run before it counts as failed."""

_built: dict[str, dict[str, str]] = {}
_build_root = Path(tempfile.mkdtemp(prefix="book-python-builds-"))
# The wheels and site folders built for the blocks go with the run that made them.
atexit.register(shutil.rmtree, _build_root, ignore_errors=True)


@dataclass
class Outcome:
    """What running a block gave: ``ok`` and, when it failed, a message naming the block."""

    ok: bool
    message: str


def build(crate: str, repo: Path = REPO) -> dict[str, str]:
    """Builds the crate folder ``crate`` (repository-relative) and returns the environment
    additions a block needs to use it.

    Raises RuntimeError with the build's output when it fails.
    """
    key = f"{repo}:{crate}"
    if key in _built:
        return _built[key]
    folder = (repo / crate).resolve()
    manifest = folder / "Cargo.toml"
    if not manifest.is_file():
        raise RuntimeError(f"`python: build {crate}`: {crate}/Cargo.toml does not exist")
    env = dict(os.environ)
    if (folder / "pyproject.toml").is_file():
        wheels = _build_root / "wheels" / folder.name
        site = _build_root / "site" / folder.name
        _run(
            [str(Path(sys.executable).with_name("maturin")), "build", "--quiet", "-m", str(manifest),
             "--out", str(wheels), "--target-dir", str(repo / "target" / "maturin"), "--interpreter", sys.executable],
            env,
        )
        wheel = sorted(wheels.glob("*.whl"))[-1]
        _run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(wheel)], env)
        extra = {"PYTHONPATH": str(site)}
    else:
        name = tomllib.loads(manifest.read_text(encoding="utf-8"))["package"]["name"]
        _run(["cargo", "build", "--quiet", "--package", name], env, cwd=repo)
        libdir = str(Path(os.environ.get("CARGO_TARGET_DIR", repo / "target")) / "debug")
        extra = {"LD_LIBRARY_PATH": libdir, "WORKBOOK_CDYLIB_DIR": libdir}
    _built[key] = extra
    return extra


def _run(cmd: list[str], env: dict[str, str], cwd: Path | None = None) -> None:
    result = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{result.stdout}{result.stderr}")


def run(block: Block, repo: Path = REPO) -> Outcome:
    """Runs ``block`` and says whether it exited successfully and printed what the page
    shows under it."""
    paths = [str(repo / "assets")]
    if block.included is not None:
        paths.insert(0, str(block.included.parent))
    env = dict(os.environ)
    for crate in block.builds:
        try:
            extra = build(crate, repo)
        except RuntimeError as err:
            return Outcome(False, f"{block.where}: building what the block needs failed: {err}")
        for key, value in extra.items():
            if key == "PYTHONPATH":
                paths.insert(0, value)
            else:
                env[key] = value + os.pathsep + env[key] if env.get(key) else value
    env["PYTHONPATH"] = os.pathsep.join(paths + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    with tempfile.TemporaryDirectory(prefix="book-python-block-") as cwd:
        script = Path(cwd) / (str(block.page).replace("/", "_").replace(".md", "") + f"_line{block.line}.py")
        script.write_text(block.source + "\n", encoding="utf-8")
        try:
            result = subprocess.run(
                [sys.executable, str(script)], cwd=repo if block.in_root else cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT_SECONDS
            )
        except subprocess.TimeoutExpired:
            return Outcome(False, f"{block.where}: the python block ran longer than {TIMEOUT_SECONDS} s")
    if result.returncode != 0:
        return Outcome(
            False,
            f"{block.where}: the python block failed (exit status {result.returncode}).\n"
            f"Fix the block, or mark it on the line above the fence with "
            f"`<!-- python: not run (reason) -->`.\n{result.stdout}{result.stderr}",
        )
    if block.output is not None and not output_matches(block.output, result.stdout):
        return Outcome(
            False,
            f"{block.page}:{block.output_line}: the output shown here is not what the python block at "
            f"line {block.line} prints.\n--- shown ({block.page}:{block.output_line})\n{block.output}\n"
            f"--- printed\n{result.stdout}{result.stderr}",
        )
    return Outcome(True, "")
