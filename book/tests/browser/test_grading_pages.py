"""The grader's pages as an instructor opens them, in a real Chromium: a class's
``report.html`` and a student's ``review.html`` draw their charts, their links work, they
log no console error and ask nothing off the machine, and the report of a class of a few
hundred students loads in under a second.

The class comes from ``cargo xtask grade demo``: made-up students graded from data alone
(nothing built or run), written through the same functions as a real grading run, so the
suite stays quick. The pages are served over HTTP on 127.0.0.1, and opened from
``file://`` too, as an instructor opens them from the disk.
"""

from __future__ import annotations

import os
import subprocess
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

import bookcheck

STUDENTS = 300
"""A class of a few hundred: the size whose report must load in under a second."""

EXERCISES = "gil_release_rayon,reentrant_borrow,json_employees,greet_strings,ctrl_c,fix_dwights_algorithm"
"""A term's worth of exercises, each with review notes in exercises/info.toml."""

LOAD_LIMIT_MS = 1000
"""The most the report of ``STUDENTS`` students may take to load, by the Performance API."""


@pytest.fixture(scope="session")
def graded_class(tmp_path_factory) -> Path:
    """The output folder of a made-up class of ``STUDENTS`` students."""
    out = tmp_path_factory.mktemp("graded-class") / "out"
    cargo = os.environ.get("CARGO", "cargo")
    command = [cargo, "run", "--quiet", "--manifest-path", str(bookcheck.REPO / "xtask" / "Cargo.toml"), "--",
               "grade", "demo", "--out", str(out), "--students", str(STUDENTS), "--exercises", EXERCISES]
    done = subprocess.run(command, cwd=bookcheck.REPO, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    if done.returncode != 0:
        pytest.fail(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}", pytrace=False)
    return out


@pytest.fixture(scope="session")
def class_url(graded_class):
    with bookcheck.serve(graded_class) as url:
        yield url


def report(problems: list[str]) -> None:
    if problems:
        pytest.fail(f"{len(problems)} problem(s):\n" + "\n".join(problems), pytrace=False)


_CHARTS = """() => {
    const histogram = document.querySelector('svg[aria-label="Histogram of the totals"]');
    const bars = histogram ? Array.from(histogram.querySelectorAll('rect')) : [];
    const stages = Array.from(document.querySelectorAll('svg[aria-label$="% passed"]'));
    return {
        histogram_bars: bars.filter(r => r.getBBox().height > 0 && r.getBBox().width > 0).length,
        histogram_drawn: histogram ? histogram.getBoundingClientRect().height : 0,
        stage_charts: stages.length,
        stage_bars: stages.filter(s => s.querySelectorAll('rect').length === 2).length,
        stage_widths: stages.map(s => s.querySelectorAll('rect')[1].getBBox().width),
        links: Array.from(document.querySelectorAll('a[href]'), a => a.getAttribute('href')),
        ids: Array.from(document.querySelectorAll('[id]'), e => e.id),
        load_ms: performance.getEntriesByType('navigation')[0].loadEventEnd,
    };
}"""


def test_the_report_draws_its_charts_links_each_student_and_stays_on_the_machine(browser, class_url, graded_class):
    tab, problems = bookcheck.load_page(*browser, class_url + "report.html", "report.html")
    try:
        shown = tab.page.evaluate(_CHARTS)
    finally:
        tab.close()
    report(problems)
    assert shown["histogram_drawn"] > 50, "the histogram is drawn"
    assert shown["histogram_bars"] >= 5, f"the histogram has bars: {shown['histogram_bars']}"
    stages = EXERCISES.count(",") + 1
    assert shown["stage_charts"] >= 3 * stages - 2, f"a bar per stage: {shown['stage_charts']}"
    assert shown["stage_bars"] == shown["stage_charts"], "each stage's chart has its background and its bar"
    assert len(set(round(w) for w in shown["stage_widths"])) > 3, f"the pass rates differ: {shown['stage_widths']}"

    reviews = [h for h in shown["links"] if h.endswith("/review.html")]
    assert len(set(reviews)) > STUDENTS * 0.9, f"most students have a review page linked: {len(set(reviews))}"
    broken = [h for h in shown["links"] if h.startswith("#") and h[1:] not in shown["ids"]]
    assert not broken, f"anchors with no target: {broken[:5]}"
    missing = []
    for href in sorted(set(reviews)):
        try:
            with urllib.request.urlopen(urllib.parse.urljoin(class_url, href)) as answer:
                assert answer.status == 200
        except Exception as err:
            missing.append(f"{href}: {err}")
    assert not missing, f"{len(missing)} review page(s) do not load: {missing[:5]}"


def test_a_review_page_opened_from_the_report_shows_the_diff_and_the_review_notes(browser, class_url):
    context, off_machine = browser
    tab, problems = bookcheck.load_page(context, off_machine, class_url + "report.html", "report.html")
    try:
        link = tab.page.locator('a[href$="/review.html"]').first
        student = link.inner_text()
        link.click()
        tab.label = f"review.html of {student}"
        problems += tab.settle(off_machine)
        shown = tab.page.evaluate("""() => ({
            url: location.href,
            title: document.querySelector('h1').innerText,
            notes: Array.from(document.querySelectorAll('.review li'), li => li.innerText),
            diff_lines: document.querySelectorAll('pre.diff .add, pre.diff .del').length,
            stages: document.querySelectorAll('h4').length,
            back: document.querySelector('a[href="../../report.html"]') !== null,
        })""")
        tab.page.locator('a[href="../../report.html"]').click()
        tab.label = "report.html, back from the review page"
        problems += tab.settle(off_machine)
        back = tab.page.url
    finally:
        tab.close()
    report(problems)
    assert shown["url"].endswith(f"students/{student}/review.html"), shown["url"]
    assert student in shown["title"]
    assert shown["notes"], "the stages' review notes from exercises/info.toml are shown"
    assert any("GIL" in note or "catch_unwind" in note or "check_signals" in note for note in shown["notes"]), shown["notes"]
    assert shown["diff_lines"] > 0, "the diff against the starter is shown"
    assert shown["stages"] > 0
    assert back.endswith("/report.html"), back


def test_the_report_of_a_few_hundred_students_loads_in_under_a_second(browser, graded_class):
    """A limit on the page, read from Chromium's Performance API: the report is opened from
    the disk, as an instructor does, and must be ready (its ``load`` event done) in time."""
    url = (graded_class / "report.html").resolve().as_uri()
    tab, problems = bookcheck.load_page(*browser, url, "report.html from file://")
    try:
        load_ms = tab.page.evaluate("() => performance.getEntriesByType('navigation')[0].loadEventEnd")
        students = tab.page.locator('a[href$="/review.html"]').count()
    finally:
        tab.close()
    report(problems)
    assert students >= STUDENTS, f"the whole class is on the page: {students}"
    assert 0 < load_ms < LOAD_LIMIT_MS, f"report.html of {STUDENTS} students took {load_ms:.0f} ms to load"
