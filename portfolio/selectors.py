"""Read paths for consultants' pages, each with the queries it needs and the policy applied."""

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from portfolio import policy
from portfolio.models import (
    BlogPostPage,
    ChildOfProfile,
    RateCardEntry,
    SpeakerProfilePage,
    Testimonial,
    Topic,
    VideoPage,
)

SEARCH_LIMIT = 1000


def _with_card_data(profiles: QuerySet) -> QuerySet:
    return profiles.select_related("photo").prefetch_related(
        "topics",
        "languages",
        Prefetch("rates", queryset=RateCardEntry.objects.order_by("sort_order")),
    )


def directory_profiles(*, viewer, filters: dict) -> QuerySet:
    """Profiles the viewer may see, narrowed by the directory's filters."""
    profiles = policy.visible(SpeakerProfilePage.objects.all(), viewer)
    if filters.get("topic"):
        profiles = profiles.filter(topics=filters["topic"])
    if filters.get("engagement"):
        profiles = profiles.filter(rates__engagement_type=filters["engagement"])
    if filters.get("language"):
        profiles = profiles.filter(languages=filters["language"])
    if filters.get("country"):
        profiles = profiles.filter(country__iexact=filters["country"])
    if filters.get("virtual"):
        profiles = profiles.filter(virtual=True)
    if filters.get("travel"):
        profiles = profiles.filter(travel=filters["travel"])
    if filters.get("availability"):
        profiles = profiles.filter(availability=filters["availability"])
    if filters.get("budget") is not None:
        # Only rates the viewer may see can match, or filtering would reveal hidden rates.
        profiles = profiles.filter(
            rates_audience__in=policy.audiences_for(viewer),
            rates__currency="USD",
            rates__minimum_fee__lte=filters["budget"],
        )
    if filters.get("q"):
        matches = SpeakerProfilePage.objects.live().search(filters["q"], operator="and")
        profiles = profiles.filter(pk__in=[p.pk for p in matches[:SEARCH_LIMIT]])
    return _with_card_data(profiles.distinct().order_by("title"))


def profile_posts(*, profile, viewer) -> QuerySet:
    posts = policy.visible(BlogPostPage.objects.child_of(profile), viewer)
    return posts.order_by("-first_published_at")


def profile_videos(*, profile, viewer) -> QuerySet:
    videos = policy.visible(VideoPage.objects.child_of(profile), viewer)
    return videos.select_related("poster").order_by("-first_published_at")


def topic_pages(*, topic: Topic, viewer) -> dict:
    profiles = policy.visible(SpeakerProfilePage.objects.filter(topics=topic), viewer)
    posts = policy.visible(BlogPostPage.objects.filter(topics=topic), viewer)
    videos = policy.visible(VideoPage.objects.filter(topics=topic), viewer)
    # A post's visibility already includes its profile's (services.visibility_sync).
    return {
        "profiles": _with_card_data(profiles.order_by("title")),
        "posts": posts.order_by("-first_published_at")[:20],
        "videos": videos.select_related("poster").order_by("-first_published_at")[:20],
    }


def public_posts(*, viewer=None) -> QuerySet:
    """Posts anyone may read: what feeds carry (they are read without signing in).

    A signed-in viewer whom a consultant has blocked does not get that consultant's.
    """
    posts = BlogPostPage.objects.live().filter(visibility="public")
    hidden = policy.consultants_hiding_from(viewer)
    if hidden:
        posts = posts.exclude(consultant__in=hidden)
    return posts.order_by("-first_published_at")


def approved_testimonials(*, profile) -> QuerySet:
    return Testimonial.objects.filter(profile=profile, approved_at__isnull=False)


def pending_testimonials(*, profile) -> QuerySet:
    return Testimonial.objects.filter(profile=profile, approved_at__isnull=True)


def shown_past_engagements(*, profile) -> list:
    """Chosen engagements whose date has passed: never a future date or place (E34)."""
    today = timezone.localdate()
    return [e for e in profile.past_engagements.all() if e.show_on_profile and e.date < today]


def profiles_attach(pages: list) -> None:
    """Give each post and video in `pages` its profile, all from one query.

    For listings of many pages that ask each page about its profile (the sitemap asks
    whether the consultant lets search engines list it); otherwise one query per page.
    """
    steplen = SpeakerProfilePage.steplen
    children = [page for page in pages if isinstance(page, ChildOfProfile)]
    parent_paths = {page.path[:-steplen] for page in children}
    profiles = {p.path: p for p in SpeakerProfilePage.objects.filter(path__in=parent_paths)}
    for page in children:
        # `profile` is a cached property: filling its cache is what it is for.
        page.__dict__["profile"] = profiles[page.path[:-steplen]]
