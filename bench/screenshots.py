"""Screenshots of every page type, signed out and in each demo role, in English and
Spanish, at a phone's width (390 px) and a laptop's (1366 px).

    .venv/bin/python bench/screenshots.py [--url http://127.0.0.1:8000] [--only ROLE ...]

Without --url it starts its own copy of the demo, served as in production
(bench/demo_site.py), so the 404 page is the real one; with --url it uses a running demo
(`make run`). It signs in as each demo account through the sign-in page, sets up
two-step verification through the site's own pages where the role needs it (reading the
secret off the set-up page and computing the codes, RFC 6238), finds the pages to show
by following links (a booking, a conversation, an invoice...), and writes
screenshots/<lang>/<role>/<page>-<width>.png and screenshots/index.html to browse them.

Pages that could not be reached are listed at the end and in the index; the exit status
is then 1.
"""

import argparse
import base64
import hashlib
import hmac
import html
import json
import re
import shutil
import struct
import sys
import time
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, sync_playwright

from bench.demo_site import ROOT, demo_site

OUT = ROOT / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WIDTHS = {390: 844, 1366: 900}
LANGUAGES = ("en", "es")
PASSWORD = "podium-demo-2026"  # noqa: S105 (the demo's password, published in the README)
ACCOUNTS = {
    "consultant": "consultant@example.org",
    "organization": "organization@example.org",
    "editor": "editor@example.org",
}
ROLES = ("visitor", "consultant", "organization", "editor")
TOTP_SET_UP = "/accounts/2fa/totp/activate/"
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def totp(secret: str, at: float | None = None) -> str:
    """The six-digit code an authenticator app shows (RFC 6238: SHA-1, 30 s)."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


@dataclass
class Run:
    base: str
    secrets_file: Path
    shots: list[tuple[str, str, str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    secrets: dict[str, str] = field(default_factory=dict)

    def __post_init__(self):
        if self.secrets_file.exists():
            self.secrets = json.loads(self.secrets_file.read_text())

    def remember(self, role: str, secret: str) -> None:
        self.secrets[role] = secret
        self.secrets_file.write_text(json.dumps(self.secrets))


def first_link(page: Page, pattern: str) -> str | None:
    """The first link on the page whose address (path and query) matches pattern."""
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    for href in hrefs:
        path = re.sub(r"^https?://[^/]+", "", href)
        if re.fullmatch(pattern, path):
            return path
    return None


def shoot(run: Run, page: Page, language: str, role: str, name: str, path: str | None):
    """Open path and save it at both widths; note it as missing when it cannot be."""
    label = f"{language}/{role}/{name}"
    if path is None:
        run.missing.append(f"{label}: no link to it was found")
        return
    try:
        response = page.goto(run.base + path, wait_until="load")
    except PlaywrightError as error:
        run.missing.append(f"{label}: {path}: {error.message.splitlines()[0]}")
        return
    status = response.status if response else 0
    if status >= 500 or (status >= 400 and name != "not-found"):
        run.missing.append(f"{label}: {path} answered {status}")
    folder = OUT / language / role
    folder.mkdir(parents=True, exist_ok=True)
    for width, height in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(150)  # let the layout settle after the resize
        page.screenshot(path=folder / f"{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})
    run.shots.append((language, role, name, path))


def submit_code(page: Page, secret: str) -> None:
    """Type the current code; a code already used (activation seconds ago) is refused
    again within its 30 s window, so wait for the next one then."""
    for _attempt in range(3):
        code_field = page.locator("input[name=code]")
        if not code_field.count():
            return
        code_field.fill(totp(secret))
        with page.expect_navigation():
            code_field.press("Enter")
        if not page.locator("input[name=code]").count():
            return
        time.sleep(30 - time.time() % 30 + 1)
    sys.exit(f"two-step code refused at {page.url}")


def reauthenticate_if_asked(page: Page) -> None:
    if "reauthenticate" in page.url and page.locator("input[name=password]").count():
        page.fill("input[name=password]", PASSWORD)
        with page.expect_navigation():
            page.press("input[name=password]", "Enter")


def sign_in(run: Run, page: Page, role: str) -> None:
    page.goto(run.base + "/accounts/login/")
    page.fill("input[name=login]", ACCOUNTS[role])
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.press("input[name=password]", "Enter")
    if "/accounts/login/" in page.url:
        sys.exit(f"{role}: sign-in refused (is this the demo?)")
    # The sign-in's own code step, not the set-up page (which also asks for a code): an
    # editor without a second factor is sent straight to set it up.
    if "/2fa/authenticate/" in page.url and page.locator("input[name=code]").count():
        if role not in run.secrets:
            sys.exit(f"{role} has two-step verification set up outside this script")
        submit_code(page, run.secrets[role])


def set_up_two_step(run: Run, page: Page, role: str) -> None:
    """Activate the authenticator app through the site's pages, as a person would."""
    page.goto(run.base + TOTP_SET_UP)
    reauthenticate_if_asked(page)
    secret_field = page.locator("#authenticator_secret")
    if not secret_field.count():
        if role not in run.secrets:
            sys.exit(f"{role}: no set-up page at {page.url}, and no secret known")
        return  # set up by an earlier run against the same site
    secret = secret_field.input_value()
    run.remember(role, secret)
    submit_code(page, secret)
    reauthenticate_if_asked(page)


