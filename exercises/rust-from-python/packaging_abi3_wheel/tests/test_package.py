"""The installed wheel works, and is the stable-ABI build: run by pytest after the wheel
is installed."""

import importlib.util

import packaging_abi3_wheel as paper


def extension_file():
    """The compiled module's path. With a stub, maturin ships a package folder whose
    `__init__.py` imports the compiled module of the same name, inside it."""
    spec = importlib.util.find_spec("packaging_abi3_wheel")
    if spec.submodule_search_locations is not None:
        spec = importlib.util.find_spec("packaging_abi3_wheel.packaging_abi3_wheel")
    return spec.origin


def test_the_module_is_built_for_the_stable_abi():
    # An abi3 build is named `packaging_abi3_wheel.abi3.so` (`.pyd` on Windows, which has
    # no version in the name); a build for one Python says which: `.cpython-311-...so`.
    origin = extension_file()
    name = origin.replace("\\", "/").rsplit("/", 1)[-1]
    assert name in ("packaging_abi3_wheel.abi3.so", "packaging_abi3_wheel.pyd"), f"the installed module is {name}"


def test_reams_for():
    assert [paper.reams_for(n) for n in (0, 1, 500, 501)] == [0, 1, 1, 2]


def test_price():
    assert paper.price(2) == 9.0
    assert paper.price(10, 5.0) == 45.0
    assert paper.price(10, 5.0, bulk=False) == 50.0


def test_cheapest():
    assert paper.cheapest({"Staples": 5.25, "Prince Paper": 4.75, "Dunder": 4.75}) == ("Dunder", 4.75)
    assert paper.cheapest({}) is None
