"""Dunder Mifflin's paper catalogue: prices, quotes and order forms.

Rust loads this file with `PyModule::from_code` and calls its functions. Each function
notes in `CALLS` how it was called, as Python received the arguments, and whether the
call came from Python source (code evaluated by Python) rather than straight from Rust.
"""

import sys

REAM_PRICE = 4.99
CALLS = []


class LoyaltyDiscount(float):
    """The discount every customer gets unless a salesman agrees on another one."""


LOYALTY = LoyaltyDiscount(0.05)


def _note(call):
    """Notes `call`, made by the function that calls `_note`; when that function was
    called from Python source, not straight from Rust, the note says so."""
    try:
        caller = sys._getframe(2)
    except ValueError:
        CALLS.append(call)
        return
    CALLS.append(f"{call} from Python source {caller.f_code.co_filename}")


def _price(reams):
    price = reams * REAM_PRICE
    return price * 0.9 if reams >= 50 else price


def ream_price(reams, /):
    """The price of `reams` reams of paper, 10% off from 50 reams on."""
    _note(f"ream_price({reams!r})")
    return round(_price(reams), 2)


# The default of `quote`'s discount: only a call without the keyword gets it, so the notes
# tell a call that leaves the default to Python from one that passes LOYALTY itself.
_NOT_GIVEN = object()


def quote(reams, /, *, discount=_NOT_GIVEN):
    """A quote for `reams` reams with `discount` off (a fraction: 0.2 is 20%); without
    one, the loyalty discount."""
    given = "the loyalty default" if discount is _NOT_GIVEN else f"discount={discount!r}"
    _note(f"quote({reams!r}, {given})")
    if discount is _NOT_GIVEN:
        discount = LOYALTY
    return round(_price(reams) * (1 - discount), 2)


def order_form(customer, /, **items):
    """The order form's first line: the customer, then each item's quantity by name."""
    _note(f"order_form({customer!r}, keywords: {', '.join(sorted(items)) or 'none'})")
    lines = ", ".join(f"{items[name]} x {name}" for name in sorted(items))
    return f"Order for {customer}: {lines or 'nothing'}"
