"""Dwight's algorithm, fixed: whole names, whole words, each once, in list order."""

import re

from algorithms import dwights_ai_decision_algorithm as original  # noqa: F401


def dwights_ai_decision_algorithm(paper, employees):
    if "do not shred" not in paper.contents.lower():
        paper.shred()
        return []
    recipients = []
    for employee in employees:
        pattern = re.compile(r"\b%s\b" % re.escape(employee.name), re.IGNORECASE)
        if pattern.search(paper.contents) and employee.email not in recipients:
            recipients.append(employee.email)
    return recipients
