"""Word frequencies four ways, timed: run by `cargo xtask bench gil` (xtask/src/commands/bench/gil.rs).

Prints one JSON object: the corpus size and, for each variant, the best of several wall-clock
times in seconds. Every variant must give the same counts as pure Python, or this exits with
an error.
"""

import collections
import concurrent.futures
import json
import os
import re
import sys
import time

import gil_release_rayon as rust

WORD = re.compile(r"[a-z0-9]+")


def corpus(documents, words_per_document):
    """A deterministic corpus: office words and made-up ones, drawn by a linear congruential generator."""
    vocabulary = "paper fax machine shredder memo ream sales scranton stamford beet farm dundie pretzel".split()
    vocabulary += [f"w{i}x{i * 7 % 13}" for i in range(2000)]
    state = 12345
    texts = []
    for _ in range(documents):
        words = []
        for _ in range(words_per_document):
            state = (state * 1103515245 + 12345) % 2**31
            word = vocabulary[state % len(vocabulary)]
            words.append(word.capitalize() if state % 5 == 0 else word)
        texts.append(" ".join(words) + ".")
    return texts


def pure_python(texts):
    counts = collections.Counter()
    for text in texts:
        counts.update(WORD.findall(text.lower()))
    return dict(counts)


def threaded(function, texts, threads):
    """Splits the texts among `threads` Python threads, each calling `function`, and merges."""
    chunks = [texts[i::threads] for i in range(threads)]
    total = collections.Counter()
    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        for counts in pool.map(function, chunks):
            total.update(counts)
    return dict(total)


def best_of(repeats, function):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), result


def main():
    documents, words, repeats = (int(arg) for arg in sys.argv[1:4])
    texts = corpus(documents, words)
    threads = os.cpu_count() or 1
    variants = [
        ("pure Python (re + Counter)", lambda: pure_python(texts)),
        ("Rust, holding the GIL", lambda: rust.word_counts(texts)),
        (f"Rust holding the GIL, {threads} Python threads", lambda: threaded(rust.word_counts, texts, threads)),
        (f"Rust, GIL released (py.detach), {threads} Python threads", lambda: threaded(rust.word_counts_detached, texts, threads)),
        ("Rust, GIL released, rayon threads", lambda: rust.word_counts_parallel(texts)),
    ]
    expected = pure_python(texts)
    for name, function in variants:
        if function() != expected:
            sys.exit(f"{name} counted differently from pure Python")
    # Round after round, every variant once per round: a burst of load from another
    # process on a shared machine then slows one run of each, not all runs of one.
    best = [float("inf")] * len(variants)
    for _ in range(repeats):
        for i, (_, function) in enumerate(variants):
            seconds, _ = best_of(1, function)
            best[i] = min(best[i], seconds)
    results = [{"name": name, "seconds": seconds} for (name, _), seconds in zip(variants, best)]
    print(json.dumps({
        "documents": documents,
        "words": documents * words,
        "distinct": len(expected),
        "megabytes": sum(len(t) for t in texts) / 1e6,
        "threads": threads,
        "repeats": repeats,
        "python": sys.version.split()[0],
        "load": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "results": results,
    }))


main()
