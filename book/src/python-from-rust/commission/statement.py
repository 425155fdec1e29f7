"""One statement line. Imports `commission`, which imports `targets`."""

from commission import commission


def statement(name, reams):
    return f"{name:<8} {reams:>4} reams  ${commission(name, reams):>7.2f}"
