"""Checks of a built book in a real Chromium, driven by Playwright.

Each check returns a list of problems (empty when all is well), one sentence each, naming
the page; the tests in ``test_book.py`` assert the lists are empty, and
``test_bookcheck.py`` runs the same checks on a deliberately broken copy of the book to
show they catch what they claim to.

The browser is Debian's ``chromium`` (``/usr/bin/chromium``, or ``WORKBOOK_CHROMIUM``),
started headless (Playwright adds ``--headless``) with a fresh profile in a temporary
folder (its ``--user-data-dir``) and the flags of ``CHROMIUM_ARGS``; Playwright downloads
no browser of its own (never run ``playwright install``).
Every request off the machine (anything but ``file:``, ``data:``, ``blob:``, ``127.0.0.1``
and ``localhost``) is refused and reported.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import html.parser
import http.server
import os
import re
import shutil
import tempfile
import threading
try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the same module under its PyPI name
    import tomli as tomllib
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
"""The repository root (this file is book/tests/browser/bookcheck.py)."""

CHROMIUM = Path(os.environ.get("WORKBOOK_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FIX = "install it with `sudo apt-get install -y chromium` (Debian's package), or set WORKBOOK_CHROMIUM"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
LOCAL_SCHEMES = {"file", "data", "blob", "about", "chrome-error"}
TIMEOUT_MS = 15_000
# Pages loaded at once, each in its own tab: their waits for the network to settle overlap.
# Each tab has its own listeners, and refused requests are attributed to the tab that made
# them, so the pages cannot see each other's problems.
TABS_AT_ONCE = 8


# ---------------------------------------------------------------- the book's sources


def summary_pages(src: Path) -> list[str]:
    """The pages SUMMARY.md lists, as paths of their HTML files (``python-from-rust/calling.html``),
    in the book's order, without draft chapters (``[title]()``)."""
    pages = []
    for line in (src / "SUMMARY.md").read_text(encoding="utf-8").splitlines():
        for target in re.findall(r"\]\(([^)]+\.md)\)", line):
            html = re.sub(r"\.md$", ".html", target.strip())
            if html not in pages:
                pages.append(html)
    return pages


def search_terms(path: Path) -> list[str]:
    """The terms the search must find: one per line, ``#`` starts a comment."""
    terms = []
    for line in path.read_text(encoding="utf-8").splitlines():
        term = line.split("#", 1)[0].strip()
        if term:
            terms.append(term)
    return terms


@dataclass
class ExercisePage:
    """A page that shows an exercise's starter code: the page and text it must show."""

    exercise: str
    page: str
    """The HTML page, book-relative."""
    expected: list[str] = field(default_factory=list)
    """A line from each included starter snippet, which the rendered page must show."""


def exercise_pages(repo: Path, src: Path) -> tuple[list[ExercisePage], list[str]]:
    """For every exercise of ``exercises/info.toml``, the SUMMARY pages that include code
    from its starter crate; and a problem for each exercise that no page shows."""
    course = tomllib.loads((repo / "exercises" / "info.toml").read_text(encoding="utf-8"))
    listed = summary_pages(src)
    found, problems = [], []
    for exercise in course.get("exercises", []):
        name, starter = exercise["name"], (repo / exercise["dir"]).resolve()
        shown = []
        for html in listed:
            md = src / re.sub(r"\.html$", ".md", html)
            if not md.is_file():
                continue
            page = ExercisePage(name, html)
            for target in re.findall(r"\{\{#(?:rustdoc_)?include\s+([^}\s]+)\s*\}\}", md.read_text(encoding="utf-8")):
                path_part, _, selector = target.partition(":")
                included = (md.parent / path_part).resolve()
                if starter in included.parents and included.is_file():
                    line = _first_code_line(included.read_text(encoding="utf-8"), selector)
                    if line:
                        page.expected.append(line)
            if page.expected:
                shown.append(page)
        if shown:
            found.extend(shown)
        else:
            problems.append(
                f"exercise `{name}` has no page in SUMMARY.md that includes its starter code from {exercise['dir']}"
            )
    return found, problems


def _first_code_line(text: str, selector: str) -> str | None:
    lines = text.splitlines()
    if selector and not selector.split(":")[0].isdigit():
        start = next((i for i, l in enumerate(lines) if re.search(rf"ANCHOR:\s*{re.escape(selector)}\b", l)), None)
        lines = lines[start + 1 :] if start is not None else []
    for line in lines:
        stripped = line.strip()
        # mdBook hides Rust lines that start with `# ` (or are a lone `#`): not shown, not expected.
        if stripped and "ANCHOR" not in line and not (stripped == "#" or stripped.startswith("# ")):
            return stripped
    return None


