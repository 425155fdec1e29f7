"""The wheel ships type stubs, and they agree with the module Python really imports."""

import ast
import importlib.util
import inspect
import pathlib

import packaging_abi3_wheel as paper


def installed_stub():
    spec = importlib.util.find_spec("packaging_abi3_wheel")
    folder = pathlib.Path(spec.origin).parent
    stubs = [folder / "__init__.pyi", folder / "packaging_abi3_wheel.pyi"]
    found = [stub for stub in stubs if stub.exists()]
    assert found, f"no .pyi in the installed package at {folder}"
    assert (folder / "py.typed").exists(), "the wheel has no py.typed marker"
    return ast.parse(found[0].read_text())


def stub_parameters(function):
    """(name, kind, has a default) for each parameter of a stub's `def`."""
    args = function.args
    positional = args.posonlyargs + args.args
    defaults = [False] * (len(positional) - len(args.defaults)) + [True] * len(args.defaults)
    out = [(a.arg, "positional", d) for a, d in zip(positional, defaults)]
    out += [(a.arg, "keyword-only", d is not None) for a, d in zip(args.kwonlyargs, args.kw_defaults)]
    return out


def runtime_parameters(function):
    kinds = {inspect.Parameter.KEYWORD_ONLY: "keyword-only"}
    return [
        (p.name, kinds.get(p.kind, "positional"), p.default is not inspect.Parameter.empty)
        for p in inspect.signature(function).parameters.values()
    ]


def test_every_function_has_a_matching_stub():
    stubs = {node.name: node for node in installed_stub().body if isinstance(node, ast.FunctionDef)}
    public = sorted(name for name in dir(paper) if not name.startswith("_") and callable(getattr(paper, name)))
    assert sorted(stubs) == public
    for name in public:
        assert stub_parameters(stubs[name]) == runtime_parameters(getattr(paper, name)), name
