"""Prints what a wheel holds, read from the archive itself (nothing is installed or
written). `python wheel_contents.py WHEEL tags` prints its tags, which Pythons its
Requires-Python admits (so that `>=3.9` and `>= 3.9.0, <4` read the same) and the extension
module's file name. `... parameters` prints each function of its type stub with
its parameters (`=…` marks a default, whatever its spelling); `... annotations` prints
them with their annotations, evaluated and written one way (`Optional[X]` and `X | None`
both print as `X | None`), so that any correct spelling gives the same text."""

import ast
import sys
import types
import typing
import zipfile

from packaging.specifiers import InvalidSpecifier, SpecifierSet

# The Pythons whose admission by Requires-Python is printed: the one below the floor, the
# floor, and the newest.
PYTHONS = ["3.8", "3.9", "3.13"]


def admitted(requires):
    """Which of `PYTHONS` the specifier `requires` admits: `3.8 no, 3.9 yes, 3.13 yes`."""
    try:
        specifier = SpecifierSet(requires)
    except InvalidSpecifier:
        return f"not a version specifier: {requires!r}"
    return ", ".join(f"{python} {'yes' if specifier.contains(python) else 'no'}" for python in PYTHONS)


def canonical(annotation):
    """One spelling for a type: `dict[str, float]`, `tuple[str, float] | None`."""
    if annotation is None or annotation is type(None):
        return "None"
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        parts = sorted({canonical(arg) for arg in args}, key=lambda part: (part == "None", part))
        return " | ".join(parts)
    if origin is not None:
        name = getattr(origin, "__name__", str(origin))
        return f"{name}[{', '.join(canonical(arg) for arg in args)}]"
    return getattr(annotation, "__name__", repr(annotation))


def evaluated(node):
    """The annotation `node` in its one spelling, `?` when there is none."""
    if node is None:
        return "?"
    names = {name: getattr(typing, name) for name in typing.__all__}
    names["typing"] = typing
    try:
        return canonical(eval(compile(ast.Expression(node), "<stub>", "eval"), names))
    except Exception as error:
        return f"<{type(error).__name__}: {ast.unparse(node)}>"


def signature(node, annotations):
    """`name(a, b=…, *, c=…)`, with `: type` after each and `-> type` when `annotations`."""
    args = node.args
    positional = args.posonlyargs + args.args
    defaults = [False] * (len(positional) - len(args.defaults)) + [True] * len(args.defaults)

    def one(arg, default):
        return arg.arg + (f": {evaluated(arg.annotation)}" if annotations else "") + ("=…" if default else "")

    parts = [one(a, d) for a, d in zip(positional, defaults)]
    if args.vararg:
        parts.append("*" + args.vararg.arg)
    elif args.kwonlyargs:
        parts.append("*")
    parts += [one(a, d is not None) for a, d in zip(args.kwonlyargs, args.kw_defaults)]
    if args.kwarg:
        parts.append("**" + args.kwarg.arg)
    result = f" -> {evaluated(node.returns)}" if annotations else ""
    return f"{node.name}({', '.join(parts)}){result}"


def main(wheel, what):
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        if what == "tags":
            metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
            wheel_info = archive.read(next(n for n in names if n.endswith(".dist-info/WHEEL"))).decode()
            tags = sorted({line.split(": ", 1)[1].rsplit("-", 1)[0] for line in wheel_info.splitlines() if line.startswith("Tag: ")})
            requires = [line.split(": ", 1)[1] for line in metadata.splitlines() if line.startswith("Requires-Python: ")]
            modules = sorted(n for n in names if n.endswith((".so", ".pyd")))
            print("tags (python-abi):", ", ".join(tags))
            print("Requires-Python admits:", admitted(requires[0]) if requires else "(no Requires-Python)")
            print("extension module:", ", ".join(modules) or "(none)")
            return
        stubs = [n for n in names if n.endswith(".pyi")]
        print("py.typed in the wheel:", any(n.endswith("/py.typed") for n in names))
        print("stub:", ", ".join(stubs) or "(none)")
        for stub in stubs:
            for node in ast.parse(archive.read(stub).decode()).body:
                if isinstance(node, ast.FunctionDef):
                    print(signature(node, what == "annotations"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
