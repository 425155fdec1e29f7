"""One payslip line per employee. Imports `overtime`, which imports `rates`."""

import overtime


def payslip(name, role, hours):
    return f"{name:<8} {role:<10} {hours:>3} h  ${overtime.pay(role, hours):>8.2f}"
