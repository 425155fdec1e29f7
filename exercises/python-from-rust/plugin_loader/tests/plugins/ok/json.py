# A plug-in named like a standard module: the loader must not let it replace `json`.
import json


def stamp(text):
    return json.dumps({"paper": text})
