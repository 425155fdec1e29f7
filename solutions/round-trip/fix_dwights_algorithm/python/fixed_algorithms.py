"""Dwight's algorithm, fixed: the fax machine runs this one as "dwight-fixed".

The firmware loads assets/algorithms.py first, as the module `algorithms`, then
this file, so the import below finds Dwight's original.

The rules, as Dwight meant them:
- a paper whose text holds "do not shred", in any case, is faxed to every
  employee whose name it mentions (the whole name, as a whole word: "Pam" is not
  in "pamphlet", and "Holly" alone is not "Holly Flax"), each once, in the order
  of the employee list;
- any other paper is shredded (`paper.shred()`), and the algorithm returns [].
"""

import re


def dwights_ai_decision_algorithm(paper, employees):
    contents = paper.contents.lower()
    if "do not shred" not in contents:
        paper.shred()
        return []
    return [
        employee.email
        for employee in employees
        if re.search(rf"\b{re.escape(employee.name.lower())}\b", contents)
    ]