def visitor(run: Run, page: Page, language: str, found: dict) -> None:
    if not found:
        page.goto(run.base + "/speakers/")
        found["topic"] = first_link(page, r"/speakers/topics/[\w-]+/")
        profile = first_link(page, r"/speakers/lina-okafor/") or first_link(
            page, r"/speakers/(?!topics/|feed/)[\w-]+/"
        )
        found["profile"] = profile
        if profile:
            page.goto(run.base + profile)
            children = set()
            hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
            for href in hrefs:
                path = re.sub(r"^https?://[^/]+", "", href)
                if re.fullmatch(re.escape(profile) + r"(?!media-kit/|feed/)[\w-]+/", path):
                    children.add(path)
            for child in sorted(children):
                page.goto(run.base + child)
                kind = "video" if page.locator("article.video").count() else "post"
                found.setdefault(kind, child)
    pages = [
        ("home", "/"),
        ("directory", "/speakers/"),
        ("topic", found.get("topic")),
        ("profile", found.get("profile")),
        ("post", found.get("post")),
        ("video", found.get("video")),
        ("media-kit", found["profile"] + "media-kit/" if found.get("profile") else None),
        ("resources", "/resources/"),
        ("about", "/about/"),
        ("fair-pay", "/fair-pay/"),
        ("safety", "/safety/"),
        ("sign-in", "/accounts/login/"),
        ("sign-up", "/accounts/signup/"),
        ("password-reset", "/accounts/password/reset/"),
        ("not-found", "/no-such-page/"),
    ]
    for name, path in pages:
        shoot(run, page, language, "visitor", name, path)


def details(run: Run, page: Page, found: dict, lists: dict[str, tuple[str, str]]) -> None:
    """Find one item of each list (a booking, a conversation...) by following links."""
    for name, (listing, pattern) in lists.items():
        if name not in found:
            page.goto(run.base + listing)
            found[name] = first_link(page, pattern)


NETWORK_ITEMS = {
    "booking": ("/network/bookings/", rf"/network/bookings/{UUID}/"),
    "conversation": ("/network/inbox/", rf"/network/conversations/{UUID}/"),
    "invoice": ("/network/invoices/", rf"/network/invoices/{UUID}/"),
    "opportunity": ("/network/opportunities/", rf"/network/opportunities/{UUID}/"),
}
# The demo consultant is a member and a peer moderator of the circle.
CIRCLE_ITEMS = {
    "circle-thread": ("/circle/c/new-to-speaking/", r"/circle/t/\d+/"),
}
CIRCLE_PAGES = [
    ("circle-home", "/circle/"),
    ("circle-circles", "/circle/circles/"),
    ("circle-circle", "/circle/c/new-to-speaking/"),
    ("circle-thread", "circle-thread"),
    ("circle-new-thread", "/circle/c/new-to-speaking/new/"),
    ("circle-search", "/circle/search/?q=keynote"),
    ("circle-mentoring", "/circle/mentoring/"),
    ("circle-applicants", "/circle/applicants/"),
    ("circle-moderation", "/circle/moderation/"),
    ("circle-log", "/circle/moderation/log/"),
    ("circle-settings", "/circle/settings/"),
    ("circle-safety", "/circle/safety/"),
    ("circle-leave", "/circle/leave/"),
]
NETWORK_PAGES = [
    ("dashboard", "/dashboard/"),
    ("bookings", "/network/bookings/"),
    ("booking", "booking"),
    ("inbox", "/network/inbox/"),
    ("conversation", "conversation"),
    ("invoices", "/network/invoices/"),
    ("invoice", "invoice"),
    ("opportunities", "/network/opportunities/"),
    ("opportunity", "opportunity"),
    ("notifications", "/network/notifications/"),
    ("settings", "/network/settings/"),
    ("two-step", "/accounts/2fa/"),
    ("sessions", "/accounts/sessions/"),
]


