"""ctypes bindings of the office's Rust library."""

import ctypes

DOUBLE_POINTER = ctypes.POINTER(ctypes.c_double)
SIGNATURES = {
    "add_numbers": ([ctypes.c_int32, ctypes.c_int32], ctypes.c_int32),
    "average_sale": ([ctypes.c_double, ctypes.c_uint32], ctypes.c_double),
    "total_sales": ([DOUBLE_POINTER, ctypes.c_size_t], ctypes.c_double),
}


def load(path):
    lib = ctypes.cdll.LoadLibrary(path)
    for name, (arguments, result) in SIGNATURES.items():
        function = getattr(lib, name)
        function.argtypes = arguments
        function.restype = result
    return lib


def total_sales(lib, sales):
    if not sales:
        return lib.total_sales(None, 0)
    array = (ctypes.c_double * len(sales))(*sales)
    return lib.total_sales(ctypes.cast(array, DOUBLE_POINTER), len(sales))
