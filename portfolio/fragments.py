"""Parts of the directory kept rendered: each profile card (and each post and video card
of a topic page), the filter form, and a visitor's count of a listing.

A page of the directory or of a topic shows twenty cards, and rendering them (the photo's
renditions or a drawn placeholder, the topics, the address) was most of the page's time.
Each card is kept in the default cache (Redis in production) and all of a page's cards
are read in one round trip; only the missing ones are rendered, after their photos'
renditions and topics are read for them alone.

What a card shows is the same for everyone who may see the profile: its name, headline,
photo, topics, country and availability, never an audience-bound section (rates, lived
experience). Whether a card is shown at all is decided by the listing's query, for each
request and viewer (audiences and blocks), never by this cache: a kept card of a profile
that is paused, narrowed or blocked is simply never asked for.

A card is kept under the page cache's generation (core.page_cache), which every change
to something public replaces (a publish, a pause, a narrowed audience, a block, a
renamed topic, a new photo), and under the profile's last publication and the language:
a change forgets every kept card at once, through the same purge as kept pages. The
generation is read once per request; the purge replaces it again when the change
commits, so a card rendered from data read before the commit is never found under the
generation that follows it. With the cache away, cards are rendered each time.
"""

import hashlib
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from core.page_cache import store
from portfolio.selectors import card_pictures_attach

TEMPLATE = "components/profile_card.html"
PAGE_TEMPLATE = "portfolio/_page_card.html"
# What a card reads beyond the profile's own row (the photo comes with it).
CARD_RELATIONS = ("photo__renditions", "topics")


def card_key(*, generation: str, page, kind: str, language: str, host: str) -> str:
    published = page.last_published_at.timestamp() if page.last_published_at else 0
    # The host: a card's link is relative on its own site and absolute on another.
    return f"{kind}-card:{generation}:{language}:{host}:{page.pk}:{published}"


def _cards(pages, request, *, kind: str, prepare, render) -> list[SafeString]:
    """Each page's card in order: kept ones read in one round trip; the others prepared
    (what they show read, all at once) and rendered, then kept."""
    pages = list(pages)
    generation = store.parts_generation(request)
    if generation is None:
        prepare(pages)
        return [SafeString(render(page)) for page in pages]
    language, host = get_language(), request.get_host()
    keys = [
        card_key(generation=generation, page=page, kind=kind, language=language, host=host)
        for page in pages
    ]
    kept = store.parts_read(keys)
    missing = [(page, key) for page, key in zip(pages, keys, strict=True) if key not in kept]
    prepare([page for page, _ in missing])
    rendered = {key: render(page) for page, key in missing}
    if rendered:
        store.parts_keep(rendered)
    cards = kept | rendered
    # Rendered templates, escaped as they were rendered; kept as plain text.
    return [SafeString(cards[key]) for key in keys]


def profile_cards(profiles, request) -> list[SafeString]:
    """The cards of these profiles, in their order."""
    return _cards(
        profiles,
        request,
        kind="profile",
        prepare=lambda missing: prefetch_related_objects(missing, *CARD_RELATIONS),
        render=lambda profile: render_to_string(TEMPLATE, {"profile": profile, "request": request}),
    )


def page_cards(pages, kind: str, request) -> list[SafeString]:
    """The cards of these posts or videos (`kind`), in their order; a card's picture is
    looked up only for the cards not kept."""
    return _cards(
        pages,
        request,
        kind=kind,
        prepare=card_pictures_attach,
        render=lambda page: render_to_string(
            PAGE_TEMPLATE, {"item": page, "kind": kind, "request": request}
        ),
    )


def _asked(data) -> str:
    """The filters asked for, whatever their order, without the page number."""
    asked = sorted((k, v) for k, values in data.lists() for v in values if k != "page")
    return hashlib.sha256(urlencode(asked).encode()).hexdigest()


def filter_form(form, request) -> SafeString:
    """The directory's filter form as `form.as_div` writes it, kept per filters asked."""
    generation = store.parts_generation(request)
    if generation is None:
        return form.as_div()
    key = f"directory-form:{generation}:{get_language()}:{_asked(form.data)}"
    kept = store.parts_read([key]).get(key)
    if kept is None:
        kept = str(form.as_div())
        store.parts_keep({key: kept})
    return SafeString(kept)


def paginator(profiles, request, *, listing: str, per_page: int) -> Paginator:
    """A paginator over these profiles whose count, for a visitor, is kept per listing.

    Counting every visible profile is the one read in a listing that grows with the
    number of consultants. A visitor's count depends only on the listing and its
    filters (`listing`), so it is kept under the generation like the cards; a signed-in
    person's depends on their audiences and blocks, so theirs is counted each time.
    """
    pages = Paginator(profiles, per_page)
    generation = store.parts_generation(request)
    if generation is None or request.user.is_authenticated:
        return pages
    key = f"listing-count:{generation}:{listing}"
    count = store.parts_read([key]).get(key)
    if count is None:
        count = pages.count
        store.parts_keep({key: count})
    pages.count = count  # Django's cached property, set: no COUNT query
    return pages


def directory_listing(data) -> str:
    return f"directory:{_asked(data)}"
