"""The week's pay, overtime included. Imports `rates`."""

from rates import HOURLY, OVERTIME_AFTER, OVERTIME_FACTOR


def pay(role, hours):
    rate = HOURLY[role]
    regular = min(hours, OVERTIME_AFTER)
    extra = max(hours - OVERTIME_AFTER, 0)
    return regular * rate + extra * rate * OVERTIME_FACTOR
