# The Python side of every check of `differential_testing`, run in the embedded
# interpreter after the scenario's `SEED` and `rng`, with `crate_module` (the crate's
# module) and `CRATE_DIR` (its folder) set by `check.rs`.
#
# `run_property(name, function, impl, label)` runs the property `name` of the crate's
# `python/properties.py` with `differential_testing.<function>` replaced by `impl`, and
# prints whether it passes or fails (not how: an `assert`, a `raise`, any exception), the
# smallest failing input Hypothesis shrank to with both answers on it, and whether the
# property called the function under test and the reference at all.
#
# `run_cases(function, cases)` calls the crate's own function on each case, with a
# reference that notes its calls, under a profiler that notes every Python frame.
import importlib.util, os, sys, tempfile, types
os.environ["HYPOTHESIS_STORAGE_DIRECTORY"] = tempfile.mkdtemp(prefix="hypothesis-")
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(CRATE_DIR, "python"))
import hypothesis
from hypothesis import HealthCheck, settings
import reference as real_reference

# A profile, not a `settings(...)` decorator laid over the property: a property that has
# its own `@settings` keeps it, and takes the rest (derandomized, no database, no
# deadline) from here.
settings.register_profile(
    "check", derandomize=True, database=None, deadline=None, max_examples=300,
    report_multiple_bugs=False, print_blob=False, suppress_health_check=list(HealthCheck),
)
settings.load_profile("check")

def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module

def run_property(name, function, impl, label):
    calls = {"impl": 0, "reference": 0}
    last = []
    def under_test(data):
        calls["impl"] += 1
        last[:] = [list(data)]
        return impl(data)
    def reference_function(data):
        calls["reference"] += 1
        return getattr(real_reference, function)(data)
    fake = types.ModuleType("differential_testing")
    setattr(fake, function, under_test)
    ref = types.ModuleType("reference")
    for attribute in ("runs", "unique"):
        setattr(ref, attribute, getattr(real_reference, attribute))
    setattr(ref, function, reference_function)
    sys.modules["differential_testing"] = fake
    sys.modules["reference"] = ref
    properties = load(os.path.join(CRATE_DIR, "python", "properties.py"), "properties")
    test = getattr(properties, name, None)
    if test is None or not hasattr(test, "hypothesis"):
        print(f"{name}: not a Hypothesis property (@given) in python/properties.py")
        return
    try:
        test()
        print(f"{name} against {label}: passes")
    except Exception:
        print(f"{name} against {label}: fails")
        if last:
            data = last[0]
            print(f"  smallest failing input: {data!r}")
            print(f"  {label}: {impl(data)!r}; reference.{function}: {getattr(real_reference, function)(data)!r}")
    said = lambda n: "yes" if n else "no"
    print(f"  called {function}: {said(calls['impl'])}; called reference.{function}: {said(calls['reference'])}")

def run_cases(function, cases):
    """Calls the crate's `function` on each case alone, with a `reference` module that
    notes its calls, under a profiler that notes every Python frame the call runs: a Rust
    function must compute, neither ask the reference nor run Python code that computes."""
    asked, frames = [], []
    guard = types.ModuleType("reference")
    for attribute in ("runs", "unique"):
        setattr(guard, attribute, lambda data, f=getattr(real_reference, attribute): asked.append(1) or f(data))
    sys.modules["reference"] = guard
    def profile(frame, event, arg):
        if event == "call":
            frames.append(frame.f_code.co_name)
    implementation = getattr(crate_module, function)
    for data in cases:
        sys.setprofile(profile)
        try:
            result = implementation(data)
        finally:
            sys.setprofile(None)
        print(f"{function}({data}) = {result}")
    # A `#[pyfunction]` is a `builtin_function_or_method`; a Python `def` is a `function`.
    print(f"  your {function} is a {type(implementation).__name__}; it ran Python code: {'yes' if frames else 'no'}")
    print(f"  your {function} asked the reference: {'yes' if asked else 'no'}")
