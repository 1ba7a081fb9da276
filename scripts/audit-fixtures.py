#!/usr/bin/env python3
"""
The access audit's figures as scipy computes them, on generated count tables with a fixed seed:
Wilson's interval of a rate, Katz's interval of a ratio of two rates, Fisher's exact test (two-sided)
and the p-values adjusted by Benjamini-Hochberg (scipy's false_discovery_control) and by Holm
(computed here from scipy's p-values). Writes test/fixtures/audit-scipy.json, which
test/unit/equity/audit-scipy.test.ts compares the app's figures with; CI has no scipy, so the
JSON is the record. Run from the repository's root: python3 scripts/audit-fixtures.py
"""

import json
import math
import random
from pathlib import Path

import scipy
from scipy.stats import binomtest, false_discovery_control, fisher_exact
from scipy.stats.contingency import relative_risk

SEED = 20261127
random.seed(SEED)


def finite(value):
    return None if value is None or not math.isfinite(value) else float(value)


def holm(pvalues):
    order = sorted(range(len(pvalues)), key=lambda index: pvalues[index])
    adjusted = [0.0] * len(pvalues)
    largest = 0.0
    for rank, index in enumerate(order):
        largest = max(largest, min(1.0, pvalues[index] * (len(pvalues) - rank)))
        adjusted[index] = largest
    return adjusted


def group():
    # Mostly small groups, as teams and levels are, some large; every rate from none to all.
    n = random.choice([random.randint(1, 12), random.randint(1, 40), random.randint(40, 400)])
    rate = random.choice([0.0, 1.0, random.random(), random.random() * 0.3])
    successes = min(n, max(0, round(n * rate + random.uniform(-1.5, 1.5))))
    return successes, n


wilson = []
for _ in range(300):
    k, n = group()
    ci = binomtest(k, n).proportion_ci(method="wilson")
    wilson.append({"successes": k, "n": n, "lower": float(ci.low), "upper": float(ci.high)})

tables = []
# Tables whose two tails tie in exact arithmetic (a group and its mirror), where the tolerance matters.
for a, b in [(3, 5), (5, 3), (2, 2), (4, 4), (10, 10), (1, 7), (6, 6)]:
    tables.append([a, b, b, a])
tables += [[0, 5, 5, 0], [0, 0, 3, 4], [3, 0, 4, 0], [7, 3, 7, 3], [1, 0, 0, 1], [0, 1, 1, 0], [30, 170, 60, 140], [1, 99, 12, 88]]
while len(tables) < 300:
    (a, n1), (c, n2) = group(), group()
    tables.append([a, n1 - a, c, n2 - c])

fisher = []
for a, b, c, d in tables:
    result = fisher_exact([[a, b], [c, d]], alternative="two-sided")
    fisher.append({"table": [a, b, c, d], "pValue": float(result.pvalue)})

ratios = []
for a, b, c, d in tables:
    # Katz's interval needs a success in both groups (scipy gives none otherwise; the app's own rule for none is tested apart).
    if a == 0 or c == 0:
        continue
    result = relative_risk(a, a + b, c, c + d)
    ci = result.confidence_interval(confidence_level=0.95)
    ratios.append({"group": {"successes": a, "n": a + b}, "reference": {"successes": c, "n": c + d}, "estimate": float(result.relative_risk), "lower": float(ci.low), "upper": float(ci.high)})

families = []
pvalues = [entry["pValue"] for entry in fisher]
start = 0
while start < len(pvalues):
    size = random.randint(1, 30)
    family = pvalues[start : start + size]
    start += size
    families.append({"pValues": family, "benjaminiHochberg": [float(p) for p in false_discovery_control(family)], "holm": holm(family)})

out = Path(__file__).resolve().parent.parent / "test" / "fixtures" / "audit-scipy.json"
out.write_text(json.dumps({"scipy": scipy.__version__, "seed": SEED, "wilson": wilson, "fisher": fisher, "ratios": ratios, "families": families}, indent=1) + "\n")
print(f"wrote {out}: {len(wilson)} intervals, {len(fisher)} tables, {len(ratios)} ratios, {len(families)} families (scipy {scipy.__version__})")
