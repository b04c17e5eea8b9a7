"""Where an uncached page's time goes: in-process renders and profiles of `make bench`'s pages.

    python bench/profile_render.py times [RUNS [NAME ...]]  # queries, median ms and CPU ms per page
    python bench/profile_render.py times-nothing-kept [RUNS [NAME ...]]  # the same, no card,
                                                     # form or count kept (each render reads them)
    python bench/profile_render.py profile NAME [RUNS]   # pyinstrument's tree for one page
    python bench/profile_render.py cumulative NAME [RUNS]  # cProfile, by cumulative time
    python bench/profile_render.py tottime NAME [RUNS]  # cProfile, by each function's own time
    python bench/profile_render.py sql NAME              # the queries one render makes
    python bench/profile_render.py explain NAME [signed-in]  # EXPLAIN ANALYZE of each, nothing kept

Run with the bench's environment (bench/environment.py, or any database bench/generate.py
filled). Pages are the ones bench/pages.py names, or any path (NAME starting with "/",
such as "/speakers/?topic=bench-topic-01"), and are fetched as bench/pages.py fetches them: a
visitor's page without cookies and with the page cache off, the dashboard signed in. The
constant 20 KB view (bench/urls.py) is timed the same way, as a visitor and signed in, so
that each page can be read as a ratio to it in the same run. pyinstrument is a development
tool (`pip install pyinstrument`), imported only by `profile`.
"""

import cProfile
import pstats
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from bench import pages

CONSTANT = "constant 20 KB view"
CONSTANT_SIGNED_IN = "constant 20 KB view, signed in"


def addresses() -> tuple[dict[str, str], str]:
    found = pages.targets()
    paths = {CONSTANT: "/bench/constant/", CONSTANT_SIGNED_IN: "/bench/constant/"}
    paths.update((name, path) for name, path in found["paths"].items() if path != "/sitemap.xml")
    return paths, found["cookie"]


def cookie_for(name: str, cookie: str) -> str:
    return cookie if name in (pages.SIGNED_IN, CONSTANT_SIGNED_IN) else ""


def times(runs: int, names: list[str], *, keep: bool = True) -> None:
    if not keep:
        with override_settings(PODIUM_CARD_CACHE_SECONDS=0):
            return times(runs, names)
    paths, cookie = addresses()
    if names:
        paths = {name: paths.get(name, name) for name in names}
    print(
        f"{'page':<44} {'status':>6} {'queries':>7} {'median ms':>9} {'min ms':>7}"
        f" {'of it SQL ms':>12} {'CPU ms':>7}"
    )
    for name, path in paths.items():
        pages.get(path, cookie_for(name, cookie))  # templates compiled, caches warm
        elapsed, waited, cpu = [], [], []
        for _ in range(runs):
            with CaptureQueriesContext(connection) as queries:
                began, began_cpu = time.perf_counter(), time.process_time()
                response = pages.get(path, cookie_for(name, cookie))
                elapsed.append((time.perf_counter() - began) * 1000)
                # This process's own CPU (not PostgreSQL's, not the waits): what other
                # processes on a loaded machine change least.
                cpu.append((time.process_time() - began_cpu) * 1000)
            # The time each query took to answer (the database's work and the round trip).
            waited.append(sum(float(q["time"]) for q in queries.captured_queries) * 1000)
        print(
            f"{name:<44} {response.status_code:>6} {len(queries):>7} "
            f"{statistics.median(elapsed):>9.1f} {min(elapsed):>7.1f}"
            f" {statistics.median(waited):>12.1f} {statistics.median(cpu):>7.1f}"
        )


def profile(name: str, runs: int) -> None:
    # Imported here: a development tool, needed only by this command.
    from pyinstrument import Profiler
    from pyinstrument.renderers import ConsoleRenderer

    paths, cookie = addresses()
    path, cookie = paths.get(name, name), cookie_for(name, cookie)
    pages.get(path, cookie)
    profiler = Profiler(interval=0.0005)
    with profiler:
        for _ in range(runs):
            pages.get(path, cookie)
    # Django's and Wagtail's frames are shown only where they enter the project's code
    # or a template tag, so that the tree reads as the page's own steps.
    renderer = ConsoleRenderer(
        unicode=True,
        color=False,
        processor_options={
            "hide_regex": r".*/site-packages/(?!django/template/(loader_tags|defaulttags)).*",
            "show_regex": r".*/(wagtail|django)/.*(templatetags|forms/renderers).*",
            "filter_threshold": 0.01,
        },
    )
    print(profiler.output(renderer))


def functions(name: str, runs: int, sort: str) -> None:
    """cProfile's functions for one page, by cumulative or own time."""
    paths, cookie = addresses()
    path, cookie = paths.get(name, name), cookie_for(name, cookie)
    pages.get(path, cookie)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(runs):
        pages.get(path, cookie)
    profiler.disable()
    pstats.Stats(profiler).sort_stats(sort).print_stats(60)


def sql(name: str) -> None:
    paths, cookie = addresses()
    path, cookie = paths.get(name, name), cookie_for(name, cookie)
    pages.get(path, cookie)
    with CaptureQueriesContext(connection) as queries:
        pages.get(path, cookie)
    for number, query in enumerate(queries.captured_queries, 1):
        # The column lists say little; what is read, from where and why does.
        text = re.sub(r"^SELECT .+? FROM ", "SELECT … FROM ", query["sql"], count=1)
        print(f"{number:>3} {query['time']:>6}s {text[:600]}")


def explain(name: str, signed_in: bool) -> None:
    """Each query of one render with nothing kept (no page, card, form or count), as
    PostgreSQL ran it: `EXPLAIN (ANALYZE, BUFFERS)`, its time, and the rows it read. A
    listing's queries are what grows with the data; the page's own CPU is `times`'s."""
    paths, cookie = addresses()
    path, cookie = paths.get(name, name), cookie if signed_in else cookie_for(name, cookie)
    with override_settings(PODIUM_CARD_CACHE_SECONDS=0):
        pages.get(path, cookie)
        with CaptureQueriesContext(connection) as queries:
            pages.get(path, cookie)
    with connection.cursor() as cursor:
        for number, query in enumerate(queries.captured_queries, 1):
            if not query["sql"].startswith("SELECT"):
                continue
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
            plan = [row[0] for row in cursor.fetchall()]
            took = next(line for line in reversed(plan) if line.startswith("Execution Time"))
            text = re.sub(r"^SELECT .+? FROM ", "SELECT … FROM ", query["sql"], count=1)
            print(f"{number:>3} {took}  {text[:300]}")
            print("\n".join(f"      {line}" for line in plan))


if __name__ == "__main__":
    command = sys.argv[1]
    if command in ("times", "times-nothing-kept"):
        runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
        times(runs, sys.argv[3:], keep=command == "times")
    elif command == "profile":
        profile(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 20)
    elif command in ("cumulative", "tottime"):
        functions(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 20, command)
    elif command == "explain":
        explain(sys.argv[2], signed_in=sys.argv[3:] == ["signed-in"])
    else:
        sql(sys.argv[2])
