"""Watches a function from the outside while it works: did a Python thread make progress
all along, and which other threads of the process did work?

`watch(function, texts)` calls `function(texts)` in a second Python thread, while this
(the main) thread ticks: it records the time, then sleeps 0.2 ms, again and again. The
switch interval is set so high that a thread holding the GIL is never asked to give it up,
so the main thread can tick during the call only while the function has released the GIL.
The call is cut into ten equal slices; `all_along` is true when ticks fell into at least
seven of them: the GIL stayed released through the work, not just for a moment.

`helpers` counts the threads that Python's `threading` does not know (not the two above,
nor a Python thread pool's) whose CPU time grew by at least 10 ms during the call (Linux:
`/proc/self/task/*/stat`): rayon's workers. Where `/proc` is missing, it is 2 when the
process used 1.3 times more CPU time than wall time.
`several_helpers(helpers)` asks for two of them, or one on a machine with one core.
"""

import os
import sys
import threading
import time

SLICES = 10


def thread_cpu_times():
    """CPU time in clock ticks, by thread id, from /proc; None where /proc is missing."""
    folder = "/proc/self/task"
    if not os.path.isdir(folder):
        return None
    times = {}
    for tid in os.listdir(folder):
        try:
            with open(f"{folder}/{tid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        times[int(tid)] = int(fields[11]) + int(fields[12])
    return times


def watch(function, texts):
    """Returns (result, all_along, helpers) for `function(texts)`; see the module's doc."""
    started = threading.Event()
    state = {}

    def worker():
        state["tid"] = threading.get_native_id()
        started.set()
        state["start"] = time.perf_counter()
        state["result"] = function(texts)
        state["end"] = time.perf_counter()

    ticks = []
    old = sys.getswitchinterval()
    sys.setswitchinterval(100.0)
    cpu_before, process_before = thread_cpu_times(), time.process_time()
    wall_before = time.perf_counter()
    try:
        thread = threading.Thread(target=worker)
        thread.start()
        started.wait()
        while thread.is_alive():
            ticks.append(time.perf_counter())
            time.sleep(0.0002)
        thread.join()
    finally:
        sys.setswitchinterval(old)
    cpu_after, process_after = thread_cpu_times(), time.process_time()
    wall = time.perf_counter() - wall_before

    start, end = state["start"], state["end"]
    width = (end - start) / SLICES
    slices = {int((t - start) / width) for t in ticks if start <= t < end} if width > 0 else set()
    all_along = len(slices) >= SLICES - 3

    if cpu_before is None or cpu_after is None:
        helpers = 2 if process_after - process_before > 1.3 * wall else 0
    else:
        # Every thread Python started and that still runs: a thread pool's workers too.
        python_threads = {threading.get_native_id(), state["tid"]}
        python_threads |= {thread.native_id for thread in threading.enumerate()}
        ticks_per_second = os.sysconf("SC_CLK_TCK")
        helpers = sum(
            1
            for tid, after in cpu_after.items()
            if tid not in python_threads and (after - cpu_before.get(tid, 0)) / ticks_per_second >= 0.01
        )
    return state["result"], all_along, helpers


def several_helpers(helpers):
    """Whether other threads shared the work: two, or one on a machine with one core."""
    return helpers >= min(2, os.cpu_count() or 1)


def words(rng, n):
    """`n` words drawn from a small office vocabulary, some capitalised, with punctuation."""
    vocabulary = ["paper", "fax", "the", "machine", "shredder", "ream", "toner", "stapler", "Dunder", "Mifflin", "memo", "2", "20"]
    return " ".join(rng.choice(vocabulary) + rng.choice(["", "", ",", ".", "!", "-"]) for _ in range(n))
