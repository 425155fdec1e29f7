"""The discount rules of call_function's third check: a function, an object with
`__call__`, and two rules that raise (a `ValueError` and an exception class of the
office's own); each notes its calls in `calls`.

tests/check.rs runs this file after the inputs' prelude, which defines `SEED` (None for
the public inputs) and `rng` (a `random.Random(SEED)`): the rates and the prices are
drawn from the seed when grading.
"""

rate = 0.9 if SEED is None else rng.choice([0.5, 0.7, 0.75, 0.8, 0.85, 0.95])
off = 25.0 if SEED is None else float(rng.randint(1, 90))
calls = []

def loyalty(price):
    calls.append(f"loyalty({price})")
    return round(price * rate, 2)

class Coupon:
    def __call__(self, price):
        calls.append(f"Coupon()({price})")
        return max(price - off, 0.0)

def expired(price):
    calls.append(f"expired({price})")
    raise ValueError("the coupon expired")

class RuleRetired(Exception):
    pass

def retired(price):
    calls.append(f"retired({price})")
    raise RuleRetired("corporate retired this rule")

prices = [120.0, 19.99] if SEED is None else [round(rng.uniform(1, 500), 2) for _ in range(2)]
rules = [("loyalty", loyalty), ("Coupon()", Coupon()), ("expired", expired), ("retired", retired)]
