"""The office's "AI" decision algorithms, run by the fax machine's Rust firmware.

An algorithm receives a paper and the list of employees. It returns the e-mail
addresses the paper must be faxed to; when it decides the paper goes to the
shredder, it calls ``paper.shred()`` and returns an empty list.

This file is the firmware's: exercises load it, and nobody edits it. Dwight's
algorithm below is broken, as shipped.
"""


# ANCHOR: dwight
def dwights_ai_decision_algorithm(paper, employees):
    """Dwight's algorithm: a paper that says "do not shred" goes to everyone it names."""
    if "do not shred" in paper.contents.lower():
        # we search for the names of employees in the paper
        employee_names = [employee.name.lower() for employee in employees]
        # and then send it to all those mentioned
        present = employees[employee_names in paper.contents.lower()]
        return [employee.email for employee in present]
    else:
        paper.shred()
# ANCHOR_END: dwight


def jims_ai_decision_algorithm(paper, employees):
    """Jim's algorithm: every paper looks like it wants to be shredded."""
    paper.shred()
    return []


# The algorithms below break the firmware's rules in the other ways an algorithm can
# go wrong; the firmware must refuse each with an `AlgorithmError`.


# Who is away this week, by name in lower case: Pam faxes nobody on this list. The
# office's scripts change it at run time.
OUT_OF_OFFICE = set()


def pams_ai_decision_algorithm(paper, employees):
    """Pam's algorithm: a paper that says "do not shred" goes to everyone in the office
    who is not away (`OUT_OF_OFFICE`)."""
    if "do not shred" in paper.contents.lower():
        return [employee.email for employee in employees if employee.name.lower() not in OUT_OF_OFFICE]
    paper.shred()
    return []


def ryans_ai_decision_algorithm(paper, employees):
    """Ryan's algorithm (WUPHF): returns the employees themselves, or one string of
    addresses, never a list of addresses."""
    contents = paper.contents.lower()
    if "do not shred" in contents:
        return [employee for employee in employees if employee.name.lower() in contents]
    return "; ".join(employee.email for employee in employees)


def kevins_ai_decision_algorithm(paper, employees):
    """Kevin's algorithm: types each address from the employee's first name, which is
    not always the address the office gave them."""
    contents = paper.contents.lower()
    if "do not shred" not in contents:
        paper.shred()
        return []
    return [
        employee.name.split()[0].lower() + "@dundermifflin.com"
        for employee in employees
        if employee.name.lower() in contents
    ]


def michaels_ai_decision_algorithm(paper, employees):
    """Michael's algorithm: shred first, then fax to everyone anyway."""
    paper.shred()
    if "do not shred" in paper.contents.lower():
        return [employee.email for employee in employees]
    return []
