"""The stub's annotations agree with the values the module takes and gives: sample calls
of each function, with every argument, default and result checked against the stub's
annotation (an `int` is no `float` result, `None` needs `| None`, a `dict` checks its keys
and values)."""

import ast
import importlib.util
import inspect
import pathlib
import types
import typing

import pytest

import packaging_abi3_wheel as paper

# Sample calls: (positional arguments, keyword arguments) for each function.
CALLS = {
    "reams_for": [((0,), {}), ((501,), {})],
    "price": [((2,), {}), ((10, 5.0), {"bulk": False}), ((12,), {"per_ream": 4.25})],
    "cheapest": [(({"Staples": 5.25, "Prince Paper": 4.75},), {}), (({},), {})],
}


def stub_functions():
    spec = importlib.util.find_spec("packaging_abi3_wheel")
    folder = pathlib.Path(spec.origin).parent
    found = [p for p in (folder / "__init__.pyi", folder / "packaging_abi3_wheel.pyi") if p.exists()]
    assert found, f"no .pyi in the installed package at {folder}"
    tree = ast.parse(found[0].read_text())
    return {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}


def annotation(node, where):
    """The annotation `node` evaluated (builtins and `typing`'s names are known)."""
    assert node is not None, f"{where} has no annotation"
    names = {name: getattr(typing, name) for name in typing.__all__}
    names["typing"] = typing
    return eval(compile(ast.Expression(node), "<stub>", "eval"), names)


def conforms(value, expected):
    """Whether `value` is a value of the type `expected`, looking inside containers."""
    origin, args = typing.get_origin(expected), typing.get_args(expected)
    if expected is None or expected is type(None):
        return value is None
    if origin in (typing.Union, types.UnionType):
        return any(conforms(value, arg) for arg in args)
    if origin is dict:
        return isinstance(value, dict) and all(conforms(k, args[0]) and conforms(v, args[1]) for k, v in value.items())
    if origin is list:
        return isinstance(value, list) and all(conforms(v, args[0]) for v in value)
    if origin is tuple:
        return isinstance(value, tuple) and len(value) == len(args) and all(map(conforms, value, args))
    if expected is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, expected)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_annotations_fit_the_values(name):
    stub = stub_functions().get(name)
    assert stub is not None, f"the stub has no `def {name}`"
    params = {a.arg: a.annotation for a in stub.args.posonlyargs + stub.args.args + stub.args.kwonlyargs}
    function = getattr(paper, name)
    signature = inspect.signature(function)
    for parameter in signature.parameters.values():
        if parameter.default is not inspect.Parameter.empty:
            expected = annotation(params.get(parameter.name), f"{name}({parameter.name})")
            assert conforms(parameter.default, expected), f"{name}: the default {parameter.name}={parameter.default!r} is no {ast.unparse(params[parameter.name])}"
    for args, kwargs in CALLS[name]:
        for key, value in signature.bind(*args, **kwargs).arguments.items():
            expected = annotation(params.get(key), f"{name}({key})")
            assert conforms(value, expected), f"{name}: the argument {key}={value!r} is no {ast.unparse(params[key])}"
        result = function(*args, **kwargs)
        expected = annotation(stub.returns, f"{name}'s result")
        assert conforms(result, expected), f"{name}{args}: the result {result!r} is no {ast.unparse(stub.returns)}"
