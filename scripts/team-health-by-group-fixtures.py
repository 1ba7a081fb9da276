#!/usr/bin/env python3
"""
Experience by group (decision 126) as scipy computes it, on generated stores of answers by group with
a fixed seed: each group's answers released in whole batches of its floor, each item up to its first
batch too alike (removing some one answer leaves fewer than two values); each shown group's items
against the rest of its dimension's shown groups pooled, by Welch's t (scipy.stats.ttest_ind with
equal_var=False, its p-value and 95% interval) on the scored answers (items 1, 3 and 5 turned round);
the scale's score against the rest's by the conservative t of decision 099 (the items' standard errors
averaged, the fewer answers less one, scipy.stats.t); and Holm's adjusted p-values over every
comparison of an organisation. Writes test/fixtures/team-health-by-group-scipy.json, which
test/unit/team-health/by-group.test.ts compares the app's figures with; CI has no scipy, so the JSON
is the record. Run from the repository's root: python3 scripts/team-health-by-group-fixtures.py
"""

import json
import math
import random
from collections import Counter
from pathlib import Path

import numpy
import scipy
from scipy import stats

SEED = 20261129
random.seed(SEED)

ITEMS = [
    "mistakesHeldAgainst",
    "raiseProblems",
    "rejectDifferent",
    "safeToRisk",
    "hardToAskHelp",
    "noUndermining",
    "skillsValued",
]
REVERSED = {"mistakesHeldAgainst", "rejectDifferent", "hardToAskHelp"}
DIMENSIONS = {"track": ["design", "engineering"], "level": ["junior", "mid", "senior"]}


def scored(item, value):
    return 8 - value if item in REVERSED else value


def too_alike(values):
    counts = Counter(values)
    if len(counts) >= 3:
        return False
    if len(counts) <= 1:
        return True
    return any(count == 1 for count in counts.values())


def store(floor):
    # Some groups lean safer than others; a few answers skip an item; the last batch may be partial.
    lean = random.choice([3, 4, 5, 6])
    answers = []
    for place in range(random.randint(2, 13)):
        values = {}
        for item in ITEMS:
            if random.random() < 0.02:
                continue
            value = random.randint(max(1, lean - 3), min(7, lean + 3))
            values[item] = 8 - value if item in REVERSED else value
        answers.append({"batch": place // floor, "values": values})
    return answers


def release(answers, floor):
    batches = len(answers) // floor
    items = {}
    for item in ITEMS:
        by_batch = [[] for _ in range(batches)]
        for answer in answers:
            if answer["batch"] < batches and item in answer["values"]:
                by_batch[answer["batch"]].append(answer["values"][item])
        shown = next((index for index, batch in enumerate(by_batch) if too_alike(batch)), batches)
        items[item] = {"values": [v for batch in by_batch[:shown] for v in batch], "batches": shown}
    return batches, items


def score(values_of):
    # values_of: item -> answers as answered; None unless every item has two answers or more.
    figures = []
    for item in ITEMS:
        xs = [scored(item, v) for v in values_of[item]]
        if len(xs) < 2:
            return None
        figures.append((numpy.mean(xs), numpy.std(xs, ddof=1) / math.sqrt(len(xs)), len(xs)))
    return {
        "estimate": float(numpy.mean([f[0] for f in figures])),
        "se": float(numpy.mean([f[1] for f in figures])),
        "df": min(f[2] for f in figures) - 1,
    }


def organisation():
    floor = 4
    stores = []
    for dimension, groups in DIMENSIONS.items():
        for group in groups:
            stores.append(
                {"dimension": dimension, "group": group, "floor": floor, "answers": store(floor)}
            )
    expected = {}
    family = []
    for dimension in DIMENSIONS:
        released = {}
        for entry in stores:
            if entry["dimension"] != dimension:
                continue
            batches, items = release(entry["answers"], entry["floor"])
            if batches == 0:
                continue
            whole = all(items[item]["batches"] == batches for item in ITEMS)
            values_of = {item: items[item]["values"] for item in ITEMS}
            released[entry["group"]] = {
                "items": items,
                "score": score(values_of) if whole else None,
                "answers": batches * entry["floor"],
            }
        for group, mine in released.items():
            others = [other for name, other in released.items() if name != group]
            result = {"answers": mine["answers"], "items": {}, "score": None}
            for item in ITEMS:
                xs = [scored(item, v) for v in mine["items"][item]["values"]]
                ys = [scored(item, v) for o in others for v in o["items"][item]["values"]]
                mean = float(numpy.mean(xs)) if xs else None
                row = {"mean": mean, "difference": None}
                if len(xs) >= 2 and len(ys) >= 2:
                    test = stats.ttest_ind(xs, ys, equal_var=False)
                    assert not math.isnan(test.pvalue)
                    low, high = test.confidence_interval(0.95)
                    row["difference"] = {
                        "estimate": float(numpy.mean(xs) - numpy.mean(ys)),
                        "interval": [float(low), float(high)],
                        "pValue": float(test.pvalue),
                    }
                    family.append(row["difference"])
                result["items"][item] = row
            scored_others = [o for o in others if o["score"] is not None]
            rest = (
                score({item: [v for o in scored_others for v in o["items"][item]["values"]] for item in ITEMS})
                if scored_others
                else None
            )
            if mine["score"]:
                result["score"] = {"estimate": mine["score"]["estimate"], "difference": None}
                if rest:
                    a, b = mine["score"], rest
                    estimate = a["estimate"] - b["estimate"]
                    df = min(a["df"], b["df"])
                    se = math.hypot(a["se"], b["se"])
                    half = stats.t.ppf(0.975, df) * se
                    difference = {
                        "estimate": estimate,
                        "interval": [estimate - half, estimate + half],
                        "pValue": float(2 * stats.t.sf(abs(estimate) / se, df)),
                    }
                    result["score"]["difference"] = difference
                    family.append(difference)
            expected[f"{dimension}:{group}"] = result
    # Holm over every comparison of the organisation.
    order = sorted(range(len(family)), key=lambda index: family[index]["pValue"])
    largest = 0.0
    for rank, index in enumerate(order):
        largest = max(largest, min(1.0, family[index]["pValue"] * (len(family) - rank)))
        family[index]["adjustedP"] = largest
    return {"stores": stores, "comparisons": len(family), "groups": expected}


cases = [organisation() for _ in range(12)]
out = {
    "scipy": scipy.__version__,
    "numpy": numpy.__version__,
    "seed": SEED,
    "cases": cases,
}
path = Path("test/fixtures/team-health-by-group-scipy.json")
path.write_text(json.dumps(out) + "\n")
print(f"wrote {path}: {len(cases)} organisations, {sum(c['comparisons'] for c in cases)} comparisons")
