"""`make bench`: the site at 10,000 consultants, served as in production, against a constant page.

    .venv/bin/python bench/make_bench.py [--consultants 10000] [--small 200] [--seconds 10]
                                    [--rounds 3] [--runs 5] [--no-write] [--pages NAME ...]

Creates (or reuses) the PostgreSQL databases podium_bench and podium_bench_<small>,
migrates them, fills them with bench/generate.py (only what is missing), collects the
static files into a temporary folder, and starts gunicorn (2 sync workers, production
settings with DEBUG off, bench/settings.py) with Redis database 10 as the cache, emptied
first. Each page is fetched once (a page that does not answer in 35 s is reported so and
left out), then measured with `wrk -t2 -c16` in interleaved rounds together with a
constant 20 KB page served by the same Django; the ratio is each page's req/s over the
constant's in the same round (median of the rounds). Then queries and in-process render
time at both sizes (bench/pages.py), matching and the image pipeline. Writes the section
"At 10,000 consultants" of docs/performance.md.

`--pages dashboard` loads only the pages whose names contain one of the words given (here
the signed-in dashboard), beside the constant view, and prints the load table: no
in-process renders, matching or image pipeline, and docs/performance.md is left as it is.
"""

import argparse
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import report
from bench.demo_site import free_port
from bench.environment import CACHE_DB, POSTGRES, REDIS, bench_env, database_name

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
CONSTANT = "constant 20 KB view"
PROBE_TIMEOUT = 35  # gunicorn kills a worker after 30 s


