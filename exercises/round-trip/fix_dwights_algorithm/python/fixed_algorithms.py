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

# TODO: replace this import with your own, fixed `dwights_ai_decision_algorithm`.
from algorithms import dwights_ai_decision_algorithm  # noqa: F401
