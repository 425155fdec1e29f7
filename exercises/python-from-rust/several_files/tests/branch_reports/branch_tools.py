"""Helpers every branch report uses."""


def total(sales):
    return sum(amount for _, amount in sales)


def best(sales):
    return max(sales, key=lambda pair: pair[1])[0]
