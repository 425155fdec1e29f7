# `python declarations.py NAME...`: reads the installed stub (`typed_stubs/__init__.pyi`)
# and says how it declares each name: a def, a class, a variable (stubtest accepts a
# function or a class declared as `price: Callable[..., float]` or `Order: Any`, which
# describes no parameter or member), an import, or nothing. Run by `check.rs`.
import ast, importlib.util, os, sys
folder = list(importlib.util.find_spec("typed_stubs").submodule_search_locations)[0]
with open(os.path.join(folder, "__init__.pyi"), encoding="utf-8") as stub:
    body = ast.parse(stub.read()).body
kinds = {}
for node in body:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        kinds[node.name] = "a def"
    elif isinstance(node, ast.ClassDef):
        kinds[node.name] = "a class"
    elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        kinds[node.target.id] = "a variable"
    elif isinstance(node, ast.Assign):
        kinds.update((target.id, "a variable") for target in node.targets if isinstance(target, ast.Name))
    elif isinstance(node, (ast.Import, ast.ImportFrom)):
        kinds.update(((alias.asname or alias.name).split(".")[0], "an import") for alias in node.names)
for name in sys.argv[1:]:
    print(f"the stub declares {name} as {kinds.get(name, 'nothing')}")