def network_pages(run, page, language, role, found, extra):
    for name, where in NETWORK_PAGES + extra:
        path = where if where is None or where.startswith("/") else found.get(where)
        shoot(run, page, language, role, name, path)


def consultant(run: Run, page: Page, language: str, found: dict) -> None:
    if not found:
        page.goto(run.base + "/dashboard/")
        found["profile-editor"] = first_link(page, r"/admin/pages/\d+/edit/")
        details(run, page, found, NETWORK_ITEMS)
        details(run, page, found, CIRCLE_ITEMS)
    circle = [(name, found.get(where, where)) for name, where in CIRCLE_PAGES]
    extra = [
        *circle,
        ("earnings", "/network/earnings/"),
        ("calendar", "/network/calendar/"),
        ("videos", "/dashboard/videos/"),
        ("testimonials", "/dashboard/testimonials/"),
        ("admin-home", "/admin/"),
        ("admin-profile-editor", found.get("profile-editor")),
    ]
    network_pages(run, page, language, "consultant", found, extra)


def organization(run: Run, page: Page, language: str, found: dict) -> None:
    if not found:
        details(run, page, found, NETWORK_ITEMS)
        page.goto(run.base + "/speakers/lina-okafor/")
        found["request"] = first_link(page, rf"/network/request/{UUID}/")
    extra = [
        ("organization", "/network/organization/"),
        ("new-opportunity", "/network/opportunities/new/"),
        ("booking-request", found.get("request")),
    ]
    network_pages(run, page, language, "organization", found, extra)


def editor(run: Run, page: Page, language: str, found: dict) -> None:
    if not found:
        page.goto(run.base + "/admin/pages/")
        found["page-editor"] = first_link(page, r"/admin/pages/\d+/edit/")
    pages = [
        ("editors-desk", "/admin/"),
        ("report-queue", "/admin/networking/reports/"),
        ("verification-queue", "/admin/networking/verification/"),
        ("circle-requests", "/admin/circle/applications/"),
        ("circle-moderators", "/admin/circle/moderators/"),
        ("pages", "/admin/pages/"),
        ("page-editor", found.get("page-editor")),
        ("dashboard", "/dashboard/"),
    ]
    for name, path in pages:
        shoot(run, page, language, "editor", name, path)


def two_step_pages(run: Run, browser, role: str) -> None:
    """The set-up page (before) and the code page at sign-in (after), both languages."""
    for language in LANGUAGES:
        context = new_context(browser, run, language)
        page = context.new_page()
        page.goto(run.base + "/accounts/login/")
        page.fill("input[name=login]", ACCOUNTS[role])
        page.fill("input[name=password]", PASSWORD)
        with page.expect_navigation():
            page.press("input[name=password]", "Enter")
        shoot(run, page, language, role, "two-step-code", page.url.replace(run.base, ""))
        context.close()


def new_context(browser, run: Run, language: str):
    context = browser.new_context(
        viewport={"width": 1366, "height": 900}, locale="en-US" if language == "en" else "es-ES"
    )
    context.add_cookies([{"name": "django_language", "value": language, "url": run.base}])
    return context


