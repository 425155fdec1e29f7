"""The block finder and runner themselves: a broken block fails and names its page and
line, markers are read as documented, includes are cut as mdBook cuts them."""

from __future__ import annotations

import re

import pytest

from consoles import run as run_console
from mdblocks import BlockError, blocks, console_blocks, cut, output_matches
from runner import run


def page(tmp_path, text):
    src = tmp_path / "book" / "src"
    src.mkdir(parents=True, exist_ok=True)
    path = src / "page.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_failing_block_names_page_and_line(tmp_path):
    path = page(tmp_path, "# Page\n\nText.\n\n```python\nassert 1 + 1 == 3, 'arithmetic'\n```\n")
    [block] = blocks(path, repo=tmp_path)
    outcome = run(block, repo=tmp_path)
    assert not outcome.ok
    assert outcome.message.startswith("book/src/page.md:5: the python block failed")
    assert "AssertionError: arithmetic" in outcome.message


def test_a_passing_block_passes(tmp_path):
    path = page(tmp_path, "```python\nimport json\nassert json.loads('[1]') == [1]\n```\n")
    [block] = blocks(path, repo=tmp_path)
    assert run(block, repo=tmp_path).ok


def test_markers(tmp_path):
    path = page(
        tmp_path,
        "<!-- python: not run (it needs a fax machine) -->\n```python\nfax()\n```\n\n"
        "<!-- python: build exercises/p/one -->\n```python,ignore\nimport one\n```\n",
    )
    first, second = blocks(path, repo=tmp_path)
    assert first.not_run == "it needs a fax machine"
    assert second.builds == ["exercises/p/one"] and second.not_run is None
    assert not run(second, repo=tmp_path).ok


@pytest.mark.parametrize(
    ("marker", "message"),
    [
        ("<!-- python: skip -->", "book/src/page.md:1: unknown marker `python: skip`"),
        ("<!-- python: not run () -->", "book/src/page.md:1: `python: not run ()` needs a reason"),
    ],
)
def test_bad_markers_name_page_and_line(tmp_path, marker, message):
    path = page(tmp_path, f"{marker}\n```python\npass\n```\n")
    with pytest.raises(BlockError, match=message.replace("(", r"\(").replace(")", r"\)")):
        blocks(path, repo=tmp_path)


def test_includes_are_expanded(tmp_path):
    (tmp_path / "lib.py").write_text("import math\n# ANCHOR: area\ndef area(r):\n    return math.pi * r * r\n# ANCHOR_END: area\nx = 1\n")
    path = page(tmp_path, "```python\n{{#include ../../lib.py:area}}\nassert area(1) > 3\n```\n")
    [block] = blocks(path, repo=tmp_path)
    assert "ANCHOR" not in block.source and "def area" in block.source and "x = 1" not in block.source
    assert block.included is None
    assert not run(block, repo=tmp_path).ok, "math is not imported by the anchored part"
    path = page(tmp_path, "```python\n{{#include ../../missing.py}}\n```\n")
    with pytest.raises(BlockError, match="book/src/page.md:1: .*missing.py does not exist"):
        blocks(path, repo=tmp_path)


def test_cut_follows_mdbook():
    text = "a\nb\nc\nd"
    assert cut(text, "2", "w") == "b"
    assert cut(text, "2:", "w") == "b\nc\nd"
    assert cut(text, ":2", "w") == "a\nb"
    assert cut(text, "2:3", "w") == "b\nc"
    with pytest.raises(BlockError, match="no `ANCHOR: nope`"):
        cut(text, "nope", "w")


