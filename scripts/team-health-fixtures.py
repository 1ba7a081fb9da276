#!/usr/bin/env python3
"""
Team health's figures as scipy and numpy compute them, on generated answers with a fixed seed: each
item's distribution, mean as answered and as scored (items 1, 3 and 5 of Edmondson's scale turned
round), Student's t interval of the scored mean (scipy.stats.t.interval with scipy.stats.sem), the
scale's score with its conservative interval (the mean of the seven items' standard errors, t with
the fewest answers less one, decision 099), the change between two check-ins (t with the fewer
degrees of freedom, the standard errors combined) and Cronbach's alpha over complete answers
(sample variances). Writes test/fixtures/team-health-scipy.json, which
test/unit/team-health/figures-scipy.test.ts compares the app's figures with; CI has no scipy, so
the JSON is the record. Run from the repository's root: python3 scripts/team-health-fixtures.py
"""

import json
import math
import random
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


def scored(item, value):
    return 8 - value if item in REVERSED else value


def answers():
    # A team of 3 to 30 answers; each person leans safe or unsafe, answers vary around that, and
    # some skip an item. Now and then every answer to an item is the same (no spread).
    people = random.randint(3, 30)
    rows = []
    for _ in range(people):
        lean = random.choice([2, 4, 5, 6])
        row = {}
        for item in ITEMS:
            if random.random() < 0.08:
                continue
            value = min(7, max(1, round(random.gauss(lean, 1.2))))
            row[item] = 8 - value if item in REVERSED else value
        rows.append(row)
    if random.random() < 0.1:
        item = random.choice(ITEMS)
        for row in rows:
            row[item] = 4
    return rows


def item_figures(item, values):
    if not values:
        return None
    scored_values = [scored(item, value) for value in values]
    n = len(values)
    figures = {
        "item": item,
        "n": n,
        "distribution": [values.count(point) for point in range(1, 8)],
        "mean": float(numpy.mean(values)),
        "scoredMean": float(numpy.mean(scored_values)),
        "interval": None,
        "se": None,
    }
    if n > 1:
        se = float(stats.sem(scored_values))
        figures["se"] = se
        if se > 0:
            low, high = stats.t.interval(0.95, n - 1, loc=numpy.mean(scored_values), scale=se)
        else:
            low = high = float(numpy.mean(scored_values))
        figures["interval"] = [float(low), float(high)]
    return figures


def score(items):
    if any(figures is None or figures["n"] < 2 for figures in items):
        return None
    estimate = float(numpy.mean([figures["scoredMean"] for figures in items]))
    se = float(numpy.mean([figures["se"] for figures in items]))
    df = min(figures["n"] for figures in items) - 1
    half = float(stats.t.ppf(0.975, df)) * se
    return {"estimate": estimate, "interval": [estimate - half, estimate + half], "se": se, "df": df}


def alpha(rows):
    complete = [[scored(item, row[item]) for item in ITEMS] for row in rows if len(row) == len(ITEMS)]
    if len(complete) < 2:
        return None
    matrix = numpy.array(complete, dtype=float)
    total = matrix.sum(axis=1).var(ddof=1)
    if total == 0:
        return None
    k = matrix.shape[1]
    return float(k / (k - 1) * (1 - matrix.var(axis=0, ddof=1).sum() / total))


def check_in(rows):
    items = [item_figures(item, [row[item] for row in rows if item in row]) for item in ITEMS]
    # Each answer as a list in ITEMS' order, as answered (null: skipped).
    answered = [[row.get(item) for item in ITEMS] for row in rows]
    return {"answers": answered, "items": items, "score": score(items), "alpha": alpha(rows)}


cases = []
for _ in range(40):
    before, now = check_in(answers()), check_in(answers())
    change = None
    if before["score"] and now["score"]:
        estimate = now["score"]["estimate"] - before["score"]["estimate"]
        df = min(now["score"]["df"], before["score"]["df"])
        half = float(stats.t.ppf(0.975, df)) * math.hypot(now["score"]["se"], before["score"]["se"])
        change = {"estimate": estimate, "interval": [estimate - half, estimate + half]}
    cases.append({"before": before, "now": now, "change": change})

path = Path("test/fixtures/team-health-scipy.json")
path.write_text(
    json.dumps({"scipy": scipy.__version__, "numpy": numpy.__version__, "seed": SEED, "cases": cases})
    + "\n"
)
print(f"{len(cases)} pairs of check-ins written to {path}")
