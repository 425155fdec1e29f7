"""The orders of serde_exchange's checks, and their helpers: `ORDERS` (fixed ones, or ones
drawn from `rng` when grading), `number` and `noting`. Run after the inputs' prelude
(`SEED`, `rng`), before each check's own lines."""
import json
import serde_exchange as orders

if SEED is None:
    ORDERS = [
        {
            "customer": 'Bob Vance, "Vance Refrigeration"',
            "items": [
                {"sku": "copy-paper", "reams": 10, "price_per_ream": 4.5},
                {"sku": "cardstock", "reams": 2, "price_per_ream": 12.25},
            ],
        },
        {"customer": "Scranton Business Park", "discount_percent": 15, "items": [{"sku": "envelopes", "reams": 4, "price_per_ream": 3.0}]},
        {"customer": "Nobody", "items": []},
        {"customer": "Kelly Kapoor \U0001F469\u200D\U0001F4BC", "items": [{"sku": "labels", "reams": 1, "price_per_ream": 2.75}]},
    ]
else:
    people = ["Bob Vance", 'Vance "Refrigeration"', "Poor Richard's", "C:\\Scranton\\HQ", "Café Disco", "Prince Paper", "Kelly Kapoor \U0001F469\u200D\U0001F4BC"]
    skus = ["copy-paper", "cardstock", "envelopes", "letterhead", "labels", "toner"]
    ORDERS = []
    for _ in range(3):
        order = {"customer": rng.choice(people), "items": [
            {"sku": sku, "reams": rng.randint(0, 40), "price_per_ream": rng.randint(1, 80) / 4}
            for sku in rng.sample(skus, rng.randint(0, 4))
        ]}
        if rng.random() < 0.5:
            order["discount_percent"] = rng.choice([5, 10, 15, 20, 50])
        ORDERS.append(order)

def number(value):
    """`repr` of a JSON number, with a float's sign of zero dropped (`-0.0` is `0.0`)."""
    return repr(value + 0.0) if isinstance(value, float) else repr(value)

def noting(real, calls):
    """`real` (a method of json's decoder or encoder), noting each call in `calls`."""
    def method(self, *args, **kwargs):
        calls.append(1)
        return real(self, *args, **kwargs)
    return method
