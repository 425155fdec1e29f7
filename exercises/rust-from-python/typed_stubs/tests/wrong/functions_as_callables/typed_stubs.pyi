# Type stubs for the Rust module `typed_stubs`: maturin puts this file into the wheel as
# `typed_stubs/__init__.pyi`, with a `py.typed` marker, so that type checkers and editors
# know what the compiled module holds. `mypy.stubtest` checks it against the module.

from typing import Callable, final

__all__ = ["Order", "badge", "largest", "price", "reams_for"]

reams_for: Callable[..., int]
price: Callable[..., float]
badge: Callable[..., str]
def largest(orders: list[Order]) -> Order | None: ...

@final
class Order:
    def __new__(cls, customer: str, reams: int = 1) -> Order: ...
    @property
    def customer(self) -> str: ...
    reams: int
    def total(self, per_ream: float) -> float: ...
    def split(self, parts: int) -> list[Order]: ...
