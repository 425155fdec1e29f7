# Type stubs for the Rust module `packaging_abi3_wheel`: maturin puts this file (and a
# `py.typed` marker) into the wheel, so that type checkers and editors know the signatures.

def reams_for(sheets: int) -> int:
    """The reams needed for `sheets` sheets, rounding up."""

# TODO: declare `price` and `cheapest`, with the same parameters (names, defaults,
# keyword-only) as the Rust functions in src/lib.rs, and annotations that say what PyO3
# converts: a `u64` is an `int`, an `f64` a `float`, a `HashMap<String, f64>` a
# `dict[str, float]`, an `Option<T>` a `T | None`, a Rust tuple a `tuple[...]`.
