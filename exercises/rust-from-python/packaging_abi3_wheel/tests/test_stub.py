"""The wheel ships a type stub whose functions have the module's parameters: the same
names, kinds (positional or keyword-only) and defaults as `inspect.signature` of the
function Python really imports."""

import ast
import importlib.util
import inspect
import pathlib

import pytest

import packaging_abi3_wheel as paper

PUBLIC = sorted(name for name in dir(paper) if not name.startswith("_") and callable(getattr(paper, name)))


def installed_stub():
    """The installed package's stub, parsed; fails when the wheel has none or no py.typed."""
    spec = importlib.util.find_spec("packaging_abi3_wheel")
    folder = pathlib.Path(spec.origin).parent
    stubs = [folder / "__init__.pyi", folder / "packaging_abi3_wheel.pyi"]
    found = [stub for stub in stubs if stub.exists()]
    assert found, f"no .pyi in the installed package at {folder}"
    assert (folder / "py.typed").exists(), "the wheel has no py.typed marker"
    return ast.parse(found[0].read_text())


def stub_functions():
    return {node.name: node for node in installed_stub().body if isinstance(node, ast.FunctionDef)}


def default_value(node):
    """A stub's default: `...` (which stubs may write for any default) or a literal."""
    return ... if isinstance(node, ast.Constant) and node.value is ... else ast.literal_eval(node)


def stub_parameters(function):
    """(name, kind, default) for each parameter of a stub's `def`; `None` for no default."""
    args = function.args
    positional = args.posonlyargs + args.args
    defaults = [None] * (len(positional) - len(args.defaults)) + [default_value(d) for d in args.defaults]
    out = [(a.arg, "positional", d) for a, d in zip(positional, defaults)]
    out += [(a.arg, "keyword-only", None if d is None else default_value(d)) for a, d in zip(args.kwonlyargs, args.kw_defaults)]
    if args.vararg or args.kwarg:
        out.append(("*args or **kwargs", "catch-all", None))
    return out


def runtime_parameters(function):
    """(name, kind, default) for each parameter of the function; `None` for no default."""
    kinds = {inspect.Parameter.KEYWORD_ONLY: "keyword-only"}
    return [
        (p.name, kinds.get(p.kind, "positional"), None if p.default is inspect.Parameter.empty else p.default)
        for p in inspect.signature(function).parameters.values()
    ]


def test_the_stub_declares_the_same_functions():
    assert sorted(stub_functions()) == PUBLIC


@pytest.mark.parametrize("name", PUBLIC)
def test_same_parameters(name):
    stubs = stub_functions()
    assert name in stubs, f"the stub has no `def {name}`"
    stub = stub_parameters(stubs[name])
    runtime = runtime_parameters(getattr(paper, name))
    # A stub may write `...` for a default: then only that there is one is compared.
    written = [d for _, _, d in stub] + [None] * len(runtime)
    runtime = [(n, k, ... if written[i] is ... and d is not None else d) for i, (n, k, d) in enumerate(runtime)]
    assert stub == runtime