def say(text: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {text}", flush=True)


def run(args, env, **kwargs):
    return subprocess.run(args, cwd=ROOT, env=env, check=True, **kwargs)


def prepare(consultants: int) -> dict[str, str]:
    """A migrated database holding `consultants` consultants; its environment."""
    name = database_name(consultants)
    env = {**os.environ, **bench_env(name)}
    server = subprocess.run(
        ["psql", POSTGRES + "/postgres", "-tAc", "SELECT datname FROM pg_database"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    if name not in server.stdout.split():
        run(["psql", POSTGRES + "/postgres", "-qc", f"CREATE DATABASE {name}"], env)
    say(f"{name}: migrating")
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    say(f"{name}: generating {consultants} consultants (only what is missing)")
    run([PYTHON, "bench/generate.py", "--consultants", str(consultants)], env)
    return env


def pages_json(env, *args) -> dict:
    out = run([PYTHON, "bench/pages.py", *args], env, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def probe(url: str, cookie: str) -> dict:
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    began = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=PROBE_TIMEOUT) as response:
            body = response.read()
            if response.url != url:  # a redirect (to the sign-in page) is no answer
                return {"status": 302, "bytes": 0, "s": 0, "error": response.url}
            return {"status": response.status, "bytes": len(body), "s": time.perf_counter() - began}
    except urllib.error.HTTPError as error:
        return {"status": error.code, "bytes": 0, "s": time.perf_counter() - began}
    except OSError as error:
        return {"status": None, "error": str(error)[:80], "s": time.perf_counter() - began}


def wait_healthy(base: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if probe(base + "/healthz", "").get("status") == 200:
            return
        time.sleep(1)
    sys.exit("the server did not recover")


WRK_LINE = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.M)
UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, cookie: str, seconds: int) -> dict:
    args = ["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency", "--timeout", "30s"]
    if cookie:
        args += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run([*args, url], capture_output=True, text=True).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    latency = {p: float(v) * UNIT[u] for p, v, u in WRK_LINE.findall(out)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sockets = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": float(rate.group(1)) if rate else 0.0,
        "p50": latency.get("50"),
        "p99": latency.get("99"),
        "non2xx": int(errors.group(1)) if errors else 0,
        "socket": sockets.group(1) if sockets else "",
    }


def serve(env, port: int, log):
    return subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "config.wsgi", "--workers", "2",
         "--bind", f"127.0.0.1:{port}", "--timeout", "30"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip


def load(env, args, targets) -> tuple[dict, dict]:
    """Probe each page once, then interleaved wrk rounds; returns probes and per-page runs."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    subprocess.run(
        ["redis-cli", "-u", f"{REDIS}/{CACHE_DB}", "flushdb"], check=True, capture_output=True
    )
    log_path = Path(env["BENCH_STATIC_ROOT"]) / "gunicorn.log"
    with log_path.open("w") as log:
        server = serve(env, port, log)
        try:
            wait_healthy(base)
            chosen = {
                name: path
                for name, path in targets["paths"].items()
                if not args.pages or any(word in name for word in args.pages)
            }
            pages = {CONSTANT: "/bench/constant/", **chosen}
            probes = {}
            for name, path in pages.items():
                cookie = targets["cookie"] if name == report.SIGNED_IN else ""
                probes[name] = probe(base + path, cookie)
                say(f"probe {name}: {probes[name]}")
                if probes[name].get("status") is None:
                    wait_healthy(base)
            measured = [n for n, p in probes.items() if p.get("status") == 200]
            runs = {name: [] for name in measured}
            for round_number in range(args.rounds):
                order = random.Random(round_number).sample(measured, len(measured))
                for name in order:
                    cookie = targets["cookie"] if name == report.SIGNED_IN else ""
                    runs[name].append(wrk(base + pages[name], cookie, args.seconds))
                    # The requests wrk left queued would otherwise be served during the
                    # next page's run: wait until the server answers at once again.
                    wait_healthy(base, seconds=600)
                say(f"round {round_number + 1} of {args.rounds} done")
        finally:
            server.terminate()
            server.wait(timeout=30)
    return probes, runs, log_path.read_text().count("WORKER TIMEOUT")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--consultants", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--runs", type=int, default=5, help="in-process renders per page")
    parser.add_argument("--no-write", action="store_true", help="print, do not edit docs")
    parser.add_argument(
        "--pages",
        nargs="+",
        metavar="WORD",
        help="load only pages whose names contain one of these words (and the constant "
        "view); print the load table only",
    )
    args = parser.parse_args()
    began = time.monotonic()
    static_root = tempfile.mkdtemp(prefix="podium-bench-static-")
    try:
        measure(args, began, static_root)
    finally:
        shutil.rmtree(static_root, ignore_errors=True)


def measure(args, began, static_root):
    # The small database serves only the in-process renders, which --pages leaves out.
    small_env = None if args.pages else {**prepare(args.small), "BENCH_STATIC_ROOT": static_root}
    env = {**prepare(args.consultants), "BENCH_STATIC_ROOT": static_root}
    say("collecting static files")
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    targets = pages_json(env, "targets")
    say("load: probing, then interleaved wrk rounds")
    probes, runs, killed = load(env, args, targets)
    if args.pages:
        print("\n".join(report.load_rows(probes, runs)))
        say(f"gunicorn killed {killed} worker(s) at its timeout" if killed else "done")
        return
    say("in-process renders")
    inprocess = {
        args.small: pages_json(small_env, "render", str(args.runs)),
        args.consultants: pages_json(env, "render", str(args.runs)),
    }
    say("matching")
    matching = pages_json(env, "matching", "5")
    say("image pipeline")
    images = subprocess.run(
        [PYTHON, "bench/image_scrub.py", "3"], cwd=ROOT, capture_output=True, text=True
    ).stdout
    command = "make bench" + (f" BENCH_ARGS='{' '.join(sys.argv[1:])}'" if sys.argv[1:] else "")
    machine = (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} cores "
        f"(nproc {len(os.sched_getaffinity(0))}), Python {platform.python_version()}"
    )
    text = report.section(
        when=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        machine=machine,
        command=command,
        args=args,
        probes=probes,
        runs=runs,
        killed=killed,
        inprocess=inprocess,
        matching=matching,
        images=images,
        minutes=(time.monotonic() - began) / 60,
    )
    print(text)
    if not args.no_write:
        report.write(ROOT / "docs" / "performance.md", text)
        say("written to docs/performance.md")


if __name__ == "__main__":
    main()
