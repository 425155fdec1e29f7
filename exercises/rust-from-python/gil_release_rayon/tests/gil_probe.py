"""Tells whether a function lets other Python threads run while it works.

The switch interval is set so high that a thread holding the GIL is never asked to give it
up: the main thread can run during `function(texts)` (called in a second thread) only if
the function itself releases the GIL.
"""

import sys
import threading


def other_threads_ran_during(function, texts):
    started = threading.Event()
    state = {"done": False}

    def worker():
        started.set()
        function(texts)
        state["done"] = True

    old = sys.getswitchinterval()
    sys.setswitchinterval(100.0)
    try:
        thread = threading.Thread(target=worker)
        thread.start()
        started.wait()
        ran_during = not state["done"]
        thread.join()
    finally:
        sys.setswitchinterval(old)
    return ran_during


BIG = ["The paper the fax machine and the shredder. " * 10000 for _ in range(4)]