# ---------------------------------------------------------------- serving and the browser


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path):
    """Serves ``folder`` over HTTP on 127.0.0.1 (a free port) and yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def browser_context():
    """A Playwright browser context on Debian's Chromium, with a fresh profile, that refuses
    every request off the machine. Yields ``(context, off_machine)``: ``off_machine`` is
    the list of refused requests, ``(tab or None, url)``, filled as pages load."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing: {CHROMIUM_FIX}")
    profile = tempfile.mkdtemp(prefix="book-chromium-profile-")
    off_machine: list[str] = []
    try:
        with sync_playwright() as p:
            context = p.chromium.launch_persistent_context(
                profile,
                executable_path=str(CHROMIUM),
                headless=True,
                args=CHROMIUM_ARGS,
                viewport={"width": 1280, "height": 900},
            )
            context.set_default_timeout(TIMEOUT_MS)

            def gate(route):
                url = route.request.url
                if is_local(url):
                    route.continue_()
                else:
                    try:
                        tab = route.request.frame.page
                    except Exception:  # a request of no tab (a service worker)
                        tab = None
                    off_machine.append((tab, url))
                    route.abort()

            context.route("**/*", gate)
            try:
                yield context, off_machine
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def is_local(url: str) -> bool:
    """Whether loading ``url`` stays on this machine."""
    parts = urllib.parse.urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or (parts.hostname or "") in LOCAL_HOSTS


# ---------------------------------------------------------------- the checks


def open_page(context, url: str, label: str) -> tuple[object, list[str]]:
    """Opens ``url`` in a new tab and starts loading it, without waiting. Returns the tab
    and the list that collects its problems: console errors, uncaught script errors,
    failed requests. ``settle`` finishes the job."""
    problems: list[str] = []
    page = context.new_page()
    page.on("console", lambda msg: msg.type == "error" and problems.append(f"{label}: console error: {msg.text}"))
    page.on("pageerror", lambda err: problems.append(f"{label}: script error: {err}"))
    page.on(
        "response",
        lambda r: r.status >= 400 and problems.append(f"{label}: {r.url} answered HTTP {r.status}"),
    )
    try:
        response = page.goto(url, wait_until="commit")
        if response is not None and response.status >= 400:
            problems.append(f"{label}: the page answered HTTP {response.status}")
    except Exception as err:  # Playwright's errors carry the reason in their text.
        problems.append(f"{label}: the page did not load: {err}")
    return page, problems


def settle(page, problems: list[str], off_machine: list, label: str) -> list[str]:
    """Waits until the tab ``page`` has loaded and its network has gone quiet, then adds the
    requests off the machine it made (refused) to its ``problems``."""
    try:
        page.wait_for_load_state("load")
        page.wait_for_load_state("networkidle")
    except Exception as err:
        problems.append(f"{label}: the page did not load: {err}")
    for tab, refused in off_machine:
        if tab is page:
            problems.append(f"{label}: asked for {refused}, off the machine (refused)")
    return problems


def load_page(context, off_machine: list, url: str, label: str) -> tuple[object, list[str]]:
    """Opens ``url`` in a new tab and waits until it has loaded. Returns the tab and the
    problems seen: console errors, uncaught script errors, failed or refused requests."""
    page, problems = open_page(context, url, label)
    return page, settle(page, problems, off_machine, label)


def load_pages(context, off_machine: list, urls: list[tuple[str, str]]):
    """``load_page`` for every ``(url, label)``, ``TABS_AT_ONCE`` tabs at a time; yields
    ``(label, tab, problems)`` in order. The caller reads the tab; it is closed after."""
    for start in range(0, len(urls), TABS_AT_ONCE):
        batch = [(label, *open_page(context, url, label)) for url, label in urls[start : start + TABS_AT_ONCE]]
        for label, page, problems in batch:
            yield label, page, settle(page, problems, off_machine, label)
            page.close()


@dataclasses.dataclass
class Visit:
    """What one page showed in the browser: its load problems, the links and images on it,
    and its text."""

    problems: list[str]
    links: list[str]
    images: list[tuple[str, bool]]
    main_text: str
    code: str


def visit_pages(context, off_machine, base: str, pages: list[str]) -> dict[str, Visit]:
    """Loads every page once (``load_pages``) and records what the checks below read."""
    visits = {}
    for html, page, found in load_pages(context, off_machine, [(base + html, html) for html in pages]):
        loaded = not found
        visits[html] = Visit(
            problems=found,
            links=page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"),
            images=[
                (src, ok)
                for src, ok in page.eval_on_selector_all(
                    "img", "els => els.map(e => [e.currentSrc || e.src, e.complete && e.naturalWidth > 0])"
                )
            ],
            main_text=page.inner_text("main") if loaded else "",
            code="\n".join(page.eval_on_selector_all("main pre code", "els => els.map(e => e.innerText)")),
        )
    return visits


