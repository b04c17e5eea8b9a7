"""Sign-in under load: organization members with two-step verification signing in at once.

Serves the production settings with gunicorn against PostgreSQL and Redis, as deployed
behind a TLS proxy (every request carries `X-Forwarded-Proto: https` and the visitor's
address in `X-Forwarded-For`), and for each configuration measures:

1. one sign-in at a time: what one costs, request by request, and the password hash's
   share (one verify, timed in this process with that configuration's hasher);
2. N members at once (50 by default), each as a browser and a person would: GET the
   sign-in page (CSRF cookie), POST the password, GET the two-step page, read the code the
   authenticator app shows at that moment, type it (3-12 s, the same for a given member
   in every configuration), POST it. Prints how long each waited for the server (the sum
   of their requests' times: typing excluded), p50/p99, and how many were refused.

Configurations, run in turns so that a busy shared machine weighs on each alike:
`current` (the settings as they are) and, with --compare, `before` (Django's default
Argon2 cost, no tolerance for a late code, allauth's own two-step forms, 30 sign-ins a
minute per address).

    .venv/bin/python bench/signin_load.py --compare [--members 50] [--rounds 2]
        [--workers 2] [--worker-class sync|gthread] [--one-address] [--keep-hashes]

Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and Redis on 127.0.0.1:6379
(DB 8 the cache, emptied at each turn; DB 9 the broker). The database (`podium_signin`)
is created and migrated if missing. Each turn has its own members, so no code is reused;
their passwords are hashed again with the turn's hasher (--keep-hashes: hashed with
Django's default, to measure the first sign-in after a change of cost, which re-hashes).
"""

import argparse
import http.client
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
PASSWORD = "a long and unusual passphrase for the bench 42"  # noqa: S105 (bench accounts only)
LOGIN = "/accounts/login/"
TWO_STEP = "/accounts/2fa/authenticate/"
SIGNED_IN = "/dashboard/"
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ERROR = re.compile(r'class="(?:field__error|errorlist)[^"]*"[^>]*>(.*?)</(?:div|ul)>', re.S)
DJANGO_ARGON2 = "django.contrib.auth.hashers.Argon2PasswordHasher"
# The configuration before sign-in was measured: Django's Argon2 cost, allauth's defaults
# for two-step codes and for sign-ins per address.
BEFORE = f"""from config.settings.production import *  # noqa
PASSWORD_HASHERS = ["{DJANGO_ARGON2}", "django.contrib.auth.hashers.PBKDF2PasswordHasher"]
MFA_TOTP_TOLERANCE = 0
MFA_FORMS = {{}}
ACCOUNT_RATE_LIMITS = {{**ACCOUNT_RATE_LIMITS, "login": "30/m/ip"}}
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _environment(database: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
        "CACHE_URL": "redis://127.0.0.1:6379/8",
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/9",
        # Fixed for the database: the TOTP secrets are stored encrypted with it.
        "DJANGO_SECRET_KEY": f"bench-signin-{database}-" + "k" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "PODIUM_SITE_URL": "https://127.0.0.1",
        "PODIUM_EMAIL_DELIVERY_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        # As deployed: behind one proxy, which names each visitor's address.
        "PODIUM_TRUSTED_PROXY_COUNT": "1",
    }


def _ensure_database(name: str) -> None:
    import psycopg

    with psycopg.connect("host=127.0.0.1 user=postgres dbname=postgres", autocommit=True) as db:
        if not db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            db.execute(f'CREATE DATABASE "{name}"')


def _prepare(env: dict[str, str], log) -> None:
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        subprocess.run(
            [str(PYTHON), "manage.py", *command], cwd=ROOT, env=env, stdout=log, stderr=log,
            check=True,
        )  # fmt: skip


def _members(first: int, count: int, hasher) -> list[tuple[str, str]]:
    """(e-mail, TOTP secret) of members first..first+count-1, made if missing, with their
    passwords hashed by `hasher` and no two-step code remembered as used."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from allauth.mfa.utils import decrypt, encrypt
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from accounts.enums import Role
    from accounts.models import User
    from networking.models import Membership, Organization
    from networking.services.organizations import network_access_sync

    organization, _ = Organization.objects.get_or_create(
        email_domain="signin.example",
        defaults={"name": "Sign-in bench", "kind": "ngo", "verification": "verified",
                  "verified_at": timezone.now()},
    )  # fmt: skip
    people = []
    for number in range(first, first + count):
        email = f"member{number}@signin.example"
        user, _ = User.objects.get_or_create(email=email, defaults={"role": Role.ORGANIZATION})
        user.password = make_password(PASSWORD, hasher=hasher)
        user.save(update_fields=["password"])
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        Membership.objects.get_or_create(user=user, defaults={"organization": organization})
        totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
        if totp is None:
            totp = TOTP.activate(user, generate_totp_secret()).instance
        secret = decrypt(totp.data["secret"])
        totp.data = {"secret": encrypt(secret)}
        totp.save(update_fields=["data"])
        people.append((email, secret))
    network_access_sync(organization=organization)
    return people


