# Type stubs for the Rust module `packaging_abi3_wheel`: maturin puts this file (and a
# `py.typed` marker) into the wheel, so that type checkers and editors know the signatures.

def reams_for(sheets: int) -> int:
    """The reams needed for `sheets` sheets, rounding up."""

# TODO: declare `price`, with the same parameters (names, defaults, keyword-only) as the
# Rust function.
