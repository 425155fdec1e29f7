"""The installed wheel works: run by pytest after `pip install` of the wheel."""

import packaging_abi3_wheel as paper


def test_reams_for():
    assert [paper.reams_for(n) for n in (0, 1, 500, 501)] == [0, 1, 1, 2]


def test_price():
    assert paper.price(2) == 9.0
    assert paper.price(10, 5.0) == 45.0
    assert paper.price(10, 5.0, bulk=False) == 50.0
