"""Activation functions for the office's sales-forecasting neural network.

Rust loads this file with `PyModule::from_code` and calls its functions.
"""


def relu(x):
    return max(0.0, x)


def leaky_relu(x, slope=0.01):
    return x if x >= 0 else x * slope


def layer(name, **settings):
    """Describes a layer: its name, then its settings sorted by key."""
    described = ", ".join(f"{key}={settings[key]!r}" for key in sorted(settings))
    return f"{name}({described})"
