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


# The access audit's funnel of key results that matter (issue 82, point 7), on a generated population:
# each person's team, level and location and whether they own or contribute to such a key result, and
# the figures scipy gives for it (each group's rate with Wilson's interval, each group against the
# highest rate of its dimension with Katz's interval and Fisher's test, Holm over the audit's family,
# the four-fifths flag). Every group is at least the floor (4) and its count at least 4 from nobody
# and everyone, so the disclosure check shows each exactly; test/integration/access-audit/key-results.test.ts
# builds the population through the goals tables and compares the page's figures. Its own generator,
# so the fixture above stays as it was.
FLOOR = 4
people_rng = random.Random(SEED + 82)


def population():
    people = []
    for team, size, chance in [("Atlas", 26, 0.65), ("Borealis", 24, 0.25), ("Cygnus", 22, 0.45)]:
        for _ in range(size):
            people.append({"team": team, "level": people_rng.choice(["ic2", "ic3"]), "location": people_rng.choice(["Berlin", "Lisbon"]), "holds": people_rng.random() < chance})
    return people


DIMENSIONS = [("team", lambda p: p["team"]), ("track", lambda p: "ic"), ("level", lambda p: p["level"]), ("attribute:location", lambda p: p["location"])]


def shown_exactly(members):
    n, count = len(members), sum(1 for p in members if p["holds"])
    return n > FLOOR and FLOOR <= count <= n - FLOOR


while True:
    people = population()
    cells = [people] + [[p for p in people if of(p) == value] for _, of in DIMENSIONS for value in {of(p) for p in people}]
    if all(shown_exactly(cell) for cell in cells):
        break


def rate(members):
    n, k = len(members), sum(1 for p in members if p["holds"])
    ci = binomtest(k, n).proportion_ci(method="wilson")
    return {"n": n, "successes": k, "estimate": k / n, "lower": float(ci.low), "upper": float(ci.high)}


dimensions, family = [], []
for name, of in DIMENSIONS:
    groups = [{"value": value, **rate([p for p in people if of(p) == value])} for value in sorted({of(p) for p in people})]
    top = sorted(groups, key=lambda g: (-g["successes"] / g["n"], -g["n"], g["value"]))[0]
    for group in groups:
        group["highest"] = len(groups) > 1 and group is top
        group["impact"] = None
        if len(groups) < 2 or group is top:
            continue
        a, n1, c, n2 = group["successes"], group["n"], top["successes"], top["n"]
        rr = relative_risk(a, n1, c, n2)
        ci = rr.confidence_interval(confidence_level=0.95)
        p = float(fisher_exact([[a, n1 - a], [c, n2 - c]], alternative="two-sided").pvalue)
        group["impact"] = {"reference": top["value"], "estimate": float(rr.relative_risk), "lower": float(ci.low), "upper": float(ci.high), "pValue": p}
        family.append(group["impact"])
    dimensions.append({"id": name, "groups": groups})
for impact, adjusted in zip(family, holm([impact["pValue"] for impact in family])):
    impact["adjustedP"] = adjusted
    impact["flagged"] = impact["estimate"] < 0.8 and adjusted < 0.05 and impact["upper"] < 1

out = Path(__file__).resolve().parent.parent / "test" / "fixtures" / "access-audit-key-results-scipy.json"
out.write_text(json.dumps({"scipy": scipy.__version__, "seed": SEED + 82, "people": people, "total": rate(people), "dimensions": dimensions, "comparisons": len(family)}, indent=1) + "\n")
print(f"wrote {out}: {len(people)} people, {len(family)} comparisons, {sum(1 for i in family if i['flagged'])} flagged (scipy {scipy.__version__})")
