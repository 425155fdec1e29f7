"""Context managers of the office, used by the checks of `context_managers`."""

LOG = []


class PaperJam(Exception):
    """The shredder jammed."""


class ShredderSession:
    """Turns the shredder on for a `with` block and off after it, whatever happens.

    A paper jam is cleared and forgotten (`__exit__` returns "jam cleared": a true value
    that is not a bool suppresses the exception as True does); any other exception goes
    on (it returns False).
    """

    def __init__(self, operator):
        self.operator = operator
        self.shredded = []

    def __enter__(self):
        LOG.append(f"{self.operator} turns the shredder on")
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        if exc_type is None:
            LOG.append(f"off after {len(self.shredded)} paper(s)")
            return False
        seen_from = traceback.tb_frame.f_code.co_name if traceback else "nowhere"
        LOG.append(f"off: __exit__ saw {exc_type.__name__}({exc_value}) raised in {seen_from}")
        return "jam cleared" if issubclass(exc_type, PaperJam) else False

    def shred(self, paper):
        if "staple" in paper:
            raise PaperJam(f"a staple in {paper!r}")
        self.shredded.append(paper)
        return len(self.shredded)


class PaperTray:
    """Holds papers for a `with` block. Its `__exit__` returns 0 whatever happened: a
    false value that is not False (nor None), which lets an exception go on as False
    does."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        LOG.append(f"tray: __exit__ saw {exc_type.__name__ if exc_type else 'no exception'}, returns 0")
        return 0


def read_log():
    lines = list(LOG)
    LOG.clear()
    return lines
