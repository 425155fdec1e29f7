"""ctypes bindings of the office's Rust library (exercise `add_numbers`).

ctypes knows nothing about the library's functions but their names: for each one, say
which C types its arguments have (`argtypes`) and which C type it returns (`restype`).
"""

import ctypes


# ANCHOR: exercise
def load(path):
    """Loads the cdylib at `path` and declares the C signatures of its functions."""
    lib = ctypes.CDLL(path)
    # int32_t add_numbers(int32_t a, int32_t b);
    lib.add_numbers.argtypes = [ctypes.c_int32, ctypes.c_int32]
    lib.add_numbers.restype = ctypes.c_int32
    # double average_sale(double total, uint32_t count);
    # TODO: declare average_sale's argtypes and restype. Without them ctypes cannot pass a
    # Python float, and it reads every result as a C int.
    # double total_sales(const double *sales, size_t len);
    # TODO (stage 3): declare total_sales: a pointer to C doubles, then a size_t; it
    # returns a double.
    return lib


def total_sales(lib, sales):
    """The sum of the Python floats `sales`, computed by the library: the list becomes
    a C array of doubles, passed as a pointer and a length."""
    # TODO (stage 3): build the C array, `(ctypes.c_double * n)(*sales)`, and call
    # lib.total_sales with it and its length.
    raise NotImplementedError("total_sales")
# ANCHOR_END: exercise
