# Type stubs for the Rust module `typed_stubs`: maturin puts this file into the wheel as
# `typed_stubs/__init__.pyi`, with a `py.typed` marker, so that type checkers and editors
# know what the compiled module holds. `mypy.stubtest` checks it against the module.

# ANCHOR: exercise
def reams_for(sheets: int) -> int: ...

# TODO stage 1: `price` as the Rust function has it: `per_ream` defaults to 4.5, and
# `bulk` is keyword-only. Then declare `badge` (its `department` is keyword-only, and
# may be `None`).
def price(reams: int, per_ream: float = 5.0, bulk: bool = True) -> float: ...

# TODO stage 2: the class `Order` (constructor, a read-only `customer`, a writable
# `reams`, `total`, `split`), the function `largest`, and the module's `__all__`.

# TODO stage 3: precise types everywhere (no `Any`), so that mypy catches misuse.
# ANCHOR_END: exercise
