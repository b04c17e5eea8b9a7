"""Which views of a profile are counted, and under what kind of visitor.

The profile page carries a one-pixel image from this site (`insight:seen`). Anonymous
profile pages are answered from the page cache and may be answered by a CDN without
reaching Podium at all, so counting inside the page would miss most anonymous views;
the image is never cached by anyone but the visitor's own browser, so each view of the
page, however it was served, asks for it once. Its answer may be kept by that browser
for VIEW_REPEAT_SECONDS, so reloading the page in that time is not counted again: a
de-duplication that needs no cookie and leaves nothing on Podium's side.

Counted: a GET of the image for a live, unpaused profile, by anyone but the profile's
own consultant, that does not say it is a prefetch, does not say it comes from another
site or is not loaded as an image (Fetch Metadata), and whose User-Agent does not name
itself a bot. The User-Agent is read for that one test and never stored; neither is the
address, a cookie, or the time of day. Browsers that block images, or visitors who leave
before the image loads, are not counted; crawlers that fetch images while pretending to
be a browser are.
"""

import re

from allauth.account.adapter import get_adapter
from django.utils.crypto import salted_hmac

from core.throttle import over_limit
from insight.enums import VisitorKind

VIEW_REPEAT_SECONDS = 30 * 60
# Counted views per visitor and window, whatever the profiles: more than a person reads.
VIEWS_PER_WINDOW = 20
# Self-declared robots: crawlers, link previews, monitors and headless browsers.
_BOT = re.compile(
    r"bot|crawl|spider|slurp|preview|facebookexternalhit|headless|monitor|curl|wget|"
    r"python-requests|httpx|lighthouse",
    re.IGNORECASE,
)
_PREFETCH_HEADERS = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_MOZ", "HTTP_X_PURPOSE")


def looks_automated(request) -> bool:
    if any("prefetch" in request.META.get(h, "").lower() for h in _PREFETCH_HEADERS):
        return True
    if not loaded_by_a_profile_page(request):
        return True
    agent = request.META.get("HTTP_USER_AGENT", "")
    return not agent or bool(_BOT.search(agent))


def loaded_by_a_profile_page(request) -> bool:
    """Whether a browser that says where a request comes from says it is an image of one
    of this site's pages. Another site embedding the image (a busy page, with a changing
    query string to beat the browser's copy) would otherwise add a view for each of its
    own visitors; the address opened on its own is not a view of the profile either.
    Clients that send no Fetch Metadata (older browsers) are taken at their word."""
    site = request.META.get("HTTP_SEC_FETCH_SITE")
    destination = request.META.get("HTTP_SEC_FETCH_DEST")
    return site in (None, "same-origin") and destination in (None, "image")


def over_view_limit(request) -> bool:
    """Whether this visitor has already had VIEWS_PER_WINDOW views counted in the current
    VIEW_REPEAT_SECONDS window, over all profiles: a bound on what a script asking for
    the image in a loop can add, while a person browsing the directory is never near it.

    The bucket names the visitor only (by account when signed in, so colleagues behind
    one office address each count; otherwise by address), through a keyed hash, and
    never the profile: nothing on Podium's side, not even for the half hour the bucket
    lives, says which profile anyone looked at.
    """
    who = (
        f"user:{request.user.pk}"
        if request.user.is_authenticated
        else (f"address:{get_adapter(request).get_client_ip(request) or ''}")
    )
    key = salted_hmac("insight.seen", who, algorithm="sha256").hexdigest()
    return over_limit(f"profile-views:{key[:32]}", VIEWS_PER_WINDOW, window=VIEW_REPEAT_SECONDS)


def visitor_kind(viewer) -> VisitorKind:
    """The kind of visitor, from what the request already knows; never who."""
    if not viewer.is_authenticated:
        return VisitorKind.ANONYMOUS
    if viewer.is_consultant:
        return VisitorKind.CONSULTANT
    membership = viewer.membership
    if membership is not None and membership.organization.is_verified:
        return VisitorKind.for_organization(membership.organization.kind)
    return VisitorKind.OTHER_SIGNED_IN
