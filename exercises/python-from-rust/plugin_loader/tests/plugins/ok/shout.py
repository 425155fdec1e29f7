def stamp(text):
    return text.upper()
