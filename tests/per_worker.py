"""Redis databases of its own for each pytest-xdist worker.

Loaded as a plugin (`-p tests.per_worker` in pyproject.toml) so that it runs before
Django reads its settings. Worker gwN uses the broker and cache databases 2*N above the
ones CELERY_BROKER_URL and CACHE_URL name (gw0 as given, gw1 two above, ...): a cache
flush between one worker's tests never empties another's counters, and no worker takes
another's tasks. PostgreSQL needs nothing here: pytest-django gives each worker its own
test database (its name ends in _gw0, _gw1, ...).
"""

import os
import re

REDIS_URL = re.compile(r"(?P<server>rediss?://[^/?]+)(?:/(?P<db>\d*))?")


def shifted(url: str, by: int) -> str:
    """`url` with its Redis database number raised by `by`; other URLs (and Redis URLs
    with options) as they are: a worker then shares them."""
    match = REDIS_URL.fullmatch(url)
    if not match:
        return url
    return f"{match['server']}/{int(match['db'] or 0) + by}"


_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if _worker.startswith("gw"):
    for _name in ("CELERY_BROKER_URL", "CACHE_URL"):
        if os.environ.get(_name):
            os.environ[_name] = shifted(os.environ[_name], 2 * int(_worker[2:]))
