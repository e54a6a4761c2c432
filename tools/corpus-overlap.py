#!/usr/bin/env python3
"""Checks that no training text repeats or nearly repeats an evaluation text (data/corpus/README.md).

usage: python3 tools/corpus-overlap.py ../shared/data/eval data/corpus/*.jsonl

Each near or equal corpus text is named by its file and line (the corpus side only), so it can be dropped.

Texts are compared lower-cased, with ё folded to е and spaces collapsed: exactly (SHA-256) and nearly (Jaccard
similarity of their character 5-gram sets at least 0.5). Prints counts and similarity scores only, never a text,
so running it does not put evaluation text in front of the person writing the corpus.
"""
import csv, glob, hashlib, json, os, re, sys
from collections import defaultdict


def norm(text):
    return re.sub(r"\s+", " ", text.lower().replace("ё", "е")).strip()


def grams(text):
    return {text[i:i + 5] for i in range(max(1, len(text) - 4))}


evaluation = []
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.csv"))):
    with open(path, encoding="utf-8") as handle:
        evaluation.extend(norm(row["text"]) for row in csv.DictReader(handle))
hashes = {hashlib.sha256(t.encode()).hexdigest() for t in evaluation}
evaluation_grams = [grams(t) for t in evaluation]
index = defaultdict(list)
for k, g in enumerate(evaluation_grams):
    for gram in g:
        index[gram].append(k)

total = exact = near = 0
scores = []
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            text = norm(json.loads(line)["text"])
            total += 1
            if hashlib.sha256(text.encode()).hexdigest() in hashes:
                exact += 1
                scores.append((1.0, f"{os.path.basename(path)}:{number}"))
                continue
            g = grams(text)
            if len(g) < 8:
                continue
            shared = defaultdict(int)
            for gram in g:
                # grams common to thousands of texts say nothing about copying and cost the most
                candidates = index.get(gram)
                if candidates and len(candidates) < 2000:
                    for k in candidates:
                        shared[k] += 1
            best = max((c / (len(g) + len(evaluation_grams[k]) - c) for k, c in shared.items()), default=0)
            if best >= 0.5:
                near += 1
                scores.append((round(best, 2), f"{os.path.basename(path)}:{number}"))

print(f"{total} corpus texts against {len(evaluation)} evaluation texts: {exact} equal, {near} near (character 5-gram Jaccard >= 0.5)")
for score in sorted(scores, reverse=True):
    print(score)
