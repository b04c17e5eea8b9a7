"""Percentiles that no single contributor's value can be read from, rounded for display.

The Harrell-Davis estimator is a weighted average of all the sorted values, with weights
from the Beta(p(n+1), (1-p)(n+1)) distribution (Harrell and Davis, 1982). The usual
estimators pick a value: with five contributors the median *is* the third person's
figure, and the quartiles the second's and fourth's. Here every published number blends
everyone's, so a contributor who knows her own value and sees the figures still cannot
read another person's off them.
"""

import math
from decimal import ROUND_HALF_UP, Decimal

# Simpson's rule steps per order statistic: far finer than the rounding shown.
_STEPS = 64


def _beta_density(x: float, a: float, b: float) -> float:
    if x <= 0.0 or x >= 1.0:
        return 0.0
    return math.exp((a - 1) * math.log(x) + (b - 1) * math.log1p(-x))


def _integral(lo: float, hi: float, a: float, b: float) -> float:
    width = (hi - lo) / _STEPS
    total = _beta_density(lo, a, b) + _beta_density(hi, a, b)
    for step in range(1, _STEPS):
        total += (4 if step % 2 else 2) * _beta_density(lo + step * width, a, b)
    return total * width / 3


def harrell_davis_weights(n: int, p: float) -> list[float]:
    """The weight of each of n sorted values in the p-th percentile (they sum to 1)."""
    a, b = p * (n + 1), (1 - p) * (n + 1)
    raw = [_integral(i / n, (i + 1) / n, a, b) for i in range(n)]
    total = sum(raw)
    return [w / total for w in raw]


def percentile(values: list[Decimal], p: float) -> float:
    ordered = sorted(float(v) for v in values)
    return sum(w * v for w, v in zip(harrell_davis_weights(len(ordered), p), ordered, strict=True))


def rounded(amount: float) -> Decimal:
    """Two significant figures (650, 1,200, 12,000): a published figure says how much,
    roughly, and its last digits cannot carry one booking's change from day to day."""
    if amount < 1:
        return Decimal(0)
    digits = math.floor(math.log10(amount)) + 1
    step = Decimal(10) ** max(digits - 2, 0)
    return (Decimal(str(amount)) / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step
