"""Shared fixtures of the browser tests: the built book, its local server, the browser.

The book is the one `cargo xtask book` built into target/book (or WORKBOOK_BOOK_DIR);
`cargo xtask verify` builds it before it runs these tests.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import bookcheck

SCREENSHOTS = bookcheck.REPO / "target" / "browser-screenshots"
_saved: list[Path] = []


@pytest.fixture(scope="session")
def book_dir() -> Path:
    folder = Path(os.environ.get("WORKBOOK_BOOK_DIR", bookcheck.REPO / "target" / "book"))
    if not (folder / "index.html").is_file():
        pytest.fail(f"{folder}/index.html is missing: build the book first with `cargo xtask book`", pytrace=False)
    return folder


@pytest.fixture(scope="session")
def base_url(book_dir):
    with bookcheck.serve(book_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not bookcheck.CHROMIUM.exists():
        pytest.fail(f"{bookcheck.CHROMIUM} is missing: {bookcheck.CHROMIUM_FIX}", pytrace=False)
    with bookcheck.browser_context() as pair:
        yield pair


@pytest.fixture(scope="session")
def screenshots() -> dict[str, Path]:
    """The pages photographed for the CI log while ``visits`` loads them: the home page and
    the first exercise page, ``{page: path of its screenshot}``."""
    pages, _ = bookcheck.exercise_pages(bookcheck.REPO, bookcheck.REPO / "book" / "src")
    shots = {"index.html": SCREENSHOTS / "home.png"}
    if pages:
        shots[pages[0].page] = SCREENSHOTS / f"exercise-{pages[0].exercise}.png"
    for path in shots.values():
        path.unlink(missing_ok=True)
    return shots


@pytest.fixture(scope="session")
def visits(browser, base_url, screenshots):
    """Every page of the book (home, print and SUMMARY.md's pages), loaded once for all the
    checks that read them: ``{page: bookcheck.Visit}``; ``screenshots`` are taken on the way."""
    src = bookcheck.REPO / "book" / "src"
    pages = ["index.html", "print.html", *bookcheck.summary_pages(src)]
    return bookcheck.visit_pages(*browser, base_url, pages, screenshots)


def saved_screenshot(path: Path) -> None:
    """Records a screenshot so that the run's summary prints its path (for the CI log)."""
    _saved.append(path)


def pytest_terminal_summary(terminalreporter):
    for path in _saved:
        terminalreporter.write_line(f"screenshot: {path}")
