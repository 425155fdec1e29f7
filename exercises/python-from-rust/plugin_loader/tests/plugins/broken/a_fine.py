def stamp(text):
    return text + " (checked by Angela)"
