"""Stage checks of `json_employees`, run by tests/check.rs.

Usage: python check_json_employees.py LIBRARY SCENARIO
"""

import ctypes
import json
import sys
from dataclasses import asdict, dataclass

library, scenario = sys.argv[1:3]
lib = ctypes.CDLL(library)
# int32_t summarize_payroll(const char *employees_json, char **out);
lib.summarize_payroll.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]
lib.summarize_payroll.restype = ctypes.c_int32
# void free_string(char *s);
lib.free_string.argtypes = [ctypes.c_void_p]
lib.free_string.restype = None

CODES = {0: "OK", 1: "NULL_POINTER", 2: "INVALID_UTF8", 3: "INVALID_JSON", 4: "PANICKED"}


@dataclass
class Employee:
    name: str
    department: str
    salary: int


@dataclass
class Summary:
    headcount: int
    total_salary: int
    average_salary: int
    departments: dict


def call(data, out=True):
    """Calls summarize_payroll with `data` (bytes or None); returns (code name, text)."""
    result = ctypes.c_void_p()
    code = lib.summarize_payroll(data, ctypes.byref(result) if out else None)
    text = None
    if result.value is not None:
        text = ctypes.string_at(result.value).decode("utf-8")
        lib.free_string(result)
    return CODES.get(code, f"unknown code {code}"), text


def summarize(employees):
    """The Rust summary of a list of Employee dataclasses, as a Summary dataclass."""
    data = json.dumps([asdict(e) for e in employees]).encode("utf-8")
    code, text = call(data)
    if code != "OK":
        raise RuntimeError(f"{code}: {text}")
    return Summary(**json.loads(text))


STAFF = [
    Employee("Michael Scott", "Management", 62000),
    Employee("Dwight Schrute", "Sales", 51000),
    Employee("Jim Halpert", "Sales", 48000),
    Employee("Pam Beesly", "Reception", 36000),
    Employee("Oscar Martínez", "Accounting", 47000),
]

if scenario == "round_trip":
    print(summarize(STAFF))
    print(summarize(STAFF[3:4]))
elif scenario == "null_pointers":
    print("summarize_payroll(NULL, &out) ->", call(None))
    print("summarize_payroll(json, NULL) ->", call(b"[]", out=False))
elif scenario == "invalid_utf8":
    print("summarize_payroll(b'[\"\\xff\"]', &out) ->", call(b'["\xff"]'))
elif scenario == "invalid_json":
    print("truncated  ->", call(b'[{"name": "Kevin"'))
    print("not a list ->", call(b'{"name": "Kevin"}'))
    print("no salary  ->", call(json.dumps([{"name": "Kevin", "department": "Accounting"}]).encode()))
    print("bad salary ->", call(json.dumps([{"name": "Kevin", "department": "Accounting", "salary": -1}]).encode()))
elif scenario == "panic":
    print("empty list ->", call(b"[]"))
    print("Python is still alive, and the library still works:", summarize(STAFF[:1]))
else:
    sys.exit(f"unknown scenario {scenario!r}")
