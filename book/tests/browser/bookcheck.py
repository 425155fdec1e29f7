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

The suite must stay quick (under a minute on two busy cores): one browser for the whole
run, every page of the book loaded once for all the checks that read it, ``TABS_AT_ONCE``
tabs each loading one page after another, and waits on the browser's events (the page's
``load``, its network going idle, the search naming its term), never fixed sleeps.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import functools
import html.parser
import http.server
import itertools
import os
import re
import shutil
import socket
import sys
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
# A tab loads one page at a time, has its own listeners, and refused requests are
# attributed to the tab that made them, so the pages cannot see each other's problems.
# (Measured on two busy cores: 4 tabs took 10% longer than 8, 12 and 16 no less.)
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


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A tab that moves on before a file has arrived hangs up: not a problem of the book.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(folder: Path):
    """Serves ``folder`` over HTTP on 127.0.0.1 (a free port) and yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    # A short poll interval: `shutdown` waits for the loop's next turn.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
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
    the list of refused requests, ``(tab or None, url)``, filled as pages load.

    The refusal is Chromium's own: every request but those to ``LOCAL_HOSTS`` goes to a
    proxy on a local port that nothing listens on, and fails there. Playwright's request
    interception would do it too, but it turns off the HTTP cache and sends every request
    of every page through Python: loading the whole book took three quarters more CPU
    time with it."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing: {CHROMIUM_FIX}")
    profile = tempfile.mkdtemp(prefix="book-chromium-profile-")
    off_machine: list[tuple[object, str]] = []

    def refused(request):
        if not is_local(request.url):
            try:
                tab = request.frame.page
            except Exception:  # a request of no tab (a service worker)
                tab = None
            off_machine.append((tab, request.url))

    try:
        with _dead_port() as port, sync_playwright() as p:
            context = p.chromium.launch_persistent_context(
                profile,
                executable_path=str(CHROMIUM),
                headless=True,
                args=[*CHROMIUM_ARGS, *_refuse_off_machine(port)],
                viewport={"width": 1280, "height": 900},
            )
            context.set_default_timeout(TIMEOUT_MS)
            context.on("requestfailed", refused)
            try:
                yield context, off_machine
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


@contextlib.contextmanager
def _dead_port():
    """A port of 127.0.0.1 that refuses connections: bound (so no one else takes it) and
    never listened on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


def _refuse_off_machine(port: int) -> list[str]:
    """Chromium's flags that send every request off the machine to the dead ``port`` (as
    its proxy) and resolve no host name but ``LOCAL_HOSTS``."""
    local = sorted(LOCAL_HOSTS)
    return [
        f"--proxy-server=http://127.0.0.1:{port}",
        f"--proxy-bypass-list={';'.join(local)}",
        "--host-resolver-rules=MAP * ~NOTFOUND, " + ", ".join(f"EXCLUDE {host}" for host in local),
    ]


def is_local(url: str) -> bool:
    """Whether loading ``url`` stays on this machine."""
    parts = urllib.parse.urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or (parts.hostname or "") in LOCAL_HOSTS


# ---------------------------------------------------------------- the checks


class Tab:
    """A browser tab that loads pages one after another, each under a label, and collects
    the current page's problems: console errors, uncaught script errors, responses with
    an HTTP status of 400 or more, and (``settle``) its requests off the machine.

    A tab is reused from page to page: Chromium and Playwright both set up every new tab,
    and a tab per page made loading the book nearly three times slower. A page's events
    reach Python in order, before its network-idle event ends ``settle``; an event that
    came later still (a script that fails long after the page went quiet) would be counted
    for the tab's next page: named under the wrong page, never lost.
    """

    def __init__(self, context):
        self.page = context.new_page()
        self.label = ""
        self.problems: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda err: self.problems.append(f"{self.label}: script error: {err}"))
        self.page.on("response", self._response)

    def _console(self, msg) -> None:
        if msg.type == "error":
            self.problems.append(f"{self.label}: console error: {msg.text}")

    def _response(self, response) -> None:
        if response.status >= 400:
            self.problems.append(f"{self.label}: {response.url} answered HTTP {response.status}")

    def start(self, url: str, label: str) -> None:
        """Starts loading ``url`` under ``label``, without waiting (``settle`` does): the
        problems seen from now on are this page's."""
        self.label, self.problems = label, []
        try:
            response = self.page.goto(url, wait_until="commit")
            if response is not None and response.status >= 400:
                self.problems.append(f"{label}: the page answered HTTP {response.status}")
        except Exception as err:  # Playwright's errors carry the reason in their text.
            self.problems.append(f"{label}: the page did not load: {err}")

    def settle(self, off_machine: list) -> list[str]:
        """Waits until the page has loaded and its network has gone quiet (Playwright's
        ``networkidle``: no request for 500 ms), then adds the requests off the machine it
        made (refused, taken out of ``off_machine``) to its problems, and returns them."""
        try:
            self.page.wait_for_load_state("load")
            self.page.wait_for_load_state("networkidle")
        except Exception as err:
            self.problems.append(f"{self.label}: the page did not load: {err}")
        mine = [url for tab, url in off_machine if tab is self.page]
        off_machine[:] = [(tab, url) for tab, url in off_machine if tab is not self.page]
        self.problems.extend(f"{self.label}: asked for {url}, off the machine (refused)" for url in mine)
        return self.problems

    def close(self) -> None:
        self.page.close()


