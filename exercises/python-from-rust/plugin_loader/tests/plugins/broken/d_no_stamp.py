def stump(text):
    return "Dwight's beet farm: " + text