def test_a_build_marker_builds_a_cdylib_first(tmp_path):
    (tmp_path / "Cargo.toml").write_text('[workspace]\nmembers = ["adder"]\nresolver = "2"\n')
    crate = tmp_path / "adder"
    (crate / "src").mkdir(parents=True)
    (crate / "Cargo.toml").write_text(
        '[package]\nname = "adder"\nversion = "0.1.0"\nedition = "2021"\n\n[lib]\ncrate-type = ["cdylib"]\n'
    )
    (crate / "src" / "lib.rs").write_text('#[no_mangle]\npub extern "C" fn add(a: i32, b: i32) -> i32 { a + b }\n')
    path = page(
        tmp_path,
        "<!-- python: build adder -->\n```python\nimport ctypes, os\n"
        "lib = ctypes.CDLL(os.path.join(os.environ['WORKBOOK_CDYLIB_DIR'], 'libadder.so'))\n"
        "assert lib.add(40, 2) == 42\n```\n",
    )
    [block] = blocks(path, repo=tmp_path)
    outcome = run(block, repo=tmp_path)
    assert outcome.ok, outcome.message


def test_shown_output_is_compared_with_what_the_block_prints(tmp_path):
    text = "Intro.\n\n```python\nprint('Dwight', 3 * 3)\n```\n\n```text\nDwight 9\n```\n"
    [block] = blocks(page(tmp_path, text), repo=tmp_path)
    assert (block.output_line, block.output) == (7, "Dwight 9")
    assert run(block, repo=tmp_path).ok
    [block] = blocks(page(tmp_path, text.replace("Dwight 9", "Dwight 10")), repo=tmp_path)
    outcome = run(block, repo=tmp_path)
    assert not outcome.ok
    assert outcome.message.startswith("book/src/page.md:7: the output shown here is not what the python block at line 3 prints")
    assert "Dwight 10" in outcome.message and "Dwight 9" in outcome.message


def test_a_text_block_after_prose_is_not_output(tmp_path):
    [block] = blocks(page(tmp_path, "```python\nprint(1)\n```\n\nProse.\n\n```text\n2\n```\n"), repo=tmp_path)
    assert block.output is None
    assert run(block, repo=tmp_path).ok


@pytest.mark.parametrize(
    ("shown", "printed", "matches"),
    [
        ("a\nb", "a\nb\n", True),
        ("a  \n\n", "a", True),
        ("a\nb", "a\nc", False),
        ("a", "a\nb", False),
        ("Python 3.11.7 (main, ...) [GCC ...]", "Python 3.11.7 (main, Jan 1 2024) [GCC 12.2.0]", True),
        ("numpy ... from .../numpy/__init__.py", "numpy 2.4.6 from /v/site-packages/numpy/__init__.py", True),
        ("numpy ... from .../numpy/__init__.py", "numpy 2.4.6 from /v/site-packages/pandas/__init__.py", False),
        ("x...x", "x", False),
        ("first\n...\nlast", "first\nlast", True),
        ("first\n...\nlast", "first\n1\n2\nlast", True),
        ("first\n...\nlast", "first\n1\n2", False),
    ],
)
def test_output_matching(shown, printed, matches):
    assert output_matches(shown, printed) is matches


def test_a_block_can_run_in_the_repository_root(tmp_path):
    (tmp_path / "solutions").mkdir()
    code = "```python\nfrom pathlib import Path\nassert Path('solutions').is_dir()\n```\n"
    [block] = blocks(page(tmp_path, "<!-- python: run in the repository root -->\n" + code), repo=tmp_path)
    assert block.in_root and run(block, repo=tmp_path).ok
    [block] = blocks(page(tmp_path, code), repo=tmp_path)
    assert not block.in_root and not run(block, repo=tmp_path).ok


def test_blocks_inside_a_list_item_are_dedented(tmp_path):
    text = "- A trap:\n\n  ```python\n  if True:\n      print('Kevin')\n  ```\n\n  ```text\n  Kevin\n  ```\n"
    [block] = blocks(page(tmp_path, text), repo=tmp_path)
    assert block.source == "if True:\n    print('Kevin')" and block.output == "Kevin"
    assert run(block, repo=tmp_path).ok


