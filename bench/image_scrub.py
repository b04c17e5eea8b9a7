"""How long, and how much memory, scrubbing a large phone photo takes.

    .venv/bin/python bench/image_scrub.py [repetitions]

Prints, per fixture photo, the median wall time of core.media.images.scrub_image and how much
the process's peak resident memory grew while scrubbing it once (each photo is measured
in a fresh child process, since the peak is a high-water mark). The figures go in
docs/performance.md; compare them between runs on one machine, never assert them.
"""

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
django.setup()

from core.media.images import scrub_image  # noqa: E402 (needs Django set up first)

PHOTOS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "images"
FILES = ["nokia_8_3_gps_large.jpg", "iphone_gps.heic", "DSCN0010.jpg"]


def peak_growth_mib(path: Path) -> float:
    """Run in a child process: peak RSS growth of one scrub, in MiB."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with path.open("rb") as source:
        scrub_image(source)
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024


def median_seconds(path: Path, repetitions: int) -> tuple[float, int]:
    timings = []
    for _ in range(repetitions):
        with path.open("rb") as source:
            started = time.perf_counter()
            result = scrub_image(source)
            timings.append(time.perf_counter() - started)
    return statistics.median(timings), len(result.content)


def main() -> None:
    if sys.argv[1:2] == ["--peak"]:
        print(f"{peak_growth_mib(PHOTOS / sys.argv[2]):.1f}")
        return
    repetitions = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    print(f"{'photo':28} {'input':>9} {'output':>9} {'median s':>9} {'peak +MiB':>9}")
    # Peaks first: a child process inherits its parent's high-water mark (Linux keeps it
    # across exec), so the parent must not have scrubbed anything yet.
    peaks = {
        # Re-runs this script on a fixed fixture name: no untrusted input.
        name: subprocess.run(
            [sys.executable, __file__, "--peak", name], capture_output=True, text=True, check=True
        ).stdout.strip()
        for name in FILES
    }
    for name in FILES:
        path = PHOTOS / name
        peak = peaks[name]
        seconds, output_size = median_seconds(path, repetitions)
        print(
            f"{name:28} {path.stat().st_size / 1024:8.0f}K {output_size / 1024:8.0f}K "
            f"{seconds:9.3f} {peak:>9}"
        )


if __name__ == "__main__":
    main()
