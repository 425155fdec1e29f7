# Type stubs for the Rust module `packaging_abi3_wheel`: maturin puts this file (and a
# `py.typed` marker) into the wheel, so that type checkers and editors know the signatures.

def reams_for(sheets: int) -> int:
    """The reams needed for `sheets` sheets, rounding up."""

def price(reams: int, per_ream: float = 4.5, *, bulk: bool = True) -> float:
    """The price in dollars, with 10 % off from 10 reams on when `bulk`."""

def cheapest(prices: dict[str, float]) -> tuple[str, float]:
    """The cheapest supplier and its price per ream, or None when there is none."""
