"""Type stubs of the compiled module `packaging_abi3_wheel`."""
import typing

def reams_for(sheets: int) -> int:
    """Reams for `sheets` sheets, rounded up."""

def price(reams: int, per_ream: float = 4.5, *, bulk: bool = True) -> float:
    """Dollars for `reams` reams."""

def cheapest(prices: dict[str, float]) -> typing.Optional[tuple[str, float]]:
    """The cheapest supplier and its price, if any."""
