def stamp(text):
    return f"APPROVED: {text}"
