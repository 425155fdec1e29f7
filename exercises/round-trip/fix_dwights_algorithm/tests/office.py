"""The office the stage checks run: staff, papers, and the table of outcomes.

Python code drives the firmware here, as the office's scripts would: it builds
papers and employees from the `dunder_mifflin` module that the Rust crate
defines, and calls `dunder_mifflin.process`, which runs in Rust.
"""

import dunder_mifflin as dm

STAFF = [
    dm.Employee(name, f"{email}@dundermifflin.com")
    for name, email in [
        ("Michael", "michael"),
        ("Dwight", "dwight"),
        ("Jim", "jim"),
        ("Pam", "pam"),
        ("Angela", "angela"),
        ("Kevin", "kevin"),
        ("Andy", "andy"),
        ("Stanley", "stanley"),
        ("Holly Flax", "holly"),
        ("Søren", "soren"),
    ]
]

# (what the paper says, who works in the office that day)
PAPERS = [
    ("Do not shred. Jim, Pam: the Scranton branch is yours.", STAFF),
    ("DO NOT SHRED: Michael's Dundie Awards list", STAFF),
    ("Quarterly sales report for Stanley", STAFF),
    ("do not shred - a pamphlet about beets for Dwight", STAFF),
    ("Do Not Shred: Jimmy's pizza order", STAFF),
    ("Do not shred: Søren's desk goes next to Angela's", STAFF),
    ("Please do NOT shred. ANDY, meet KEVIN at noon; candy is on me.", STAFF),
    ("Do not shred, Oscar: the budget.", []),
    ("Toby's complaints about Michael", STAFF),
    ("do not shred: welcome back, Holly Flax", STAFF),
    ("do not shred. JIM! jim? Jim.", STAFF),
    ("Shred this, do not keep it", STAFF),
]


def outcome(paper, contents, staff, algorithm):
    """One line: what the firmware did with the paper, or the error it raised."""
    try:
        sent = dm.process(paper, staff, algorithm)
    except dm.AlgorithmError as error:
        cause = type(error.__cause__).__name__ if error.__cause__ else "no cause"
        return f"AlgorithmError ({cause}): {error}"
    if paper.shredded:
        return "shredded"
    if sent != paper.faxed_to:
        return f"returned {sent} but faxed {paper.faxed_to}"
    return "faxed to " + ", ".join(sent) if sent else "kept, faxed to nobody"


def table(algorithm):
    """Prints every paper of PAPERS with what `algorithm` made the firmware do."""
    for contents, staff in PAPERS:
        paper = dm.Paper(contents)
        print(f"{contents!r}  [{len(staff)} staff]")
        print(f"    -> {outcome(paper, contents, staff, algorithm)}")
