"""Hourly rates of Dunder Mifflin Scranton, by role. Imports nothing."""

HOURLY = {"warehouse": 18.50, "sales": 15.00, "reception": 16.00}
OVERTIME_AFTER = 40
OVERTIME_FACTOR = 1.5
