"""The installed wheel works at run time, whatever its stubs say: run by pytest after
the wheel is installed."""

import typed_stubs as ts


def test_the_module_at_run_time():
    order = ts.Order("Blue Cross", 12)
    assert [o.reams for o in order.split(5)] == [3, 3, 2, 2, 2]
    assert ts.largest([ts.Order("Jim"), order]).customer == "Blue Cross"
    assert ts.largest([]) is None
    assert ts.badge("Dwight", department="Sales") == "Dwight (Sales)"
    assert ts.price(10) == 40.5
