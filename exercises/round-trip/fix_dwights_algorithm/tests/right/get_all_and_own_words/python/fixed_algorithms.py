"""Dwight's algorithm, fixed."""

import re


def dwights_ai_decision_algorithm(paper, employees):
    text = paper.contents.casefold()
    if "do not shred" in text:
        return [
            employee.email
            for employee in employees
            if re.search(r"(?<!\w)" + re.escape(employee.name.casefold()) + r"(?!\w)", text)
        ]
    paper.shred()
    return []
