"""Production settings for `make bench`, served on this machine over plain HTTP.

Everything config.settings.production decides stays (DEBUG off, Redis as the cache,
WhiteNoise, the security headers, the `__Host-` cookies); only what needs a TLS proxy in
front is changed, and the URLs add the constant page the others are measured against.
bench/environment.py gives the environment it reads.
"""

import os

from config.settings.production import *  # noqa: F403 (a variant of the production settings)

# No TLS proxy in front: redirecting to https://127.0.0.1 would reach nothing.
SECURE_SSL_REDIRECT = False
ROOT_URLCONF = "bench.urls"

# Collected into a temporary folder by bench/make_bench.py, served by WhiteNoise as in production.
STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT", STATIC_ROOT)  # noqa: F405 (from the star import)