def _code_now(secret: str) -> str:
    """What the person's authenticator app shows at this moment."""
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@dataclass
class Browser:
    """One person's browser: its own connections and cookies (the `__Host-` cookies are
    kept although this hop is plain HTTP: the proxy in front holds the TLS)."""

    port: int
    address: str = "10.0.0.1"
    cookies: dict[str, str] = field(default_factory=dict)
    timings: list[tuple[str, float]] = field(default_factory=list)

    def request(self, method: str, path: str, form: dict | None = None):
        origin = f"https://127.0.0.1:{self.port}"
        headers = {
            "Host": f"127.0.0.1:{self.port}",
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.address,
            "Origin": origin,
            "Referer": origin + path,
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
        started = time.perf_counter()
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode()
        self.timings.append((f"{method} {path}", time.perf_counter() - started))
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        connection.close()
        return response.status, response.headers.get("Location", ""), text


@dataclass
class Outcome:
    signed_in: bool
    detail: str
    timings: list[tuple[str, float]]

    @property
    def waited(self) -> float:
        return sum(seconds for _, seconds in self.timings)


def sign_in(port: int, person, *, address: str, typing: float, start=None) -> Outcome:
    email, secret = person
    browser = Browser(port, address)
    if start is not None:
        start.wait()
    _, _, page = browser.request("GET", LOGIN)
    form = {"csrfmiddlewaretoken": CSRF_FIELD.search(page).group(1)}
    form.update(login=email, password=PASSWORD)
    status, location, page = browser.request("POST", LOGIN, form)
    if status != 302 or location != TWO_STEP:
        return Outcome(False, f"password step: {status} {_error(page)}", browser.timings)
    _, _, page = browser.request("GET", TWO_STEP)
    code = _code_now(secret)  # read from the app as the page appears
    time.sleep(typing)  # the person typing it: not the server's time, not counted
    form = {"csrfmiddlewaretoken": CSRF_FIELD.search(page).group(1), "code": code}
    status, location, page = browser.request("POST", TWO_STEP, form)
    if status == 302 and location == SIGNED_IN:
        return Outcome(True, "", browser.timings)
    return Outcome(False, f"code: {status} {_error(page)}", browser.timings)


def _error(page: str) -> str:
    found = ERROR.search(page)
    return re.sub(r"<[^>]+>|\s+", " ", found.group(1)).strip() if found else page[:60]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _verify_seconds(hasher, rounds: int = 7) -> float:
    encoded = hasher.encode(PASSWORD, hasher.salt())
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        hasher.verify(PASSWORD, encoded)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _serve(args, env: dict[str, str], log) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    command = [str(GUNICORN), "config.wsgi", "--workers", str(args.workers),
               "--bind", f"127.0.0.1:{port}", "--timeout", "120",
               "--worker-class", args.worker_class, "--threads", str(args.threads)]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if Browser(port).request("GET", "/healthz")[0] == 200:
                return server, port
        except OSError:
            time.sleep(0.3)
    server.terminate()
    sys.exit("gunicorn did not answer within 60 s (see the log)")


@dataclass
class Turn:
    name: str
    verify: float
    single: list[Outcome]
    burst: list[Outcome]


def run_turn(args, name: str, env, log, people, hasher) -> Turn:
    from django.core.cache import cache

    cache.clear()  # Redis DB 8, the bench's own: no counts left from another turn
    server, port = _serve(args, env, log)
    try:
        warm = args.workers * 2  # the first requests a fresh worker serves are slower
        single = [sign_in(port, p, address="10.9.0.1", typing=0) for p in people[: args.single]]
        single = single[warm:]
        crowd = people[args.single :]
        start = threading.Barrier(len(crowd))
        typing = random.Random(7)  # the same typists in every turn
        burst: list[Outcome] = []
        threads = []
        for n, person in enumerate(crowd):
            address = "10.0.0.1" if args.one_address else f"10.0.{n // 250 + 1}.{n % 250 + 2}"
            kwargs = {"address": address, "typing": typing.uniform(3, 12), "start": start}
            threads.append(threading.Thread(
                target=lambda p=person, k=kwargs: burst.append(sign_in(port, p, **k))
            ))  # fmt: skip
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return Turn(name, _verify_seconds(hasher), single, burst)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=50)
    parser.add_argument("--single", type=int, default=5, help="sign-ins measured one at a time")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--compare", action="store_true", help="also run `before`, in turns")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worker-class", default="sync", choices=["sync", "gthread"])
    parser.add_argument("--threads", type=int, default=1, help="per worker, with gthread")
    parser.add_argument("--one-address", action="store_true", help="all from one office")
    parser.add_argument("--keep-hashes", action="store_true")
    parser.add_argument("--database", default="podium_signin")
    parser.add_argument("--log", default=str(Path(tempfile.gettempdir()) / "signin-bench.log"))
    args = parser.parse_args()

    env = _environment(args.database)
    os.environ.update(env)
    folder = tempfile.mkdtemp(prefix="podium-signin-")
    Path(folder, "signin_before_settings.py").write_text(BEFORE)
    before_env = {**env, "DJANGO_SETTINGS_MODULE": "signin_before_settings",
                  "PYTHONPATH": os.pathsep.join([folder, str(ROOT)])}  # fmt: skip
    _ensure_database(args.database)
    import django

    django.setup()
    from django.contrib.auth.hashers import Argon2PasswordHasher, get_hasher

    variants = [("before", before_env, Argon2PasswordHasher())] if args.compare else []
    variants.append(("current", env, get_hasher()))
    turns: list[Turn] = []
    args.single += args.workers * 2  # warm-up sign-ins, not counted
    per_turn = args.members + args.single
    with open(args.log, "w") as log:
        _prepare(env, log)
        for number in range(args.rounds * len(variants)):
            name, variant_env, hasher = variants[number % len(variants)]
            stored = Argon2PasswordHasher() if args.keep_hashes else hasher
            people = _members(number * per_turn, per_turn, stored)
            turns.append(run_turn(args, name, variant_env, log, people, hasher))
            report(turns[-1])
    threads = f" x {args.threads} threads" if args.worker_class == "gthread" else ""
    addresses = "all from one address" if args.one_address else "each from their own address"
    print(f"\ngunicorn {args.workers} {args.worker_class} workers{threads}, production settings,"
          f" PostgreSQL, Redis, {os.cpu_count()} cores; {addresses}")  # fmt: skip
    for name, *_ in variants:
        mine = [t for t in turns if t.name == name]
        waits = [o.waited for t in mine for o in t.burst]
        single = statistics.median(o.waited for t in mine for o in t.single)
        refused = sum(not o.signed_in for t in mine for o in t.burst)
        verify = statistics.median(t.verify for t in mine)
        print(
            f"{name:8} one sign-in {single * 1000:.0f} ms (hash {verify * 1000:.0f} ms);"
            f" {args.members} at once waited p50 {percentile(waits, 0.5):.1f} s,"
            f" p99 {percentile(waits, 0.99):.1f} s; refused {refused} of {len(waits)}"
        )


def report(turn: Turn) -> None:
    print(f"\n[{turn.name}] password hash verify in-process: {turn.verify * 1000:.0f} ms")
    steps: dict[str, list[float]] = {}
    for outcome in turn.single:
        if not outcome.signed_in:
            print("  a single sign-in failed:", outcome.detail)
        for name, seconds in outcome.timings:
            steps.setdefault(name, []).append(seconds)
    for name, values in steps.items():
        print(f"  one at a time: {name:32} {statistics.median(values) * 1000:6.0f} ms")
    waits = [o.waited for o in turn.burst]
    reasons: dict[str, int] = {}
    for outcome in turn.burst:
        if not outcome.signed_in:
            reasons[outcome.detail] = reasons.get(outcome.detail, 0) + 1
    print(f"  {len(waits)} at once: waited p50 {percentile(waits, 0.5):.1f} s, "
          f"p99 {percentile(waits, 0.99):.1f} s, max {max(waits):.1f} s; "
          f"refused {sum(reasons.values())} {reasons or ''}")  # fmt: skip
    print("  waits, s:", " ".join(f"{w:.1f}" for w in sorted(waits)))


if __name__ == "__main__":
    main()
