#!/usr/bin/env python3
"""The expected numbers of `prize agreement`, from an implementation that is not prize's.

Each tests/fixtures/trust/<name>.json (other than expected.json) holds a reliability matrix,
`data`: one row per judge (coder), one column per application (unit), a number or null; and
optionally `tracks`, the track of each column. tests/trust_agreement.rs builds an archive whose
totals are exactly these numbers (one criterion on 0-100 of weight 1) and compares prize's
output with what this script computes:

  - alpha_interval, alpha_ordinal: krippendorff.alpha(data, level_of_measurement=...) of the
    PyPI `krippendorff` package, for all columns and for the columns of each track;
  - pairable: the number of values in columns with at least 2 values;
  - judges_per_application: the mean number of values of the columns with at least
    `min_judges` values (the ranked applications; min_judges is 1 in the fixture archive);
  - panel_reliability: k*a/(1 + (k - 1)*a) with a the interval alpha;
  - disagreements: the 10 columns with the largest population standard deviation (numpy.std),
    equal ones by id, with min, max and the number of values.

Usage (needs `pip install krippendorff scipy`; the Rust tests do not need Python):

  python3 tests/reference/reference.py > tests/fixtures/trust/expected.json
  python3 tests/reference/reference.py generate   # rewrites the random fixtures (seeded)
"""

import json
import math
import random
import sys
from pathlib import Path

import krippendorff
import numpy as np

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "trust"
MIN_JUDGES = 1


def unit_id(i):
    return f"A{i + 1:03d}"


def scope(data, columns):
    matrix = np.array([[np.nan if row[c] is None else row[c] for c in columns] for row in data], dtype=float)
    counts = [int((~np.isnan(matrix[:, i])).sum()) for i in range(len(columns))]
    pairable = sum(n for n in counts if n >= 2)
    out = {"pairable": pairable}
    try:
        a_int = float(krippendorff.alpha(matrix, level_of_measurement="interval"))
        a_ord = float(krippendorff.alpha(matrix, level_of_measurement="ordinal"))
    except ValueError:
        a_int = a_ord = float("nan")
    out["alpha_interval"] = None if math.isnan(a_int) else a_int
    out["alpha_ordinal"] = None if math.isnan(a_ord) else a_ord
    ranked = [i for i, n in enumerate(counts) if n >= MIN_JUDGES]
    k = sum(counts[i] for i in ranked) / len(ranked) if ranked else None
    out["judges_per_application"] = k
    a = out["alpha_interval"]
    out["panel_reliability"] = None if a is None or k is None else k * a / (1 + (k - 1) * a)
    rows = []
    for i in ranked:
        v = matrix[:, i][~np.isnan(matrix[:, i])]
        rows.append(
            {
                "id": unit_id(columns[i]),
                "sd": float(np.std(v)),
                "min": float(v.min()),
                "max": float(v.max()),
                "judges": int(len(v)),
            }
        )
    rows.sort(key=lambda r: (-round(r["sd"], 9), r["id"]))
    out["disagreements"] = rows[:10]
    return out


def expected():
    result = {}
    for path in sorted(FIXTURES.glob("*.json")):
        if path.name == "expected.json":
            continue
        fixture = json.loads(path.read_text())
        data = fixture["data"]
        units = len(data[0])
        tracks = fixture.get("tracks") or ["projects"] * units
        entry = {"overall": scope(data, list(range(units))), "tracks": {}}
        for track in sorted(set(tracks)):
            entry["tracks"][track] = scope(data, [i for i in range(units) if tracks[i] == track])
        result[path.stem] = entry
    return result


def random_matrix(rng, judges, units, missing, draw):
    """Judge j's value for unit u is draw(quality of u, leniency of j), or None."""
    quality = [rng.uniform(20, 90) for _ in range(units)]
    leniency = [rng.gauss(0, 8) for _ in range(judges)]
    return [[None if rng.random() < missing else draw(quality[u], leniency[j]) for u in range(units)] for j in range(judges)]


def clamp(x):
    return min(100.0, max(0.0, x))


def levels(x):
    """The nearest of five levels: many ties."""
    return min([20, 40, 50, 60, 80], key=lambda level: abs(level - x))


def write(name, fixture):
    """One matrix row per line, so that a fixture reads as a table."""
    rows = ",\n".join("  " + json.dumps(row) for row in fixture["data"])
    head = {k: v for k, v in fixture.items() if k != "data"}
    text = json.dumps(head, indent=1)[:-2] + ',\n "data": [\n' + rows + "\n ]\n}\n"
    json.loads(text)
    (FIXTURES / f"{name}.json").write_text(text)


def generate():
    rng = random.Random(20261201)
    fixtures = {
        "random-decimals": {
            "description": "6 judges x 30 applications, one decimal on 0-100, about 35% missing, two tracks",
            "data": random_matrix(rng, 6, 30, 0.35, lambda q, b: round(clamp(q + b + rng.gauss(0, 12)), 1)),
            "tracks": [rng.choice(["projects", "leadership"]) for _ in range(30)],
        },
        "random-ties": {
            "description": "5 judges x 25 applications, values from 5 levels (many ties), about 30% missing",
            "data": random_matrix(rng, 5, 25, 0.30, lambda q, b: levels(q + b + rng.gauss(0, 10))),
        },
        "random-sparse": {
            "description": "3 judges x 40 applications, two decimals, about 50% missing (many single totals)",
            "data": random_matrix(rng, 3, 40, 0.5, lambda q, b: round(clamp(q + b + rng.gauss(0, 15)), 2)),
        },
    }
    for name, fixture in fixtures.items():
        write(name, fixture)


if __name__ == "__main__":
    if sys.argv[1:] == ["generate"]:
        generate()
    else:
        json.dump(expected(), sys.stdout, indent=1)
        print()
