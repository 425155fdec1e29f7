"""The built book as a reader uses it, in a real Chromium: every page of SUMMARY.md loads
cleanly and stays on the machine, the search finds the course's terms, every internal link
and image resolves, the exercise pages show the starter code, over HTTP and from file://."""

from __future__ import annotations

from pathlib import Path

import pytest

import bookcheck
from conftest import saved_screenshot

SRC = bookcheck.REPO / "book" / "src"
TERMS = bookcheck.search_terms(Path(__file__).with_name("search_terms.txt"))


def report(problems: list[str]) -> None:
    if problems:
        pytest.fail(f"{len(problems)} problem(s):\n" + "\n".join(problems), pytrace=False)


def test_summary_lists_pages():
    assert len(bookcheck.summary_pages(SRC)) > 3


def test_every_page_loads_cleanly_and_stays_on_the_machine(visits):
    report(bookcheck.page_problems(visits))


def test_the_search_finds_the_course_terms(browser, base_url):
    assert len(TERMS) >= 5, "search_terms.txt must list at least five terms"
    report(bookcheck.check_search(*browser, base_url + "index.html", TERMS))


def test_every_internal_link_and_image_resolves(visits, base_url):
    report(bookcheck.link_problems({k: v for k, v in visits.items() if k != "print.html"}, base_url))


def test_exercise_pages_show_the_starter_code(browser, base_url, visits):
    pages, problems = bookcheck.exercise_pages(bookcheck.REPO, SRC)
    unvisited = [item.page for item in pages if item.page not in visits]
    visits = {**visits, **bookcheck.visit_pages(*browser, base_url, unvisited)}
    report(problems + bookcheck.exercise_problems(visits, pages))


def test_the_home_page_works_from_file_urls(browser, book_dir):
    url = (book_dir / "index.html").resolve().as_uri()
    report(bookcheck.check_search(*browser, url, TERMS[:1]))


def test_screenshots_for_the_ci_log(visits, screenshots):
    assert len(screenshots) == 2, "no exercise page to photograph"
    for html, path in screenshots.items():
        report(visits[html].problems)
        assert path.is_file(), f"{path} was not taken"
        assert path.stat().st_size > 10_000, f"{path} is suspiciously small"
        saved_screenshot(path)


def test_the_student_edition_has_no_dangling_links(browser):
    student = bookcheck.REPO / "target" / "book-student"
    if not (student / "index.html").is_file():
        pytest.fail(f"{student} is missing: build it with `cargo xtask book --student`", pytrace=False)
    pages = [p for p in bookcheck.summary_pages(SRC) if (student / p).is_file()]
    assert not any(p.startswith("solutions/") for p in pages), "the students' edition has solution pages"
    with bookcheck.serve(student) as base:
        # Every page's own links from its HTML, and the sidebar (written by a script, the
        # same on every page) from the home page in the browser.
        visits = {**bookcheck.read_pages(student, base, pages), **bookcheck.visit_pages(*browser, base, ["index.html"])}
        report(bookcheck.link_problems(visits, base))
