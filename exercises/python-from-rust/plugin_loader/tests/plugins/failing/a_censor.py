BANNED = {"pretzel day": "a regular day"}


def stamp(text):
    if "beets" in text:
        raise ValueError("Dwight's beets are not office business")
    return BANNED.get(text, text)
