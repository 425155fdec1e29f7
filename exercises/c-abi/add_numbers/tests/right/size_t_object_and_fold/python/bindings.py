"""ctypes bindings of the office's Rust library."""

from ctypes import CDLL, POINTER, c_double, c_int32, c_size_t, c_uint


def load(path):
    lib = CDLL(path)
    lib.add_numbers.argtypes = (c_int32, c_int32)
    lib.add_numbers.restype = c_int32
    lib.average_sale.argtypes = (c_double, c_uint)
    lib.average_sale.restype = c_double
    lib.total_sales.argtypes = (POINTER(c_double), c_size_t)
    lib.total_sales.restype = c_double
    return lib


def total_sales(lib, sales):
    count = len(sales)
    array = (c_double * count)()
    for i, sale in enumerate(sales):
        array[i] = sale
    return lib.total_sales(array, c_size_t(count))
