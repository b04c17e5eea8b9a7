"""Lighthouse (mobile) scores of the public pages, as production serves them.

    .venv/bin/python bench/lighthouse.py [--runs N] [--no-write]

Starts a throwaway demo site with DEBUG off under gunicorn (bench/demo_site.py), runs
Lighthouse 12 with Debian's Chromium on the home page, a profile, a blog post,
/speakers/ and /resources/, prints the four category scores and every audit that lost
points, and writes them to the "Lighthouse" section of docs/performance.md with the date,
the machine and the command. Full reports go to lighthouse/ (ignored by git).

Lighthouse is installed with npm into .tools/ (ignored) the first time. Performance
moves with the machine's load (the machine is shared): with --runs N each page is
measured N times and the median of each category is kept.
"""

import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.demo_site import ROOT, demo_site

TOOLS = ROOT / ".tools"
LIGHTHOUSE = TOOLS / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_VERSION = "12"
REPORTS = ROOT / "lighthouse"
DOC = ROOT / "docs" / "performance.md"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)
# The demo's own consultant and her first public post: the pages a newcomer opens first.
FIND_PAGES = """
from portfolio.models import BlogPostPage, SpeakerProfilePage
profile = SpeakerProfilePage.objects.get(consultant__email="consultant@example.org")
post = BlogPostPage.objects.live().child_of(profile).filter(visibility="public").first()
print(profile.url)
print(post.url)
"""


def install_lighthouse() -> None:
    if LIGHTHOUSE.exists():
        return
    print(f"installing lighthouse@{LIGHTHOUSE_VERSION} into {TOOLS}")
    TOOLS.mkdir(exist_ok=True)
    subprocess.run(
        ["npm", "install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund",
         f"lighthouse@{LIGHTHOUSE_VERSION}"],
        cwd=TOOLS, check=True,
    )  # fmt: skip


def run_lighthouse(url: str, name: str, attempts: int = 3) -> dict:
    REPORTS.mkdir(exist_ok=True)
    output = REPORTS / name
    for attempt in range(1, attempts + 1):
        # Headless Chromium on a busy machine now and then loses the page load's trace
        # (Lighthouse's NO_NAVSTART); a second run is the remedy Lighthouse itself gives.
        result = subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output=html",
             f"--output-path={output}", f"--only-categories={','.join(CATEGORIES)}",
             f"--chrome-flags={CHROME_FLAGS}"],
            env={**os.environ, "CHROME_PATH": CHROME},
        )  # fmt: skip
        if result.returncode == 0:
            return json.loads((REPORTS / f"{name}.report.json").read_text())
        print(f"    lighthouse failed on {url} (attempt {attempt} of {attempts})")
    sys.exit(f"lighthouse failed {attempts} times on {url}")


def scores_of(report: dict) -> dict[str, int]:
    return {key: round((report["categories"][key]["score"] or 0) * 100) for key in CATEGORIES}


def lost_points(report: dict) -> list[str]:
    """Audits that count towards a category score and did not pass."""
    lines = []
    for key in CATEGORIES:
        for ref in report["categories"][key]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) and audit["score"] is not None and audit["score"] < 1:
                shown = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                items = [
                    item.get("node", {}).get("snippet") or item.get("url") or ""
                    for item in (audit.get("details") or {}).get("items", [])[:3]
                ]
                where = "; ".join(item for item in items if item)
                lines.append(f"{key}: {audit['title']}{shown}" + (f": {where}" if where else ""))
    return lines


def metrics_of(report: dict) -> str:
    return ", ".join(
        f"{report['audits'][key]['title']} {report['audits'][key]['displayValue']}"
        for key in METRICS
    )


def machine() -> str:
    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = found.group(1).strip() if found else ""
    chromium = subprocess.run([CHROME, "--version"], capture_output=True, text=True).stdout
    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), "
        f"Python {platform.python_version()}, {chromium.strip()}"
    )


def write_section(rows, details, lighthouse_version: str, command: str) -> None:
    today = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "## Lighthouse (mobile)",
        "",
        "Lighthouse's default mobile profile (a mid-range phone on a slow 4G connection,",
        "simulated) against a copy of the demo served as in production: gunicorn with two",
        "workers, DEBUG off, static files collected with hashed names and compressed by",
        "WhiteNoise (`bench/demo_site.py`, `bench/lighthouse_settings.py`). Targets: 100",
        "for accessibility, best practices and SEO, at least 95 for performance.",
        "Gunicorn sends pages uncompressed, as Podium does without a proxy in front;",
        "Lighthouse counts that as an opportunity (a few KiB), not against the score.",
        "Performance moves with the load of the machine (shared, two cores): with",
        "`--runs N` each score is the median of N runs.",
        "",
        f"Measured {today} with Lighthouse {lighthouse_version}, on:",
        "",
        f"    {machine()}",
        "",
        "with:",
        "",
        f"    {command}",
        "",
        "| page | performance | accessibility | best practices | SEO |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, path, scores in rows:
        cells = " | ".join(str(scores[key]) for key in CATEGORIES)
        lines.append(f"| {name} (`{path}`) | {cells} |")
    lines += [
        "",
        "The metrics behind each performance score, and every audit that lost points:",
        "",
    ]
    for name, (metrics, lost) in details.items():
        lines.append(f"- **{name}**: {metrics}.")
        lines += [f"  - {line}" for line in lost]
    section = "\n".join(lines) + "\n"
    text = DOC.read_text()
    pattern = re.compile(r"## Lighthouse.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _match: section + "\n", text, count=1).rstrip("\n") + "\n"
    else:
        text = text.rstrip("\n") + "\n\n" + section
    DOC.write_text(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="measurements per page")
    parser.add_argument("--no-write", action="store_true", help="leave docs/ alone")
    args = parser.parse_args()
    install_lighthouse()
    version = json.loads((TOOLS / "node_modules/lighthouse/package.json").read_text())["version"]
    rows, details, missed = [], {}, []
    with demo_site() as site:
        profile, post = site.query(FIND_PAGES).splitlines()[-2:]
        pages = {
            "home": "/",
            "profile": profile,
            "post": post,
            "directory": "/speakers/",
            "resources": "/resources/",
        }
        for name, path in pages.items():
            runs = [run_lighthouse(site.url + path, name) for _ in range(args.runs)]
            scores = {
                key: round(statistics.median(scores_of(report)[key] for report in runs))
                for key in CATEGORIES
            }
            last = runs[-1]
            rows.append((name, path, scores))
            details[name] = (metrics_of(last), lost_points(last))
            print(f"{name:10} {path}")
            print("    " + "  ".join(f"{key} {scores[key]}" for key in CATEGORIES))
            for line in details[name][1]:
                print(f"    - {line}")
            missed += [
                f"{name} {key} {scores[key]} < {target}"
                for key, target in TARGETS.items()
                if scores[key] < target
            ]
    command = "make lighthouse"
    if args.runs > 1:
        command += f" LIGHTHOUSE_ARGS='--runs {args.runs}'"
    if not args.no_write:
        write_section(rows, details, version, command)
        print(f"written to {DOC.relative_to(ROOT)}; reports in {REPORTS.relative_to(ROOT)}/")
    if missed:
        print("below target: " + "; ".join(missed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
