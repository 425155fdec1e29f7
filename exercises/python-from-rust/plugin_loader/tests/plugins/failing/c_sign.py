def stamp(text):
    return text + " -- Michael Scott, Regional Manager"
