"""The office the stage checks run: staff, papers, and the table of outcomes.

Python code drives the firmware here, as the office's scripts would: it builds
papers and employees from the `dunder_mifflin` module that the Rust crate
defines, and calls `dunder_mifflin.process`, which runs in Rust.
"""

import random
import re

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
        ("Meredith-Ann", "meredith"),
        ("D'Angelo", "dangelo"),
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
    # A first name alone is no mention of someone known by a full name; a name with a
    # hyphen or an apostrophe is a whole word too; a day's staff may be a shuffled part of
    # the office, and the addresses come in that list's order.
    ("Do not shred: Holly, the party planning committee meets at four", STAFF),
    ("do not shred: D'ANGELO and meredith-ann get the new desks", STAFF),
    ("Do not shred: Pam, Dwight and Jim get the new keys", [STAFF[2], STAFF[6], STAFF[1]]),
]


# Whether `outcome` shows an AlgorithmError's `__cause__`: the rules ask for one when the
# algorithm raised (Dwight's table), and leave it free for the other broken rules.
SHOW_CAUSE = True


def outcome(paper, contents, staff, algorithm):
    """One line: what the firmware did with the paper, or the error it raised. Of an
    AlgorithmError's message, the rules fix only its start, the function's `__name__`:
    the line shows that first name, and the rest of the message is the student's."""
    try:
        sent = dm.process(paper, staff, algorithm)
    except dm.AlgorithmError as error:
        leading = re.match(r"[A-Za-z_][A-Za-z0-9_]*", str(error))
        named = f"from {leading.group()}" if leading else f"from no function name: {str(error)[:40]!r}"
        if not SHOW_CAUSE:
            return f"AlgorithmError {named}"
        cause = type(error.__cause__).__name__ if error.__cause__ else "no cause"
        return f"AlgorithmError ({cause}) {named}"
    if paper.shredded:
        return "shredded"
    if sent != paper.faxed_to:
        return f"returned {sent} but faxed {paper.faxed_to}"
    return "faxed to " + ", ".join(sent) if sent else "kept, faxed to nobody"


def held_out_office(seed):
    """A new office from `seed`: staff nobody has met and papers nobody has read, as
    `(staff, papers)` where `papers` is laid out as PAPERS.

    Names are made of syllables (some with a surname, a hyphen or an apostrophe, some
    non-ASCII); addresses are numbered, so no address follows from a name; a paper may
    mention people who are not in that day, a name inside a longer word, or a first name
    alone of someone known by their full name; the staff of a paper is the office, a
    shuffled part of it, or nobody. Grading runs the stages on it as well as on PAPERS,
    and judges the output against the solution's on the same office, so a table copied
    from the snapshots fails.
    """
    rng = random.Random(seed)
    syllables = ["bre", "tov", "al", "mar", "ix", "quen", "do", "li", "sa", "ru", "ka", "nel", "vo", "thi", "zé", "ør"]

    def word():
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).capitalize()

    names = []
    wanted = rng.randint(5, 9)
    while len(names) < wanted:
        name = word()
        roll = rng.random()
        if roll < 0.2:
            name += " " + word()
        elif roll < 0.3:
            name += "-" + word()
        elif roll < 0.35:
            name = rng.choice(["O'", "D'"]) + name
        if all(name.lower() not in other.lower() and other.lower() not in name.lower() for other in names):
            names.append(name)
    domain = rng.choice(["dundermifflin.com", "scranton.dundermifflin.com", "dm.example"])
    staff = [dm.Employee(name, f"{rng.randint(10, 99)}{i}.{name.split()[0].lower()}@{domain}") for i, name in enumerate(names)]
    visitors = [word() for _ in range(3)]
    keep = ["do not shred", "Do Not Shred", "DO NOT SHRED", "please, do NOT shred", "dO nOt ShReD"]
    other = ["Shred this", "Minutes of the meeting", "do shred, not keep", "Quarterly report"]
    papers = []
    for _ in range(rng.randint(8, 12)):
        mentioned = rng.sample(names, rng.randint(0, min(3, len(names))))
        words = [rng.choice([n, n.upper(), n.lower()]) for n in mentioned]
        if rng.random() < 0.3:
            # A longer word that holds a name is no mention of it.
            words.append(rng.choice(names).split()[0].split("-")[0] + rng.choice(["son", "ville", "ish"]))
        if rng.random() < 0.3:
            words.append(rng.choice(visitors))
        full_names = [n for n in names if " " in n]
        if full_names and rng.random() < 0.3:
            # A first name alone is no mention of someone known by their full name.
            words.append(rng.choice(full_names).split()[0])
        rng.shuffle(words)
        phrase = rng.choice(keep) if rng.random() < 0.7 else rng.choice(other)
        mention = ", ".join(words) + rng.choice([".", "!", "?", ""])
        contents = f"{phrase}: {mention}" if rng.random() < 0.7 else f"{mention} ({phrase})"
        roll = rng.random()
        if roll < 0.6:
            present = staff
        elif roll < 0.9:
            present = rng.sample(staff, rng.randint(1, len(staff)))
        else:
            present = []
        papers.append((contents, present))
    return staff, papers


def renamed_algorithms(seed):
    """Gives every loaded algorithm a new `__name__` drawn from `seed`, and returns the
    function that gives the old names back.

    The firmware must name an algorithm by reading its `__name__` when it reports an
    error: a name typed into the Rust code, or taken from the firmware's own table, then
    no longer matches.
    """
    import sys

    rng = random.Random(seed)
    old = []
    for module in ("algorithms", "fixed_algorithms"):
        for function in vars(sys.modules[module]).values() if module in sys.modules else []:
            renamed = any(function is done for done, _ in old)
            if callable(function) and getattr(function, "__name__", "").endswith("_algorithm") and not renamed:
                old.append((function, function.__name__))
                function.__name__ = f"{function.__name__}_v{rng.randint(2, 99)}"

    def restore():
        for function, name in old:
            function.__name__ = name

    return restore


def table(algorithm, seed=None):
    """Prints every paper of PAPERS (or of the held-out office of `seed`) with what
    `algorithm` made the firmware do. On a held-out office, the algorithms carry new
    names (`renamed_algorithms`) while the table runs."""
    restore = lambda: None  # noqa: E731
    if seed is not None:
        try:
            # Loads the algorithm's file, so that its functions can be renamed.
            dm.process(dm.Paper("warm-up"), [], algorithm)
        except Exception:
            pass
        restore = renamed_algorithms(seed)
    try:
        for contents, staff in PAPERS if seed is None else held_out_office(seed)[1]:
            paper = dm.Paper(contents)
            print(f"{contents!r}  [{len(staff)} staff]")
            print(f"    -> {outcome(paper, contents, staff, algorithm)}")
    finally:
        restore()
