"""The password hash, at a cost chosen for Podium rather than inherited.

Django's Argon2 default (100 MiB, two passes, eight lanes) took about 200 ms of CPU per
check on the 2-core reference server: more than half of a whole sign-in, so fifty people
signing in together queued for tens of seconds. This is one of the configurations the
OWASP password storage guidance names as its minimum for argon2id (46 MiB, one pass, one
lane; equivalent to its 19 MiB and two passes), at about a quarter of the CPU. One lane,
because a busy server's cores already serve other requests: more lanes shorten one hash
on an idle machine but add nothing to how many a loaded one can do.

Hashes made with other parameters are still accepted, and re-made with these at the
person's next sign-in (Django's check_password asks `must_update`). The figures and the
reasoning are in docs/decisions.md.
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class SignInArgon2PasswordHasher(Argon2PasswordHasher):
    # The algorithm name stays "argon2", so every stored Argon2 hash is read by this class.
    time_cost = 1
    memory_cost = 47_104  # KiB: 46 MiB
    parallelism = 1
