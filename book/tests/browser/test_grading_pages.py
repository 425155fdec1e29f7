"""The grader's pages as an instructor opens them, in a real Chromium: a class's
``report.html`` and a student's ``review.html`` draw their charts, their links work, they
log no console error and ask nothing off the machine, and the report opened from the disk
lists every student of a class of a few hundred. How long it takes to load is a figure,
printed by ``cargo xtask bench report`` (``report_load.py``), not a test.

The class comes from ``cargo xtask grade demo``: made-up students graded from data alone
(nothing built or run), written through the same functions as a real grading run, so the
suite stays quick. The pages are served over HTTP on 127.0.0.1, and opened from
``file://`` too, as an instructor opens them from the disk. Each check returns its
problems, one sentence each; ``test_the_checks_catch_broken_pages`` runs them on broken
copies of the class to show they catch what they claim to.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

import bookcheck

STUDENTS = 300
"""A class of a few hundred."""

EXERCISES = "gil_release_rayon,reentrant_borrow,json_employees,greet_strings,ctrl_c,fix_dwights_algorithm"
"""A term's worth of exercises, each with review notes in exercises/info.toml."""

def demo_class(out: Path, students: int) -> Path:
    """``out``, holding the outputs of a made-up class of ``students`` (``grade demo``)."""
    cargo = os.environ.get("CARGO", "cargo")
    command = [cargo, "run", "--quiet", "--manifest-path", str(bookcheck.REPO / "xtask" / "Cargo.toml"), "--",
               "grade", "demo", "--out", str(out), "--students", str(students), "--exercises", EXERCISES]
    done = subprocess.run(command, cwd=bookcheck.REPO, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    if done.returncode != 0:
        pytest.fail(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}", pytrace=False)
    return out


@pytest.fixture(scope="session")
def graded_class(tmp_path_factory) -> Path:
    """The output folder of a made-up class of ``STUDENTS`` students."""
    return demo_class(tmp_path_factory.mktemp("graded-class") / "out", STUDENTS)


@pytest.fixture(scope="session")
def small_class(tmp_path_factory) -> Path:
    """A made-up class of 30, which the broken copies start from (quicker to copy and check)."""
    return demo_class(tmp_path_factory.mktemp("small-class") / "out", 30)


def students_in(folder: Path) -> int:
    return sum(1 for _ in (folder / "students").glob("*/review.html"))


def report(problems: list[str]) -> None:
    if problems:
        pytest.fail(f"{len(problems)} problem(s):\n" + "\n".join(problems), pytrace=False)


# ---------------------------------------------------------------- the checks


_CHARTS = """() => {
    const histogram = document.querySelector('svg[aria-label="Histogram of the totals"]');
    const bars = histogram ? Array.from(histogram.querySelectorAll('rect')) : [];
    const stages = Array.from(document.querySelectorAll('svg[aria-label$="% passed"]'));
    return {
        histogram_bars: bars.filter(r => r.getBBox().height > 0 && r.getBBox().width > 0).length,
        histogram_drawn: histogram ? histogram.getBoundingClientRect().height : 0,
        stage_charts: stages.length,
        stage_bars: stages.filter(s => s.querySelectorAll('rect').length === 2).length,
        stage_widths: stages.map(s => { const r = s.querySelectorAll('rect'); return r.length > 1 ? r[1].getBBox().width : 0; }),
        links: Array.from(document.querySelectorAll('a[href]'), a => a.getAttribute('href')),
        ids: Array.from(document.querySelectorAll('[id]'), e => e.id),
    };
}"""


def report_problems(browser, folder: Path) -> list[str]:
    """The problems of ``folder``'s ``report.html`` served over HTTP: load problems (console
    errors, requests off the machine), a histogram or stage bars not drawn, pass rates
    all alike, anchors with no target, a stage's link to who failed it that does not show
    the list, and review pages linked that do not load."""
    with bookcheck.serve(folder) as url:
        tab, problems = bookcheck.load_page(*browser, url + "report.html", "report.html")
        try:
            shown = tab.page.evaluate(_CHARTS)
            # The last stage's "failed" count leads to its list, far down the page, laid
            # out only when it is shown (content-visibility): it must land there, drawn.
            last = tab.page.locator('a[href^="#failed-"]').last
            anchor = last.get_attribute("href") if last.count() else None
            if anchor is None:
                problems.append("report.html: no stage links to the students who failed it")
            else:
                last.click()
                landed = tab.page.evaluate("""(id) => {
                    const target = document.getElementById(id);
                    if (!target) return null;
                    const box = target.getBoundingClientRect();
                    const first = target.parentElement.querySelector('li');
                    return {top: box.top, height: innerHeight, item: first ? first.getBoundingClientRect().height : 0};
                }""", anchor[1:])
                if landed is None or not -1 < landed["top"] < landed["height"] or landed["item"] <= 0:
                    problems.append(f"report.html: the link {anchor} does not show its list: {landed}")
        finally:
            tab.close()
        if shown["histogram_drawn"] < 50 or shown["histogram_bars"] < 5:
            problems.append(f"report.html: the histogram is not drawn ({shown['histogram_bars']} bar(s) with a size)")
        stages = EXERCISES.count(",") + 1
        if shown["stage_charts"] < 3 * stages - 2 or shown["stage_bars"] != shown["stage_charts"]:
            problems.append(f"report.html: {shown['stage_bars']} stage bar(s) drawn of {shown['stage_charts']} chart(s), for {stages} exercises")
        if len({round(w) for w in shown["stage_widths"]}) <= 3:
            problems.append(f"report.html: the stages' pass rates are nearly all alike: {shown['stage_widths']}")
        broken = [h for h in shown["links"] if h.startswith("#") and h[1:] not in shown["ids"]]
        problems.extend(f"report.html: the link {h} has no target on the page" for h in broken)
        reviews = sorted({h for h in shown["links"] if h.endswith("/review.html")})
        if len(reviews) < students_in(folder) or not reviews:
            problems.append(f"report.html: only {len(reviews)} student(s) linked to a review page")
        for href in reviews:
            try:
                with urllib.request.urlopen(urllib.parse.urljoin(url, href)) as answer:
                    answer.read(1)
            except Exception as err:
                problems.append(f"report.html: the review page {href} does not load: {err}")
    return problems


def review_problems(browser, folder: Path) -> list[str]:
    """The problems of the first student's review page, reached as an instructor does, by
    a click on their name in ``report.html``: load problems, no diff against the starter,
    no review notes of the stages, no way back to the report."""
    context, off_machine = browser
    with bookcheck.serve(folder) as url:
        tab, problems = bookcheck.load_page(context, off_machine, url + "report.html", "report.html")
        try:
            link = tab.page.locator('a[href$="/review.html"]').first
            student = link.get_attribute("href").split("/")[-2]
            link.click()
            tab.label = f"review.html of {student}"
            problems += tab.settle(off_machine)
            shown = tab.page.evaluate("""() => ({
                url: location.href,
                title: document.querySelector('h1') ? document.querySelector('h1').innerText : '',
                notes: Array.from(document.querySelectorAll('.review li'), li => li.innerText),
                diff_lines: document.querySelectorAll('pre.diff .add, pre.diff .del').length,
                stages: document.querySelectorAll('h4').length,
                back: document.querySelectorAll('a[href="../../report.html"]').length,
            })""")
            if shown["back"]:
                tab.page.locator('a[href="../../report.html"]').click()
                tab.label = "report.html, back from the review page"
                problems += tab.settle(off_machine)
                if not tab.page.url.endswith("/report.html"):
                    problems.append(f"review.html of {student}: its link back leads to {tab.page.url}")
            else:
                problems.append(f"review.html of {student}: no link back to the report")
        finally:
            tab.close()
    label = f"review.html of {student}"
    if not shown["url"].endswith(f"students/{student}/review.html") or student not in shown["title"]:
        problems.append(f"{label}: the click led to {shown['url']} ({shown['title']!r})")
    if not any(word in note for note in shown["notes"] for word in ("GIL", "catch_unwind", "check_signals", "borrow", "free_string", "fix")):
        problems.append(f"{label}: no review note of exercises/info.toml is shown: {shown['notes']}")
    if shown["diff_lines"] == 0:
        problems.append(f"{label}: no line of the diff against the starter")
    if shown["stages"] == 0:
        problems.append(f"{label}: no stage")
    return problems


def file_problems(browser, folder: Path) -> list[str]:
    """The report opened from the disk, as an instructor opens it: its load problems, and
    fewer students on the page than the class has."""
    url = (folder / "report.html").resolve().as_uri()
    tab, problems = bookcheck.load_page(*browser, url, "report.html from file://")
    try:
        students = tab.page.locator('a[href$="/review.html"]').count()
    finally:
        tab.close()
    if students < STUDENTS:
        problems.append(f"report.html from file://: {students} student(s) on the page, not {STUDENTS}")
    return problems


# ---------------------------------------------------------------- the tests


def test_the_report_draws_its_charts_links_each_student_and_stays_on_the_machine(browser, graded_class):
    report(report_problems(browser, graded_class))


def test_a_review_page_opened_from_the_report_shows_the_diff_and_the_review_notes(browser, graded_class):
    report(review_problems(browser, graded_class))


def test_the_report_opened_from_the_disk_lists_every_student(browser, graded_class):
    report(file_problems(browser, graded_class))


BREAKAGES = {
    "bars of no height": ("report.html", lambda html: re.sub(r'(<rect x="[^"]*" y="[^"]*" width="[^"]*" height=")[^"]*"', r'\g<1>0"', html), report_problems),
    "a console error": ("report.html", lambda html: html.replace("</body>", '<script>console.error("boom")</script></body>'), report_problems),
    "an image off the machine": ("report.html", lambda html: html.replace("</body>", '<img src="https://example.com/x.png"></body>'), report_problems),
    "no review notes": ("review.html", lambda html: html.replace('class="review"', 'class="x"'), review_problems),
    "lists never drawn": ("report.html", lambda html: html.replace(".lazy{", ".lazy{display:none;"), report_problems),
    "no diff": ("review.html", lambda html: html.replace('class="add"', 'class="x"').replace('class="del"', 'class="x"'), review_problems),
}


@pytest.mark.parametrize("check", [report_problems, review_problems], ids=["report", "review"])
def test_the_unbroken_copy_has_no_problem(browser, small_class, check):
    """The control of the broken copies: each check finds nothing wrong with the class
    they start from, so what each finds in a copy is its breakage."""
    report(check(browser, small_class))


@pytest.mark.parametrize("breakage", [*BREAKAGES, "a review page missing"])
def test_the_checks_catch_broken_pages(browser, small_class, tmp_path, breakage):
    broken = tmp_path / "class"
    shutil.copytree(small_class, broken)
    if breakage == "a review page missing":
        victim = sorted((broken / "students").glob("*/review.html"))[7]
        victim.unlink()
        check = report_problems
    else:
        page, change, check = BREAKAGES[breakage]
        for path in [broken / "report.html"] if page == "report.html" else sorted((broken / "students").glob("*/review.html")):
            path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert check(browser, broken), f"the check saw nothing wrong with {breakage}"