def load_page(context, off_machine: list, url: str, label: str) -> tuple[Tab, list[str]]:
    """Opens ``url`` in a new tab and waits until it has loaded. Returns the tab and the
    problems seen: console errors, uncaught script errors, failed or refused requests."""
    tab = Tab(context)
    tab.start(url, label)
    return tab, tab.settle(off_machine)


def load_pages(context, off_machine: list, urls: list[tuple[str, str]]):
    """Loads every ``(url, label)`` as ``load_page`` does, ``TABS_AT_ONCE`` pages at a time,
    and yields ``(label, page, problems)`` in order, ``page`` being Playwright's. The
    caller reads the page before it asks for the next one: its tab then loads another page
    (as soon as one page is read, the next starts: no tab waits for the slowest of a batch)."""
    todo = iter(urls)
    tabs, loading = [], collections.deque()
    try:
        for url, label in itertools.islice(todo, TABS_AT_ONCE):
            tabs.append(Tab(context))
            tabs[-1].start(url, label)
            loading.append(tabs[-1])
        while loading:
            tab = loading.popleft()
            problems = tab.settle(off_machine)
            yield tab.label, tab.page, problems
            following = next(todo, None)
            if following is not None:
                tab.start(*following)
                loading.append(tab)
    finally:
        for tab in tabs:
            tab.close()


@dataclasses.dataclass
class Visit:
    """What one page showed in the browser: its load problems, the links and images on it,
    and its text."""

    problems: list[str]
    links: list[str]
    images: list[tuple[str, bool]]
    main_text: str
    code: str


_READ_PAGE = """() => {
    const main = document.querySelector('main');
    return {
        url: location.href,
        links: Array.from(document.querySelectorAll('a[href]'), e => e.href),
        images: Array.from(document.querySelectorAll('img'),
                           e => [e.currentSrc || e.src, e.complete && e.naturalWidth > 0]),
        main_text: main === null ? null : main.innerText,
        code: Array.from(document.querySelectorAll('main pre code'), e => e.innerText).join('\\n'),
    };
}"""


def read_visit(page, url: str, label: str, problems: list[str]) -> Visit:
    """What the ``page`` loaded from ``url`` shows, read in one call into the page."""
    try:
        shown = page.evaluate(_READ_PAGE)
    except Exception as err:  # the page crashed or navigated away
        problems.append(f"{label}: could not be read: {err}")
        return Visit(problems, [], [], "", "")
    if shown["url"].partition("#")[0] != url.partition("#")[0]:
        # A tab that still showed its previous page, or was sent elsewhere.
        problems.append(f"{label}: the tab shows {shown['url']}, not the page asked for")
    if shown["main_text"] is None and not problems:
        problems.append(f"{label}: has no <main> element")
    return Visit(
        problems=problems,
        links=shown["links"],
        images=[(src, ok) for src, ok in shown["images"]],
        main_text=shown["main_text"] or "",
        code=shown["code"],
    )


def visit_pages(
    context, off_machine, base: str, pages: list[str], screenshots: dict[str, Path] | None = None
) -> dict[str, Visit]:
    """Loads every page once (``load_pages``) and records what the checks below read; saves
    a full-page screenshot of each page of ``screenshots`` (``{page: path}``) on the way."""
    visits = {}
    for html, page, found in load_pages(context, off_machine, [(base + html, html) for html in pages]):
        visits[html] = read_visit(page, base + html, html, found)
        if screenshots and html in screenshots:
            screenshots[html].parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshots[html]), full_page=True)
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


def search(page, term: str) -> list[str]:
    """Puts ``term`` into the book's search box, its last character typed with a real key
    press (mdBook's search runs on ``keyup``, on the whole box; typing every character
    would search every prefix on the way), waits until the search has run for the whole
    term (mdBook then names it above the results: "N search results for 'term':", or "No
    search results for 'term'."), and returns the texts of the results shown. The page may
    have run searches before: the box is replaced."""
    box = page.locator("#mdbook-searchbar")
    if not box.is_visible():
        page.click("#mdbook-search-toggle")
    box.fill(term[:-1])
    box.press_sequentially(term[-1])
    try:
        page.wait_for_function(
            """term => {
                const header = document.getElementById('mdbook-searchresults-header');
                const text = header === null ? '' : header.textContent;
                return text.endsWith(`for '${term}':`) || text.endsWith(`for '${term}'.`);
            }""",
            arg=term,
        )
    except Exception:  # the search never ran: it found nothing
        return []
    return page.eval_on_selector_all("#mdbook-searchresults li", "els => els.map(e => e.innerText)")


def check_search(context, off_machine, url: str, terms: list[str]) -> list[str]:
    """The page at ``url`` loads cleanly (``page_problems``), and each of ``terms``, typed in
    turn into its search box, finds at least one result that mentions it."""
    tab, found = load_page(context, off_machine, url, url)
    problems = page_problems({url: read_visit(tab.page, url, url, found)})
    for term in terms:
        results = search(tab.page, term)
        words = [w.lower() for w in re.split(r"[^A-Za-z0-9]+", term) if w]
        if not results:
            problems.append(f"the search for {term!r} found nothing")
        elif not any(all(w in r.lower() for w in words) for r in results):
            problems.append(f"the search for {term!r} found {len(results)} results, none mentioning it")
    tab.close()
    return problems
