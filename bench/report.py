"""The "At 10,000 consultants" section of docs/performance.md, from make_bench.py's figures."""

import re
import statistics
import subprocess
from pathlib import Path

SIGNED_IN = "dashboard (organization member, signed in)"
CONSTANT = "constant 20 KB view"
START = "<!-- make bench: start -->"
END = "<!-- make bench: end -->"


def _median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def _ms(value) -> str:
    return "" if value is None else f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def load_rows(probes, runs) -> list[str]:
    constant = runs.get(CONSTANT, [])
    rows = []
    for name, probe in probes.items():
        if probe.get("status") != 200:
            answer = (
                f"no answer within 35 s ({probe.get('error', '')})"
                if probe.get("status") is None
                else f"answers {probe['status']} after {probe['s']:.1f} s"
            )
            rows.append(f"| {name} | {answer} | | | | |")
            continue
        mine = runs[name]
        ratios = [
            page["rps"] / base["rps"]
            for page, base in zip(mine, constant, strict=False)
            if base["rps"]
        ]
        errors = sum(r["non2xx"] for r in mine)
        sockets = "; ".join(sorted({r["socket"] for r in mine if r["socket"]}))
        note = ", ".join(
            part
            for part in (f"{errors} non-2xx" if errors else "", sockets and f"socket: {sockets}")
            if part
        )
        p50, p99 = (_ms(_median([r[key] for r in mine])) for key in ("p50", "p99"))
        rows.append(
            f"| {name} | {_median([r['rps'] for r in mine]):.1f} | {p50} | {p99} "
            f"| {_median(ratios):.3f} | "
            f"{probe['bytes'] / 1024:.0f} KB{'; ' + note if note else ''} |"
        )
    return rows


def inprocess_rows(inprocess) -> list[str]:
    small, full = sorted(inprocess)
    rows = []
    for name, at_full in inprocess[full].items():
        at_small = inprocess[small].get(name, {})

        def cell(result):
            if result.get("error"):
                return f"error: {result['error']}", ""
            return str(result["queries"]), _ms(result["ms"])

        q_small, ms_small = cell(at_small) if at_small else ("", "")
        q_full, ms_full = cell(at_full)
        rows.append(f"| {name} | {q_small} | {q_full} | {ms_small} | {ms_full} |")
    return rows, small, full


def commit() -> str:
    """The code measured: the checkout's commit, and whether it had changes."""
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain"], capture_output=True, text=True)
    return head + (" with uncommitted changes" if dirty.stdout.strip() else "")


def section(*, when, machine, command, args, probes, runs, killed, inprocess, matching,
            images, minutes) -> str:  # fmt: skip
    rows, small, full = inprocess_rows(inprocess)
    lines = [
        START,
        f"## At {args.consultants:,} consultants (`make bench`)",
        "",
        f"Measured {when} on {machine}, code at {commit()}, with:",
        "",
        f"    {command}",
        "",
        f"{args.consultants:,} consultants ({args.consultants * 5:,} posts, "
        f"{args.consultants // 5:,} videos, {args.consultants // 5:,} organizations, "
        f"{args.consultants * 2:,} bookings; bench/generate.py) in PostgreSQL, Redis as the "
        "cache, gunicorn with 2 sync workers and production settings (DEBUG off, WhiteNoise). "
        f"Each page and a constant 20 KB Django view (same middleware, no query) were loaded "
        f"with `wrk -t2 -c16 -d{args.seconds}s` in {args.rounds} interleaved rounds; figures "
        "are medians over the rounds, and the ratio is the page's req/s over the constant "
        "view's in the same round. The machine is shared: compare ratios, not req/s, "
        f"between runs. The whole run took {minutes:.0f} minutes.",
        "",
        "| page | req/s | p50 ms | p99 ms | ratio to constant | size; errors |",
        "| --- | --- | --- | --- | --- | --- |",
        *load_rows(probes, runs),
        "",
    ]
    if killed:
        lines += [f"Gunicorn killed {killed} worker(s) at its 30 s timeout during the run.", ""]
    lines += [
        f"In-process (Django's test client, `CaptureQueriesContext`, median of {args.runs} "
        "renders; the sitemap once), the same pages at "
        f"{small:,} and {full:,} consultants:",
        "",
        f"| page | queries at {small:,} | queries at {full:,} | ms at {small:,} | ms at {full:,} |",
        "| --- | --- | --- | --- | --- |",
        *rows,
        "",
        f"Matching (`networking.matching.rank()`, bench/pages.py reusing bench/matching.py's "
        f"opportunity) against {matching['consultants']:,} consultants: "
        f"{matching['candidates']:,} candidates ranked in {matching['median_s']:.3f} s "
        f"(median of 5), {matching['queries']} queries.",
        "",
        "Image pipeline (`bench/image_scrub.py 3`, in the same run):",
        "",
        *[f"    {line}" for line in images.strip().splitlines()],
        END,
    ]
    return "\n".join(lines) + "\n"


def write(path: Path, text: str) -> None:
    """Replace the section between the markers, or add it after the title's paragraph."""
    doc = path.read_text()
    if START in doc:
        doc = re.sub(
            re.escape(START) + r".*?" + re.escape(END) + r"\n", lambda m: text, doc, flags=re.S
        )
    else:
        head, _, rest = doc.partition("\n## ")
        doc = f"{head}\n{text}\n## {rest}"
    path.write_text(doc)
