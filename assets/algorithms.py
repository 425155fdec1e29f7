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
