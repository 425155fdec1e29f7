"""Monthly sales targets in reams, by salesperson. Imports nothing."""

TARGET = {"Dwight": 120, "Jim": 100, "Phyllis": 90}
