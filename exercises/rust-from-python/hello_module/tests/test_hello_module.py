"""What the office expects of `hello_module`, once `maturin develop` has installed it."""

import hello_module


def test_greet():
    assert hello_module.greet("Pam") == "Hello, Pam! Welcome to Dunder Mifflin."


def test_sheets():
    assert hello_module.sheets(3) == 1500
    assert hello_module.sheets(0) == 0
