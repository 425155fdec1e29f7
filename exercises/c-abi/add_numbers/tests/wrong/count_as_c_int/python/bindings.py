"""ctypes bindings of the office's Rust library (exercise `add_numbers`).

ctypes knows nothing about the library's functions but their names: for each one, say
which C types its arguments have (`argtypes`) and which C type it returns (`restype`).
"""

import ctypes


# ANCHOR: solution
def load(path):
    """Loads the cdylib at `path` and declares the C signatures of its functions."""
    lib = ctypes.CDLL(path)
    # int32_t add_numbers(int32_t a, int32_t b);
    lib.add_numbers.argtypes = [ctypes.c_int32, ctypes.c_int32]
    lib.add_numbers.restype = ctypes.c_int32
    # double average_sale(double total, uint32_t count);
    lib.average_sale.argtypes = [ctypes.c_double, ctypes.c_int]
    lib.average_sale.restype = ctypes.c_double
    # double total_sales(const double *sales, size_t len);
    lib.total_sales.argtypes = [ctypes.POINTER(ctypes.c_double), ctypes.c_size_t]
    lib.total_sales.restype = ctypes.c_double
    return lib


def total_sales(lib, sales):
    """The sum of the Python floats `sales`, computed by the library: the list becomes
    a C array of doubles, passed as a pointer and a length."""
    array = (ctypes.c_double * len(sales))(*sales)
    return lib.total_sales(array, len(sales))
# ANCHOR_END: solution
