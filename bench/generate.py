"""Fill a database with consultants, posts, videos, organizations and bookings.

    .venv/bin/python bench/generate.py --consultants 10000

At 10,000 consultants: 50,000 posts, 2,000 videos, 2,000 organizations, 20,000 bookings
and 1,000 photos, written in bulk in the shape the app writes them (bench/gen_tree.py,
bench/gen_people.py, bench/gen_network.py). Run again, it adds only what is missing.
Without DATABASE_URL it fills the bench's own PostgreSQL database (bench/environment.py),
which must exist and be migrated (`make bench` does both).
"""

import argparse
import os
import sys
import time
from pathlib import Path

import django

POSTS_EACH = 5
VIDEO_EVERY = 5  # one consultant in five has a video
PHOTO_EVERY = 10  # one in ten has a photo


def generate(consultants: int, *, say=print) -> dict[str, int]:
    """Add what is missing for `consultants` consultants; return how many of each were made."""
    # Imported here: the models need Django set up, which main() does first.
    from bench import gen_alongside, gen_network, gen_people, gen_tree

    with gen_tree.bound_parameters(), gen_tree.loading_session():
        began = time.perf_counter()
        made = {}
        missing = gen_people.missing(consultants)
        made["pages"] = 0
        for start in range(0, len(missing), 2000):
            batch = missing[start : start + 2000]
            # Search entries written on a second connection, committed after the batch.
            with gen_alongside.alongside(gen_tree.loading_session):
                made["pages"] += gen_people.consultants(
                    batch,
                    posts_each=POSTS_EACH,
                    video_every=VIDEO_EVERY,
                    photo_every=PHOTO_EVERY,
                )
            done = start + len(batch)
            say(
                f"  consultants: {done} of {len(missing)} new ({time.perf_counter() - began:.0f} s)"
            )
        made["consultants"] = len(missing)
        organizations = max(1, consultants // 5)
        made["organizations"] = gen_network.organizations(organizations)
        made["bookings"] = gen_network.bookings(
            consultants * 2, consultants=consultants, organizations=organizations
        )
    say(f"generated {made} in {time.perf_counter() - began:.1f} s")
    return made


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--consultants", type=int, default=10_000)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.environment import bench_env, database_name

    for key, value in bench_env(database_name(args.consultants)).items():
        os.environ.setdefault(key, value)
    django.setup()
    generate(args.consultants)


if __name__ == "__main__":
    main()
