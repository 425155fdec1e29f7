"""How long the grader's class report takes to load in Chromium, opened from the disk as
an instructor opens it: `cargo xtask bench report` runs this file (pytest does not
collect it: its name does not start with ``test_``).

For each class size it writes a made-up class with ``cargo xtask grade demo`` (the same
outputs a grading run writes), opens its ``report.html`` from ``file://`` ``--runs``
times in a fresh tab, and reads the Performance API's ``loadEventEnd``. It prints one
Markdown table: the class size, the median and the slowest of the runs, in milliseconds.
A figure, not a verdict: the browser tests check what the page shows, never its time.

    python book/tests/browser/report_load.py --students 30,300,1000 --runs 5
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

import bookcheck
from test_grading_pages import demo_class


def load_ms(browser, folder: Path) -> float:
    """One load of ``folder``'s ``report.html`` from ``file://``: ``loadEventEnd`` in ms."""
    url = (folder / "report.html").resolve().as_uri()
    tab, problems = bookcheck.load_page(*browser, url, "report.html from file://")
    try:
        if problems:
            sys.exit("report.html did not load cleanly:\n" + "\n".join(problems))
        return tab.page.evaluate("() => performance.getEntriesByType('navigation')[0].loadEventEnd")
    finally:
        tab.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", default="30,300,1000", help="class sizes, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="loads per class size")
    args = parser.parse_args()
    sizes = [int(n) for n in args.students.split(",")]
    print("| students | median load | slowest load |")
    print("| ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory(prefix="workbook-bench-report-") as tmp, bookcheck.browser_context() as browser:
        for students in sizes:
            folder = demo_class(Path(tmp) / f"class-{students}", students)
            times = [load_ms(browser, folder) for _ in range(args.runs)]
            print(f"| {students} | {statistics.median(times):.0f} ms | {max(times):.0f} ms |", flush=True)


if __name__ == "__main__":
    main()
