# `W(array)`: a view of `array` that notes every NumPy operation run on it (ufuncs such as
# `add` or `multiply`, which `sum`, `*=` and friends go through, and functions such as
# `np.sum`), and every conversion of it to a plain array (`np.asarray` and friends, which
# would hide it from the ufunc notes), in the list `noted`. Rust reading and writing the
# array's memory runs none. Run by `check.rs` after `import numpy as np`.
noted = []
class Watched(np.ndarray):
    def __array_ufunc__(self, ufunc, method, *args, **kwargs):
        noted.append(ufunc.__name__)
        plain = lambda a: a.view(np.ndarray) if isinstance(a, Watched) else a
        if "out" in kwargs:
            kwargs["out"] = tuple(plain(o) for o in kwargs["out"])
        return getattr(ufunc, method)(*map(plain, args), **kwargs)
    def __array_function__(self, func, types, args, kwargs):
        noted.append(func.__name__)
        return super().__array_function__(func, types, args, kwargs)
W = lambda array: array.view(Watched)
def noting_conversion(name, convert):
    def converted(*args, **kwargs):
        if any(isinstance(a, Watched) for a in args):
            noted.append(name)
        return convert(*args, **kwargs)
    return converted
# NumPy's own functions, kept the first time, so that each scenario wraps them once.
for name in ("array", "asarray", "asanyarray", "ascontiguousarray", "asfortranarray", "copy"):
    setattr(np, name, noting_conversion(name, np.__dict__.setdefault("_unwatched_" + name, getattr(np, name))))
