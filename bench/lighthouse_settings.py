"""Production settings, served on this machine over plain HTTP (bench/demo_site.py).

Everything config.settings.production decides stays: DEBUG off, hashed and compressed
static files served by WhiteNoise with long caching, the security headers and the
`__Host-` cookies (browsers accept secure cookies from 127.0.0.1). Only what needs a TLS
proxy in front, or another machine, is changed here.
"""

from config.settings.production import *  # noqa: F403 (a variant of the production settings)

# No TLS proxy in front: redirecting to https://127.0.0.1 would reach nothing.
SECURE_SSL_REDIRECT = False

# One machine and one measurement: the cache holds only rate-limit counters, which the
# tools never come near, so the Redis that production insists on is not needed.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
