"""Kendall's tau-b of a few small score lists with ties, by scipy, for tests/trust_compare.rs.

Run: python3 tests/reference/kendall.py (scipy 1.17.1 printed the values the test holds).
"""
from scipy.stats import kendalltau

CASES = [
    ([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]),
    ([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]),
    ([1, 1, 2, 2, 3, 3, 4], [1, 2, 1, 3, 3, 2, 4]),
    ([80, 80, 75, 70, 70, 60], [90, 85, 85, 70, 71, 60]),
    ([50, 50, 50, 40], [1, 2, 3, 4]),
]

for x, y in CASES:
    print(x, y, repr(float(kendalltau(x, y, variant="b").statistic)))
