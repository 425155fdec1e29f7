"""The checks catch what they claim to: run on a deliberately broken copy of the built
book, each reports the breakage (and on the intact book, nothing)."""

from __future__ import annotations

import re
import shutil

import pytest

import bookcheck

PAGE = "python-from-rust/calling.html"
INTACT = "python-from-rust/kwargs.html"
EXERCISE = bookcheck.exercise_pages(bookcheck.REPO, bookcheck.REPO / "book" / "src")[0][0]
"""The first exercise page, whose starter code the broken copy no longer shows."""


@pytest.fixture(scope="module")
def broken_book(book_dir, tmp_path_factory):
    """A copy of the built book with a dead link, a missing image, a picture off the
    machine, a failing script on one page, the code blocks of the first exercise page
    replaced, and the search term `Dwight` removed from the search index."""
    copy = tmp_path_factory.mktemp("broken") / "book"
    shutil.copytree(book_dir, copy)
    page = copy / PAGE
    html = page.read_text(encoding="utf-8")
    html = html.replace(
        "<main>",
        '<main><p><a href="no-such-page.html">dead link</a> <a href="calling.html#no-such-heading">dead anchor</a>'
        ' <img src="missing.png" alt="missing"> <img src="https://example.com/fax.png" alt="remote"></p>',
        1,
    )
    html = html.replace("</body>", "<script>window.faxMachine.jam();</script></body>", 1)
    page.write_text(html, encoding="utf-8")
    exercise = copy / EXERCISE.page
    exercise.write_text(
        re.sub(r"<pre>.*?</pre>", "<pre><code>// gone</code></pre>", exercise.read_text(encoding="utf-8"), flags=re.S)
    )
    [index] = copy.glob("searchindex*.js")
    index.write_text(re.sub("dwight", "xxxxxx", index.read_text(encoding="utf-8"), flags=re.IGNORECASE), encoding="utf-8")
    return copy


@pytest.fixture(scope="module")
def broken(browser, broken_book):
    """The broken copy served, and its pages that the checks read, loaded once:
    ``(base URL, {page: bookcheck.Visit})``."""
    assert EXERCISE.page not in (PAGE, INTACT), "pick another page to break"
    with bookcheck.serve(broken_book) as base:
        yield base, bookcheck.visit_pages(*browser, base, [PAGE, INTACT, EXERCISE.page])


def test_a_broken_page_is_reported(broken):
    _, visits = broken
    problems = bookcheck.page_problems({html: visits[html] for html in (PAGE, INTACT)})
    text = "\n".join(problems)
    assert "script error: Cannot read properties of undefined (reading 'jam')" in text, text
    assert "missing.png answered HTTP 404" in text, text
    assert "https://example.com/fax.png, off the machine (refused)" in text, text
    assert all(p.startswith(PAGE) for p in problems), "the intact page must show no problem:\n" + text


def test_broken_links_and_images_are_reported(broken):
    base, visits = broken
    problems = bookcheck.link_problems({PAGE: visits[PAGE]}, base)
    text = "\n".join(problems)
    assert f"{PAGE}: the link to python-from-rust/no-such-page.html leads nowhere" in text, text
    assert "names #no-such-heading, which that page does not have" in text, text
    assert "image " in text and "missing.png does not load" in text, text


def test_a_missing_search_term_is_reported(browser, broken):
    base, _ = broken
    problems = bookcheck.check_search(*browser, base + "index.html", ["Dwight", "IntoPyDict"])
    # With `Dwight` gone from the index, the search finds nothing, or only fuzzy matches
    # that do not mention it; both are failures. `IntoPyDict` is still found.
    assert len(problems) == 1 and problems[0].startswith("the search for 'Dwight' found "), problems


def test_an_exercise_page_without_its_starter_code_is_reported(broken):
    _, visits = broken
    problems = bookcheck.exercise_problems(visits, [EXERCISE])
    assert problems and f"does not show the starter code of `{EXERCISE.exercise}`" in problems[0], problems
