# Type stubs for the Rust module `typed_stubs`: maturin puts this file into the wheel as
# `typed_stubs/__init__.pyi`, with a `py.typed` marker, so that type checkers and editors
# know what the compiled module holds. `mypy.stubtest` checks it against the module.

from typing import Any

__all__ = ["Order", "badge", "largest", "price", "reams_for"]

def reams_for(sheets: int) -> int: ...
def price(reams: int, per_ream: float = 4.5, *, bulk: bool = True) -> float: ...
def badge(name: str, *, department: str | None = None) -> str: ...
largest: Any
Order: Any
