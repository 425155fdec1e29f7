"""The instructors' comforts on every page a student reads: a suggested time and
collapsed instructor notes (COURSE.md's house style).

Pages under ``solutions/`` and ``instructors/``, and the glossary, are exempt.
"""

from __future__ import annotations

import re

import pytest

from mdblocks import BOOK_SRC

EXEMPT = ("solutions/", "instructors/", "glossary.md")
TIMING = re.compile(r"^\*(Reading time|Time): [^*]+\.\*", re.MULTILINE)
NOTES = re.compile(r"<details>\s*<summary>Instructor notes</summary>", re.MULTILINE)


def summary_pages():
    text = (BOOK_SRC / "SUMMARY.md").read_text(encoding="utf-8")
    return [p for p in re.findall(r"\]\(([^)]+\.md)\)", text) if not p.startswith(EXEMPT)]


@pytest.mark.parametrize("page", summary_pages())
def test_page_has_a_time_and_instructor_notes(page):
    text = (BOOK_SRC / page).read_text(encoding="utf-8")
    problems = []
    if not TIMING.search(text):
        problems.append(f"book/src/{page}: add a suggested time under the title, e.g. `*Reading time: 5 minutes.*`")
    if not NOTES.search(text):
        problems.append(
            f"book/src/{page}: add instructor notes (timing, common mistakes, a question for the room) in "
            "`<details><summary>Instructor notes</summary> ... </details>`"
        )
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
