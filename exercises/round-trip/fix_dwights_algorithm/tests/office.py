"""The office the stage checks run: staff, papers, and the table of outcomes.

Python code drives the firmware here, as the office's scripts would: it builds
papers and employees from the `dunder_mifflin` module that the Rust crate
defines, and calls `dunder_mifflin.process`, which runs in Rust.
"""

import random

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


def held_out_office(seed):
    """A new office from `seed`: staff nobody has met and papers nobody has read, as
    `(staff, papers)` where `papers` is laid out as PAPERS.

    Grading runs the stages on it as well as on PAPERS, and judges the output against
    the solution's on the same office, so a table copied from the snapshots fails.
    """
    rng = random.Random(seed)
    syllables = ["bre", "tov", "al", "mar", "ix", "quen", "do", "li", "sa", "ru", "ka", "nel", "vo", "thi", "zé", "ør"]
    names = []
    while len(names) < rng.randint(5, 9):
        name = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).capitalize()
        if rng.random() < 0.2:
            name += " " + "".join(rng.choice(syllables) for _ in range(2)).capitalize()
        if all(name.lower() not in other.lower() and other.lower() not in name.lower() for other in names):
            names.append(name)
    staff = [dm.Employee(name, f"{i}.{name.split()[0].lower()}@dundermifflin.com") for i, name in enumerate(names)]
    keep = ["do not shred", "Do Not Shred", "DO NOT SHRED", "please, do NOT shred", "dO nOt ShReD"]
    other = ["Shred this", "Minutes of the meeting", "do shred, not keep", "Quarterly report"]
    papers = []
    for _ in range(rng.randint(8, 12)):
        mentioned = rng.sample(names, rng.randint(0, min(3, len(names))))
        words = [rng.choice([n, n.upper(), n.lower()]) for n in mentioned]
        if rng.random() < 0.3:
            # A longer word that holds a name is no mention of it.
            words.append(rng.choice(names).split()[0] + rng.choice(["son", "ville", "ish"]))
        rng.shuffle(words)
        phrase = rng.choice(keep) if rng.random() < 0.7 else rng.choice(other)
        contents = f"{phrase}: {', '.join(words)}{rng.choice(['.', '!', '?', ''])}"
        present = staff if rng.random() < 0.8 else rng.sample(staff, rng.randint(0, len(staff)))
        papers.append((contents, present))
    return staff, papers


def table(algorithm, seed=None):
    """Prints every paper of PAPERS (or of the held-out office of `seed`) with what
    `algorithm` made the firmware do."""
    for contents, staff in PAPERS if seed is None else held_out_office(seed)[1]:
        paper = dm.Paper(contents)
        print(f"{contents!r}  [{len(staff)} staff]")
        print(f"    -> {outcome(paper, contents, staff, algorithm)}")