def write_index(run: Run) -> None:
    rows = []
    for language in LANGUAGES:
        for role in ROLES:
            shots = [shot for shot in run.shots if shot[:2] == (language, role)]
            if not shots:
                continue
            rows.append(f"<h2 id='{language}-{role}'>{language} · {role}</h2><div class=grid>")
            for _language, _role, name, path in shots:
                images = "".join(
                    f"<a href='{language}/{role}/{name}-{width}.png'>"
                    f"<img loading=lazy src='{language}/{role}/{name}-{width}.png' "
                    f"alt='{html.escape(name)} at {width} px' class=w{width}></a>"
                    for width in WIDTHS
                )
                rows.append(
                    f"<figure>{images}<figcaption>{html.escape(name)} "
                    f"<code>{html.escape(path)}</code></figcaption></figure>"
                )
            rows.append("</div>")
    toc = " ".join(
        f"<a href='#{language}-{role}'>{language} · {role}</a>"
        for language in LANGUAGES
        for role in ROLES
        if any(shot[:2] == (language, role) for shot in run.shots)
    )
    missing = "".join(f"<li>{html.escape(line)}</li>" for line in run.missing)
    (OUT / "index.html").write_text(
        "<!doctype html><html lang=en><meta charset=utf-8><title>Podium screenshots</title>"
        "<style>body{font:14px system-ui;margin:1rem}.grid{display:grid;"
        "grid-template-columns:repeat(auto-fill,minmax(22rem,1fr));gap:1rem}"
        "figure{margin:0;border:1px solid #ccc;padding:.5rem}figure a{display:inline-block;"
        "vertical-align:top;max-height:16rem;overflow:hidden;margin-right:.5rem}"
        "img.w390{width:5rem}img.w1366{width:15rem}</style>"
        f"<h1>Podium screenshots</h1><p>{len(run.shots)} pages at "
        f"{' and '.join(str(w) for w in WIDTHS)} px, {time.strftime('%Y-%m-%d %H:%M')}. "
        f"{toc}</p>"
        + (f"<h2>Not reached</h2><ul>{missing}</ul>" if missing else "")
        + "".join(rows)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running demo site (default: start a copy)")
    parser.add_argument("--only", nargs="+", choices=ROLES, default=list(ROLES))
    args = parser.parse_args()
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir()
    site = nullcontext(None) if args.url else demo_site()
    with site as started, sync_playwright() as playwright:
        base = (args.url or started.url).rstrip("/")
        # Secrets of authenticators this script set up on a running site, so that the
        # next run can still sign in there (not needed for a fresh copy).
        site_name = re.sub(r"\W", "_", base)
        secrets_file = ROOT / ".tools" / f"screenshot-secrets-{site_name}.json"
        secrets_file.parent.mkdir(exist_ok=True)
        if not args.url:
            secrets_file.unlink(missing_ok=True)
        run = Run(base=base, secrets_file=secrets_file)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        steps = {"visitor": visitor, "consultant": consultant}
        steps.update(organization=organization, editor=editor)
        for role in args.only:
            print(f"{role}...")
            found: dict = {}
            context = new_context(browser, run, "en")
            page = context.new_page()
            if role != "visitor":
                sign_in(run, page, role)
                if role in ("organization", "editor") and role not in run.secrets:
                    for language in LANGUAGES:
                        context.add_cookies(
                            [{"name": "django_language", "value": language, "url": base}]
                        )
                        shoot(run, page, language, role, "two-step-setup", TOTP_SET_UP)
                    context.add_cookies([{"name": "django_language", "value": "en", "url": base}])
                    set_up_two_step(run, page, role)
            for language in LANGUAGES:
                context.add_cookies([{"name": "django_language", "value": language, "url": base}])
                steps[role](run, page, language, found)
            context.close()
            if role in ("organization", "editor"):
                two_step_pages(run, browser, role)
        browser.close()
    write_index(run)
    print(f"{len(run.shots)} pages, {len(run.shots) * len(WIDTHS)} screenshots in {OUT}/")
    print(f"open {OUT / 'index.html'}")
    for line in run.missing:
        print(f"not reached: {line}")
    return 1 if run.missing else 0


if __name__ == "__main__":
    sys.exit(main())