def test_hidden_lines_run_without_their_tilde(tmp_path):
    text = "```python\n~import math\n~def helper():\n~    return 2\nprint(math.floor(2.5) + helper())\n```\n\n```text\n4\n```\n"
    [block] = blocks(page(tmp_path, text), repo=tmp_path)
    assert block.source == "import math\ndef helper():\n    return 2\nprint(math.floor(2.5) + helper())"
    assert run(block, repo=tmp_path).ok


def test_console_blocks_are_read_as_documented(tmp_path):
    path = page(
        tmp_path,
        "```console\n$ echo one \\\n  two\none two\n$ true\n```\n\n"
        "<!-- console: exits 1 (the starter fails stage 1) -->\n```console\n$ cargo xtask check x\n```\n\n"
        "  <!-- console: not run (it needs a fax machine) -->\n  ```console\n  $ fax\n  ```\n\n"
        "```python\npass\n```\n",
    )
    first, second, third = console_blocks(path, repo=tmp_path)
    assert first.commands == ["echo one \\\n  two", "true"] and first.output == "one two" and first.exits == 0
    assert second.exits == 1 and second.output is None and second.where == "book/src/page.md:9"
    assert third.not_run == "it needs a fax machine" and third.commands == ["fax"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<!-- console: skip -->\n```console\n$ true\n```\n", "book/src/page.md:1: unknown marker `console: skip`"),
        ("<!-- console: exits 1 () -->\n```console\n$ false\n```\n", "book/src/page.md:1: `console: exits 1 ()` needs a reason"),
        ("```console\ntrue\n```\n", "book/src/page.md:1: a console block shows its commands on lines that start with `$ `"),
    ],
)
def test_bad_console_blocks_name_page_and_line(tmp_path, text, message):
    path = page(tmp_path, text)
    with pytest.raises(BlockError, match=re.escape(message)):
        console_blocks(path, repo=tmp_path)


@pytest.mark.parametrize(
    ("text", "ok", "message"),
    [
        ("```console\n$ cd book\n$ echo $PWD\n.../book/src/..\n```\n", False, "book/src/page.md:1: the block shows output"),
        ("```console\n$ cd book/src\n$ echo \"in $(basename $PWD)\" >&2\nin src\n```\n", True, ""),
        ("```console\n$ echo printed\n```\n", True, ""),
        ("<!-- console: exits 3 (why) -->\n```console\n$ true\n$ (exit 3)\n```\n", True, ""),
        ("<!-- console: exits 1 (why) -->\n```console\n$ false\n$ false\n```\n", False, "a command before the last one failed"),
        ("```console\n$ false\n```\n", False, "`false` exited with status 1, the page expects 0"),
    ],
)
def test_console_blocks_run_as_printed(tmp_path, text, ok, message):
    [block] = console_blocks(page(tmp_path, text), repo=tmp_path)
    outcome = run_console(block, repo=tmp_path)
    assert outcome.ok == ok and message in outcome.message, outcome.message


def test_a_console_block_leaves_the_progress_and_gets_a_new_terminal(tmp_path, monkeypatch):
    (tmp_path / ".workbook").mkdir()
    (tmp_path / ".workbook" / "progress.json").write_text("{}")
    monkeypatch.setenv("VIRTUAL_ENV", str(tmp_path / ".venv"))
    monkeypatch.setenv("PATH", f"{tmp_path / '.venv' / 'bin'}:/usr/bin:/bin")
    monkeypatch.setenv("CARGO_TARGET_DIR", "/elsewhere")
    monkeypatch.setenv("WORKBOOK_PYTHON", "python3")
    text = (
        "```console\n$ echo '{\"hello_module\": 1}' > .workbook/progress.json\n"
        "$ echo \"[$VIRTUAL_ENV] [$CARGO_TARGET_DIR] [$WORKBOOK_PYTHON] $PATH\"\n[] [] [python3] /usr/bin:/bin\n```\n"
    )
    [block] = console_blocks(page(tmp_path, text), repo=tmp_path)
    outcome = run_console(block, repo=tmp_path)
    assert outcome.ok, outcome.message
    assert (tmp_path / ".workbook" / "progress.json").read_text() == "{}"
