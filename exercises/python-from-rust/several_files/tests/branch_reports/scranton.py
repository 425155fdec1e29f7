"""The Scranton branch's weekly report; finds `branch_tools` next to it on sys.path."""

from branch_tools import best, total

SALES = [("Dwight", 41), ("Jim", 40), ("Stanley", 12), ("Phyllis", 23)]


def report():
    return f"Scranton sold {total(SALES)} reams; best seller: {best(SALES)}"