class _LinkParser(html.parser.HTMLParser):
    """Collects the ``href`` of every ``<a>`` and the ``src`` of every ``<img>`` of a page."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.images: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
        elif tag == "img" and values.get("src"):
            self.images.append(values["src"])


def read_pages(folder: Path, base: str, pages: list[str]) -> dict[str, Visit]:
    """The links and images written in the HTML files of ``pages`` under ``folder``, as
    ``visit_pages`` would record them at ``base``, without a browser: fast, but blind to
    what scripts add (mdBook's sidebar: visit one page in the browser for it). Images count
    as loaded; ``link_problems`` still finds those whose file is missing."""
    visits = {}
    for html_path in pages:
        parser = _LinkParser()
        parser.feed((folder / html_path).read_text(encoding="utf-8"))
        url = base + html_path
        visits[html_path] = Visit(
            problems=[],
            links=[urllib.parse.urljoin(url, href) for href in parser.links],
            images=[(urllib.parse.urljoin(url, src), True) for src in parser.images],
            main_text="",
            code="",
        )
    return visits


def page_problems(visits: dict[str, Visit]) -> list[str]:
    """Every page loaded with no console error, no script error, no failed request and no
    request off the machine, and shows no unexpanded ``{{#include}}``."""
    problems = []
    for html, visit in visits.items():
        problems.extend(visit.problems)
        if not visit.problems and "{{#include" in visit.main_text:
            problems.append(f"{html}: shows an unexpanded {{{{#include}}}} directive")
    return problems


def link_problems(visits: dict[str, Visit], base: str) -> list[str]:
    """Every link and image on the pages that points inside the book resolves: the file
    exists (HTTP 200 from the local server) and a ``#fragment`` names an element of it;
    every image has loaded."""
    problems, targets = [], {}
    for html, visit in visits.items():
        problems.extend(visit.problems)
        for href in visit.links:
            if href.startswith(base):
                targets.setdefault(href, html)
        for src, ok in visit.images:
            if not ok:
                problems.append(f"{html}: image {src} does not load")
            elif src.startswith(base):
                targets.setdefault(src, html)
    bodies: dict[str, str | None] = {}
    for target, source in sorted(targets.items()):
        url, _, fragment = target.partition("#")
        if url not in bodies:
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    bodies[url] = response.read().decode("utf-8", "replace")
            except urllib.error.URLError:
                bodies[url] = None
        body = bodies[url]
        shown = target[len(base) :]
        if body is None:
            problems.append(f"{source}: the link to {shown} leads nowhere (no such file in the book)")
        elif fragment and url.endswith(".html") and not re.search(
            rf"""\b(id|name)=["']{re.escape(urllib.parse.unquote(fragment))}["']""", body
        ):
            problems.append(f"{source}: the link to {shown} names #{fragment}, which that page does not have")
    return problems


def exercise_problems(visits: dict[str, Visit], pages: list[ExercisePage]) -> list[str]:
    """Every exercise page shows, in a code block, a line of each starter snippet it includes."""
    problems = []
    for item in pages:
        visit = visits[item.page]
        problems.extend(visit.problems)
        for line in item.expected:
            if line not in visit.code:
                problems.append(f"{item.page}: does not show the starter code of `{item.exercise}` (missing: {line!r})")
    return problems


def check_pages(context, off_machine, base: str, pages: list[str]) -> list[str]:
    """``page_problems`` of ``pages``, loaded now."""
    return page_problems(visit_pages(context, off_machine, base, pages))


def check_links(context, off_machine, base: str, pages: list[str]) -> list[str]:
    """``link_problems`` of ``pages``, loaded now."""
    return link_problems(visit_pages(context, off_machine, base, pages), base)


def search(page, term: str) -> list[str]:
    """Types ``term`` into the book's search box with real key presses (mdBook's search
    listens for ``keyup``) and returns the texts of the results shown."""
    page.click("#mdbook-search-toggle")
    box = page.locator("#mdbook-searchbar")
    box.fill("")
    box.press_sequentially(term, delay=30)
    try:
        page.wait_for_function(
            "() => document.querySelectorAll('#mdbook-searchresults li').length > 0", timeout=5_000
        )
    except Exception:
        return []
    return page.eval_on_selector_all("#mdbook-searchresults li", "els => els.map(e => e.innerText)")


def check_search(context, off_machine, url: str, terms: list[str]) -> list[str]:
    """Each of ``terms``, typed into the search box of the page at ``url``, finds at least
    one result that mentions it."""
    problems = []
    for term in terms:
        page, found = load_page(context, off_machine, url, f"search for {term!r}")
        problems.extend(found)
        results = search(page, term)
        words = [w.lower() for w in re.split(r"[^A-Za-z0-9]+", term) if w]
        if not results:
            problems.append(f"the search for {term!r} found nothing")
        elif not any(all(w in r.lower() for w in words) for r in results):
            problems.append(f"the search for {term!r} found {len(results)} results, none mentioning it")
        page.close()
    return problems


def check_exercise_pages(context, off_machine, base: str, pages: list[ExercisePage]) -> list[str]:
    """``exercise_problems`` of ``pages``, loaded now."""
    return exercise_problems(visit_pages(context, off_machine, base, [item.page for item in pages]), pages)


def screenshot(context, off_machine, url: str, path: Path) -> list[str]:
    """Saves a full-page screenshot of ``url`` at ``path``."""
    page, problems = load_page(context, off_machine, url, url)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    page.close()
    return problems
