"""The ```python blocks of the book's pages, as the tests run them.

A block is found in every ``book/src/**/*.md`` page. The lines directly above its fence
may carry markers, HTML comments that mdBook does not render:

``<!-- python: not run (REASON) -->``
    the block is not run; REASON, in parentheses, says why and must not be empty.
``<!-- python: run in the repository root -->``
    the block runs with the repository root as its working directory, as a reader
    typing it there would (a block that reads ``solutions/...`` or ``target/``); it must
    write nothing there.
``<!-- python: build PATH[, PATH ...] -->``
    before the block runs, build each crate PATH (repository-relative) it needs:
    a folder with a ``pyproject.toml`` is built with maturin and installed into a folder
    on the block's ``PYTHONPATH``; a plain Cargo crate (a ``cdylib`` for ctypes or cffi)
    is built with ``cargo build``, and the block finds its library through
    ``LD_LIBRARY_PATH`` (and the ``WORKBOOK_CDYLIB_DIR`` variable).

Any other ``<!-- python: ... -->`` line is an error that names the page and line.

A line whose first non-blank character is ``~`` is hidden in the rendered book
(``book.toml``: ``[output.html.code.hidelines] python = "~"``) and runs without its ``~``:
the harness lines of a block (loading a library built for the book, say), as ``# `` hides
those of a Rust block.

A ```text block that follows a python block with nothing but blank lines between them is
that block's *printed output*: the block's standard output must match it (see
``output_matches``), or the test fails and names the page and the line of the text block.
Inside a line of the shown output, ``...`` stands for any text (a path, an address, a
version); a line that is only ``...`` stands for any number of lines. The Rust blocks
follow the same rule, checked by ``book/tests/skeptic.rs``.

A block whose body is an mdBook ``{{#include FILE[:ANCHOR | :START:END]}}`` directive runs
the included text, cut as mdBook cuts it (anchors ``ANCHOR: name`` / ``ANCHOR_END: name``,
1-based line ranges, the anchor lines themselves dropped).

Console blocks
--------------

A ```console block shows shell commands, each on a line that starts with ``$ `` (a line
that ends in a backslash continues on the next), and under a command the lines it prints. Every
console block is run (``test_console_blocks.py``, ``consoles.py``): its commands, in
order, in one fresh ``bash`` at the repository root (no ``VIRTUAL_ENV``, no
``CARGO_TARGET_DIR``, no venv on ``PATH``: what a reader's new terminal has), each command
but the last under ``set -e``. The block must end with the last command exiting 0, and
must leave the repository's files as it found them (``git status``; ``target/`` and the
progress a check records in ``.workbook/``, which is put back, are not the repository's).
When the block shows printed lines, everything the commands print (standard output and
error, as a terminal shows them) must match those lines by the rule of ``output_matches``
(``...`` inside a line, a line of only ``...``); a block of commands alone shows no
output, and what it prints is not compared. Markers on the lines above the fence:

``<!-- console: not run (REASON) -->``
    the block is not run; REASON says why (it needs a browser or root, it runs until
    Ctrl-C, it writes outside the repository or into the course's ``.venv``...).
``<!-- console: exits N (REASON) -->``
    the block's last command must exit with status N, every command before it with 0
    (``cargo xtask check NAME`` on a starter exits 1: the starter fails stage 1 by design).

Any other ``<!-- console: ... -->`` line is an error that names the page and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
"""The repository root (this file is book/tests/python/mdblocks.py)."""

BOOK_SRC = REPO / "book" / "src"

IN_ROOT = "run in the repository root"
MARKER = re.compile(r"^\s*<!--\s*python:\s*(?P<body>.*?)\s*-->\s*$")
NOT_RUN = re.compile(r"^not run\s*\((?P<reason>.*)\)$")
BUILD = re.compile(r"^build\s+(?P<paths>.+)$")
CONSOLE_MARKER = re.compile(r"^\s*<!--\s*console:\s*(?P<body>.*?)\s*-->\s*$")
EXITS = re.compile(r"^exits\s+(?P<status>\d+)\s*\((?P<reason>.*)\)$")
INCLUDE = re.compile(r"\{\{#include\s+(?P<target>[^}\s]+)\s*\}\}")
ANCHOR_START = re.compile(r"ANCHOR:\s*(?P<name>[\w_-]+)")
ANCHOR_END = re.compile(r"ANCHOR_END:\s*(?P<name>[\w_-]+)")


class BlockError(Exception):
    """A page breaks the rules above; the message names the page and line."""


@dataclass
class Block:
    """One ```python block: where it is, what it runs, and what its markers say."""

    page: Path
    """The page, repository-relative (``book/src/...``)."""
    line: int
    """The 1-based line of the opening fence."""
    source: str
    """The Python source to run, with includes expanded."""
    not_run: str | None = None
    """Why the block is not run, when a marker says so."""
    builds: list[str] = field(default_factory=list)
    """Repository-relative crate folders to build first."""
    in_root: bool = False
    """Whether the block runs in the repository root rather than a temporary folder."""
    included: Path | None = None
    """The included file, when the block is an include."""
    output: str | None = None
    """The printed output the page shows under the block, when it shows one."""
    output_line: int | None = None
    """The 1-based line of the output block's opening fence."""

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"


@dataclass
class ConsoleBlock:
    """One ```console block: its commands, what it shows them print, and its markers."""

    page: Path
    """The page, repository-relative (``book/src/...``)."""
    line: int
    """The 1-based line of the opening fence."""
    commands: list[str]
    """The commands, without their ``$ ``, continuation lines joined."""
    output: str | None = None
    """The lines the block shows printed (every line that is not a command), or None
    when it shows only commands."""
    not_run: str | None = None
    """Why the block is not run, when a marker says so."""
    exits: int = 0
    """The exit status the last command must have."""

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"


def pages(src: Path = BOOK_SRC) -> list[Path]:
    """Every markdown page under ``src``, sorted."""
    return sorted(p for p in src.rglob("*.md") if not p.name.endswith(".skt.md"))


def blocks(page: Path, repo: Path = REPO) -> list[Block]:
    """The python blocks of ``page``, in order.

    Raises BlockError for an unknown or malformed marker, an unclosed fence, or an
    include that cannot be read.
    """
    lines = page.read_text(encoding="utf-8").splitlines()
    rel = _relative(page, repo)
    found = []
    for i, end, lang, indent in _fences(lines, rel):
        if lang == "python":
            block = Block(page=rel, line=i + 1, source="")
            _read_markers(lines, i, block)
            body = "\n".join(_unhide(_dedent(lines[i + 1 : end], indent)))
            block.source, block.included = _expand(body, page, rel, i + 1, repo)
            block.output_line, block.output = _output_after(lines, end, rel)
            found.append(block)
    return found


def console_blocks(page: Path, repo: Path = REPO) -> list[ConsoleBlock]:
    """The console blocks of ``page``, in order (see "Console blocks" above).

    Raises BlockError for an unknown or malformed marker, an unclosed fence, or a block
    with no ``$ `` command.
    """
    lines = page.read_text(encoding="utf-8").splitlines()
    rel = _relative(page, repo)
    found = []
    for i, end, lang, indent in _fences(lines, rel):
        if lang != "console":
            continue
        block = ConsoleBlock(page=rel, line=i + 1, commands=[])
        shown: list[str] = []
        continued = False
        for l in _dedent(lines[i + 1 : end], indent):
            if continued:
                block.commands[-1] += "\n" + l
            elif l.startswith("$ "):
                block.commands.append(l[2:])
            else:
                shown.append(l)
            continued = bool(block.commands) and l.endswith("\\") and (continued or l.startswith("$ "))
        if not block.commands:
            raise BlockError(f"{rel}:{i + 1}: a console block shows its commands on lines that start with `$ `")
        if any(l.strip() for l in shown):
            block.output = "\n".join(shown)
        _read_console_markers(lines, i, block)
        found.append(block)
    return found


def _fences(lines: list[str], rel: Path):
    """Each fenced code block of a page: its 0-based opening and closing lines, its
    language (the info string's first word) and the indent of its fence."""
    i = 0
    while i < len(lines):
        fence = re.match(r"^(\s*)(`{3,}|~{3,})\s*([^`\s]*)", lines[i])
        if not fence:
            i += 1
            continue
        ticks, info = fence.group(2), fence.group(3)
        end = i + 1
        while end < len(lines) and not lines[end].strip().startswith(ticks):
            end += 1
        if end >= len(lines):
            raise BlockError(f"{rel}:{i + 1}: this code block is never closed: add a closing {ticks}")
        yield i, end, re.split(r"[,\s]", info, maxsplit=1)[0], len(fence.group(1))
        i = end + 1


def _output_after(lines: list[str], end: int, rel: Path) -> tuple[int | None, str | None]:
    """The ```text block right after the block that closes at ``end`` (0-based), if any:
    its 1-based fence line and its body."""
    j = end + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    if j >= len(lines) or not re.match(r"^\s*```text\s*$", lines[j]):
        return None, None
    k = j + 1
    while k < len(lines) and not lines[k].strip().startswith("```"):
        k += 1
    if k >= len(lines):
        raise BlockError(f"{rel}:{j + 1}: this code block is never closed: add a closing ```")
    indent = len(lines[j]) - len(lines[j].lstrip())
    return j + 1, "\n".join(_dedent(lines[j + 1 : k], indent))


def _unhide(lines: list[str]) -> list[str]:
    """The lines with the ``~`` that hides them in the book removed, as mdBook removes it."""
    return [l.replace("~", "", 1) if l.lstrip().startswith("~") else l for l in lines]


def _dedent(lines: list[str], indent: int) -> list[str]:
    """The lines of a block whose fence is indented by ``indent`` (inside a list item),
    with up to that many leading spaces removed, as CommonMark reads them."""
    return [l[min(indent, len(l) - len(l.lstrip(" "))) :] for l in lines]


def output_matches(shown: str, printed: str) -> bool:
    """Whether ``printed`` is what ``shown`` shows: line by line, trailing spaces and
    trailing blank lines ignored; ``...`` inside a line matches any text, and a line that
    is only ``...`` matches any number of lines (``book/tests/skeptic.rs`` matches the
    same way)."""
    want, got = _lines(shown), _lines(printed)

    def match(w: int, g: int) -> bool:
        if w == len(want):
            return g == len(got)
        if want[w].strip() == "...":
            return any(match(w + 1, k) for k in range(g, len(got) + 1))
        return g < len(got) and _line_matches(want[w], got[g]) and match(w + 1, g + 1)

    return match(0, 0)


def _lines(text: str) -> list[str]:
    lines = [l.rstrip() for l in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _line_matches(want: str, got: str) -> bool:
    parts = want.split("...")
    if len(parts) == 1:
        return want == got
    if not (got.startswith(parts[0]) and got.endswith(parts[-1])) or len(got) < len(parts[0]) + len(parts[-1]):
        return False
    pos, end = len(parts[0]), len(got) - len(parts[-1])
    for part in parts[1:-1]:
        found = got.find(part, pos, end)
        if found < 0:
            return False
        pos = found + len(part)
    return True


def _read_markers(lines: list[str], fence: int, block: Block) -> None:
    j = fence - 1
    while j >= 0 and MARKER.match(lines[j]):
        body = MARKER.match(lines[j]).group("body")
        where = f"{block.page}:{j + 1}"
        if m := NOT_RUN.match(body):
            reason = m.group("reason").strip()
            if not reason:
                raise BlockError(f"{where}: `python: not run ()` needs a reason inside the parentheses")
            block.not_run = reason
        elif body == IN_ROOT:
            block.in_root = True
        elif m := BUILD.match(body):
            block.builds.extend(p.strip() for p in m.group("paths").split(",") if p.strip())
        else:
            raise BlockError(
                f"{where}: unknown marker `python: {body}`; write `<!-- python: not run (reason) -->`, "
                f"`<!-- python: build PATH -->` or `<!-- python: {IN_ROOT} -->`"
            )
        j -= 1
    if j >= 0 and "python:" in lines[j] and "<!--" in lines[j]:
        raise BlockError(f"{block.page}:{j + 1}: a python marker must be one whole line: `<!-- python: ... -->`")


def _read_console_markers(lines: list[str], fence: int, block: ConsoleBlock) -> None:
    j = fence - 1
    while j >= 0 and CONSOLE_MARKER.match(lines[j]):
        body = CONSOLE_MARKER.match(lines[j]).group("body")
        where = f"{block.page}:{j + 1}"
        not_run, exits = NOT_RUN.match(body), EXITS.match(body)
        reason = (not_run or exits).group("reason").strip() if (not_run or exits) else None
        if reason == "":
            raise BlockError(f"{where}: `console: {body}` needs a reason inside the parentheses")
        if not_run:
            block.not_run = reason
        elif exits:
            block.exits = int(exits.group("status"))
        else:
            raise BlockError(
                f"{where}: unknown marker `console: {body}`; write `<!-- console: not run (reason) -->` "
                f"or `<!-- console: exits N (reason) -->`"
            )
        j -= 1
    if j >= 0 and "console:" in lines[j] and "<!--" in lines[j]:
        raise BlockError(f"{block.page}:{j + 1}: a console marker must be one whole line: `<!-- console: ... -->`")


def _expand(body: str, page: Path, rel: Path, line: int, repo: Path) -> tuple[str, Path | None]:
    """The block's source with its include directives replaced, and the included file
    when the block is nothing but one include."""
    included = None

    def replace(m: re.Match) -> str:
        nonlocal included
        target = m.group("target")
        path_part, _, selector = target.partition(":")
        path = (page.parent / path_part).resolve()
        if not path.is_file():
            raise BlockError(f"{rel}:{line}: `{{{{#include {target}}}}}`: {path_part} does not exist")
        included = path
        return cut(path.read_text(encoding="utf-8"), selector, f"{rel}:{line}")

    source = INCLUDE.sub(replace, body)
    only_include = INCLUDE.fullmatch(body.strip()) is not None
    return source, included if only_include else None


def cut(text: str, selector: str, where: str) -> str:
    """The part of ``text`` an mdBook include selector names: '' (all), an anchor, or a
    1-based line range ``START``, ``START:``, ``:END``, ``START:END``."""
    lines = text.splitlines()
    if selector == "":
        return "\n".join(l for l in lines if not ANCHOR_START.search(l) and not ANCHOR_END.search(l))
    first, sep, last = selector.partition(":")
    if first and not first.isdigit():
        kept, inside = [], False
        for l in lines:
            if inside:
                end = ANCHOR_END.search(l)
                if end and end.group("name") == first:
                    return "\n".join(kept)
                if not ANCHOR_START.search(l):
                    kept.append(l)
            else:
                start = ANCHOR_START.search(l)
                inside = bool(start and start.group("name") == first)
        if not inside:
            raise BlockError(f"{where}: the included file has no `ANCHOR: {first}`")
        return "\n".join(kept)
    start = int(first) - 1 if first else 0
    if not sep:
        return "\n".join(lines[start : start + 1])
    end = int(last) if last.isdigit() else len(lines)
    return "\n".join(lines[start:end])


def _relative(page: Path, repo: Path) -> Path:
    try:
        return page.resolve().relative_to(repo.resolve())
    except ValueError:
        return page


def params(read):
    """One ``pytest.param(block, None, id=where)`` per block that ``read(page)`` finds in
    the book's pages, or ``pytest.param(None, error, id=page)`` for a page whose blocks
    cannot be read: what the block suites parametrize their test with."""
    import pytest

    out = []
    for page in pages():
        try:
            for block in read(page):
                out.append(pytest.param(block, None, id=block.where))
        except BlockError as err:
            out.append(pytest.param(None, str(err), id=str(page.name)))
    return out
