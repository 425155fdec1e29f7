"""Stage checks of `json_employees`, run by tests/check.rs.

Usage: python check_json_employees.py LIBRARY SCENARIO [SEED]
With SEED (grading's held-out inputs), the scenario runs on a staff and on bad inputs
generated from it.
"""

import ctypes
import json
import os
import random
import re
import sys
from dataclasses import asdict, dataclass

library, scenario = sys.argv[1:3]
rng = random.Random(int(sys.argv[3])) if len(sys.argv) > 3 else None
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


def error(code, text):
    """(code name, what the rules ask of the message): a message in the student's own
    words, whatever they are."""
    return code, "a message" if text else f"no message ({text!r})"


# serde_json's messages start with one of these, and end with the place in the input.
SERDE_MESSAGE = re.compile(
    r"(?:EOF while parsing|invalid type: |invalid value: |missing field `|unexpected end of hex escape"
    r"|invalid escape|invalid number|control character)[^\n]*? at line \d+ column \d+"
)


def json_error(code, text):
    """(code name, serde_json's message found in the text): the rules ask that the
    message holds serde_json's; what surrounds it is the student's."""
    found = SERDE_MESSAGE.search(text or "")
    return code, f"holds serde_json's message: {found.group()}" if found else f"no serde_json message in {text!r}"


def panic_error(code, text, panic):
    """(code name, whether the text holds the message Rust's panic hook printed)."""
    if panic is None:
        return code, text
    return code, "holds the panic's message" if text and panic in text else f"does not hold the panic's message: {text!r}"


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
    # Department names JSON must escape: a quote, and a soft hyphen pasted from a word
    # processor (Rust's `{:?}` writes it `\u{ad}`, which is no JSON).
    Employee("Kelly Kapoor", 'Customer "Service"', 39000),
    Employee("Creed Bratton", "Quality Assur\u00adance", 41000),
]



def held_out_staff(size):
    """A staff nobody has seen: `size` employees with made-up names, departments, pay."""
    first = ["Ké", "Ørjan", "Lyle", "Anya", "Dov", "Zoë", "Stan", "Meredith", "Nellie", "Gabe"]
    last = ["Bernard", "Palmer", "Lapin", "Vickers", "Hannon", "Flenderson", "Bratton"]
    departments = ["Sales", "Accounting", "Warehouse", "Reception", "Quality Assur\u00adance", 'Customer "Service"', "HR"]
    return [
        Employee(f"{rng.choice(first)} {rng.choice(last)}", rng.choice(departments), rng.randint(20_000, 200_000))
        for _ in range(size)
    ]


def rust_panic_report(function):
    """Runs `function()` with the process's standard error (file descriptor 2, where
    Rust's panic hook writes) sent into a pipe; returns its result and the panic
    message the hook printed, or None when no panic was reported."""
    read_end, write_end = os.pipe()
    sys.stderr.flush()
    saved = os.dup(2)
    os.dup2(write_end, 2)
    try:
        result = function()
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        lines = pipe.read().decode("utf-8", "replace").splitlines()
    # The hook prints "thread '...' panicked at FILE:LINE:COLUMN:", then the message.
    after = [lines[i + 1] for i, line in enumerate(lines[:-1]) if "panicked at" in line]
    return result, after[0] if after else None


if scenario == "round_trip":
    if rng is None:
        print(summarize(STAFF))
        print(summarize(STAFF[3:4]))
    else:
        print(summarize(held_out_staff(rng.randint(2, 9))))
        print(summarize(held_out_staff(1)))
elif scenario == "null_pointers":
    print("summarize_payroll(NULL, &out) ->", error(*call(None)))
    data = b"[]" if rng is None else json.dumps([asdict(e) for e in held_out_staff(2)]).encode()
    print(f"summarize_payroll({len(data)} bytes of JSON, NULL) ->", call(data, out=False))
elif scenario == "invalid_utf8":
    if rng is None:
        print("summarize_payroll(b'[\"\\xff\"]', &out) ->", error(*call(b'["\xff"]')))
    else:
        data = json.dumps([asdict(e) for e in held_out_staff(2)], ensure_ascii=False).encode()
        cut = rng.randint(1, len(data) - 1)
        data = data[:cut] + bytes([rng.choice([0x80, 0xFF, 0xC3])]) + b"!" + data[cut:]
        print(f"{len(data)} bytes of JSON with a stray byte at {cut} ->", error(*call(data)))
elif scenario == "invalid_json":
    if rng is None:
        print("truncated  ->", json_error(*call(b'[{"name": "Kevin"')))
        print("not a list ->", json_error(*call(b'{"name": "Kevin"}')))
        print("no salary  ->", json_error(*call(json.dumps([{"name": "Kevin", "department": "Accounting"}]).encode())))
        print("bad salary ->", json_error(*call(json.dumps([{"name": "Kevin", "department": "Accounting", "salary": -1}]).encode())))
    else:
        staff = [asdict(e) for e in held_out_staff(3)]
        data = json.dumps(staff).encode()
        print("truncated  ->", json_error(*call(data[: rng.randint(1, len(data) - 2)])))
        print("not a list ->", json_error(*call(json.dumps(staff[0]).encode())))
        field = rng.choice(["name", "department", "salary"])
        del staff[1][field]
        print(f"no {field:<7}->", json_error(*call(json.dumps(staff).encode())))
        staff = [asdict(e) for e in held_out_staff(2)]
        staff[-1]["salary"] = rng.choice([-rng.randint(1, 999), 2**32 + rng.randint(0, 999), "a lot"])
        print("bad salary ->", json_error(*call(json.dumps(staff).encode())))
elif scenario == "panic":
    # The empty list makes summarize() divide by zero. The check reads what Rust's panic
    # hook printed: a real panic, caught at the border, prints its message there.
    result, panic = rust_panic_report(lambda: call(b"[]"))
    print("empty list ->", panic_error(*result, panic))
    print("Rust's panic hook reported:", panic if panic is not None else "nothing: no panic happened")
    # An employee without a department makes summarize() panic with its own message, which
    # names the employee: the code's text must be the caught panic's message.
    kevin = Employee("Kevin Malone", "", 38000) if rng is None else held_out_staff(1)[0]
    kevin.department = ""
    result, panic = rust_panic_report(lambda: call(json.dumps([asdict(kevin)], ensure_ascii=False).encode()))
    print("no department ->", panic_error(*result, panic))
    print("Rust's panic hook reported:", panic if panic is not None else "nothing: no panic happened")
    staff = STAFF[:1] if rng is None else held_out_staff(rng.randint(1, 4))
    print("Python is still alive, and the library still works:", summarize(staff))
else:
    sys.exit(f"unknown scenario {scenario!r}")
