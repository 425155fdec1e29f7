"""The course's times and counts come from one source: the pages' own times.

Every page a student reads says how long it takes under its title: ``*Reading time: N
minutes.*`` for a chapter, ``*Time: about N minutes.*`` for an exercise (and the
capstone). Every other figure (how long a part takes, how many pages and exercises it
has, how long its exercises take, the whole course) is a sum of those, and the sentences
that state them are checked here against the sums, so that the introduction, the part
overviews and the exercise pages cannot disagree. The exercise tables are checked against
``exercises/info.toml``: the same exercises, in the same order, with their number of stages.

A failing test prints the sentence the page must contain, to paste in its place. Line
breaks do not matter: the page's text is compared with runs of white space made one space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from mdblocks import BOOK_SRC, REPO

try:
    import tomllib
except ImportError:  # Python 3.10: pytest depends on tomli there
    import tomli as tomllib

READING = re.compile(r"^\*Reading time: (\d+) minutes?\.\*$", re.MULTILINE)
EXERCISE = re.compile(r"^\*Time: about (\d+) minutes\.\*$", re.MULTILINE)

# The parts of SUMMARY.md whose times these sentences state: title -> short name.
PARTS = {
    "Getting started": "getting started",
    "Rust from Python: extension modules": "extension modules",
    "The C ABI: ctypes and cffi": "the C ABI",
    "Python from Rust: embedding": "embedding",
    "The round trip": "the round trip",
}

# Numbers as the exercise pages' sentences spell them.
WORDS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()


@dataclass
class Part:
    title: str
    pages: list[str] = field(default_factory=list)
    """The part's pages with a reading time, relative to book/src."""
    reading: int = 0
    """Their reading times, in minutes."""
    exercises: list[str] = field(default_factory=list)
    """The part's exercise pages (and the capstone), relative to book/src."""
    exercise_minutes: int = 0

    @property
    def minutes(self) -> int:
        return self.reading + self.exercise_minutes


def parts() -> dict[str, Part]:
    """The parts of SUMMARY.md, with their pages' times added up."""
    found: dict[str, Part] = {}
    current = None
    for line in (BOOK_SRC / "SUMMARY.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            title = line[2:].strip()
            current = found.setdefault(title, Part(title)) if title in PARTS else None
            continue
        link = re.search(r"\]\(([^)]+\.md)\)", line)
        if current is None or not link:
            continue
        text = (BOOK_SRC / link.group(1)).read_text(encoding="utf-8")
        if reading := READING.search(text):
            current.pages.append(link.group(1))
            current.reading += int(reading.group(1))
        elif exercise := EXERCISE.search(text):
            current.exercises.append(link.group(1))
            current.exercise_minutes += int(exercise.group(1))
    return found


def hours(minutes: int) -> str:
    """A part's length to the nearest half hour: `8 hours`, `2½ hours`, `1 hour`."""
    halves = round(minutes / 30)
    whole, half = divmod(halves, 2)
    if whole == 0:
        return "½ hour"
    number = f"{whole}½" if half else f"{whole}"
    return f"{number} hour" if number == "1" else f"{number} hours"


def duration(minutes: int) -> str:
    """An exact length: `90 minutes` below two hours, else `6 hours 10 minutes`."""
    if minutes < 120:
        return f"{minutes} minutes"
    h, m = divmod(minutes, 60)
    return f"{h} hours" + (f" {m} minutes" if m else "")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def require(page: str, sentence: str) -> None:
    text = (BOOK_SRC / page).read_text(encoding="utf-8")
    if sentence not in flat(text):
        pytest.fail(f"book/src/{page}: the times of the pages add up to this sentence, which the page must contain:\n{sentence}", pytrace=False)


OVERVIEWS = {
    "Rust from Python: extension modules": "rust-from-python",
    "The C ABI: ctypes and cffi": "c-abi",
    "Python from Rust: embedding": "python-from-rust",
}


@pytest.mark.parametrize("title", OVERVIEWS)
def test_a_part_overview_states_its_time_and_counts(title):
    part = parts()[title]
    require(
        f"{OVERVIEWS[title]}/overview.md",
        f"**Time:** about {hours(part.minutes)}: {len(part.pages)} pages to read ({part.reading} minutes) "
        f"and {len(part.exercises)} exercises ({part.exercise_minutes} minutes), in the order of the sidebar.",
    )


@pytest.mark.parametrize("title", OVERVIEWS)
def test_an_exercise_list_states_the_time_of_its_exercises(title):
    part = parts()[title]
    require(
        f"{OVERVIEWS[title]}/exercises.md",
        f"*Time: about {duration(part.exercise_minutes)} for the {WORDS[len(part.exercises)]} exercises.*",
    )


def test_the_introduction_states_the_whole_course():
    found = parts()
    total = sum(p.minutes for p in found.values())
    by_name = {PARTS[t]: p for t, p in found.items()}
    getting_started = by_name["getting started"]
    rust = by_name["extension modules"]
    require(
        "introduction.md",
        f"The whole course is about {hours(total)} of reading and exercises, in the book's order: "
        f"getting started ({duration(getting_started.minutes)}), "
        f"extension modules ({hours(rust.minutes)}: {len(rust.pages)} pages and {len(rust.exercises)} exercises), "
        f"the C ABI ({hours(by_name['the C ABI'].minutes)}), "
        f"embedding ({hours(by_name['embedding'].minutes)}), "
        f"the round trip ({hours(by_name['the round trip'].minutes)}).",
    )
    require("instructors/running-the-course.md", f"The whole book, in its order: about {hours(total)} of reading and exercises")


@pytest.mark.parametrize("folder", OVERVIEWS.values())
def test_an_exercise_table_matches_info_toml(folder):
    course = tomllib.loads((REPO / "exercises" / "info.toml").read_text(encoding="utf-8"))
    expected = [(e["name"], len(e.get("stages", []))) for e in course["exercises"] if e["part"] == folder]
    text = (BOOK_SRC / folder / "exercises.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| \d+ \| \[(\w+)\]\([^)]*\) \|.*\| (\d+) \|$", text, re.MULTILINE)
    shown = [(name, int(stages)) for name, stages in rows]
    assert shown == expected, f"book/src/{folder}/exercises.md: the table's (exercise, stages) rows differ from exercises/info.toml"


def test_hours_round_to_the_nearest_half_hour():
    assert [hours(m) for m in (20, 60, 161, 479, 1058)] == ["½ hour", "1 hour", "2½ hours", "8 hours", "17½ hours"]
    assert [duration(m) for m in (90, 370, 240)] == ["90 minutes", "6 hours 10 minutes", "4 hours"]
