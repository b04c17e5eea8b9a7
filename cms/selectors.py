"""Reads for the editorial pages, each with the policy applied and bounded queries."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from cms.models import FeaturedItem, Resource
from networking.selectors import open_opportunities
from portfolio.models import BlogPostPage, SpeakerProfilePage, Topic, VideoPage
from portfolio.selectors import card_pictures_attach, profile_cards_attach
from portfolio.viewer import Viewer


def featured_pages(*, home, now=None) -> list:
    """The featured pages to show now, in the editors' order.

    Asked at every view: an item shows only within its schedule, only while its page is
    public and live for any visitor (a pause makes it private), and only while its
    consultant's consent stands. Withdrawing or pausing takes it off at once.
    """
    now = now or timezone.now()
    items = list(
        home.featured_items.filter(
            Q(go_live_at__isnull=True) | Q(go_live_at__lte=now),
            Q(expire_at__isnull=True) | Q(expire_at__gt=now),
        ).order_by("sort_order")
    )
    ids = [item.page_id for item in items]
    visitor = Viewer.anonymous()
    found = {}
    profiles = visitor.visible(SpeakerProfilePage.objects.filter(pk__in=ids)).filter(
        featuring_consent_at__isnull=False
    )
    found.update({page.pk: page for page in profiles.select_related("photo")})
    for page_class in (BlogPostPage, VideoPage):
        pages = visitor.visible(page_class.objects.filter(pk__in=ids)).filter(
            consultant__speaker_profile__featuring_consent_at__isnull=False,
            consultant__speaker_profile__paused_at__isnull=True,
        )
        found.update(
            {page.pk: page for page in pages.select_related("consultant__speaker_profile")}
        )
    return [found[item.page_id] for item in items if item.page_id in found]


def resources(*, category: str = "", region: str = "") -> QuerySet:
    """The directory, by kind of help and region; help that serves everyone stays in every
    region's list."""
    found = Resource.objects.all()
    if category:
        found = found.filter(category=category)
    if region:
        found = found.filter(Q(region__iexact=region) | Q(region=""))
    return found


def open_opportunity_count() -> int:
    return open_opportunities().count()


def home_context(*, home) -> dict:
    featured = featured_pages(home=home)
    return {
        "featured_profiles": profile_cards_attach(
            p for p in featured if isinstance(p, SpeakerProfilePage)
        ),
        "featured_posts": card_pictures_attach(p for p in featured if isinstance(p, BlogPostPage)),
        "featured_videos": card_pictures_attach(p for p in featured if isinstance(p, VideoPage)),
        "topics": Topic.objects.all()[:12],
        "open_opportunities": open_opportunity_count(),
    }


def featuring_of(*, user) -> dict:
    """When editors put the person's pages on the home page, for their own export."""
    items = FeaturedItem.objects.filter(page__in=_consultant_pages(user)).select_related("page")
    return {
        "featured": [
            {
                "page": item.page.title,
                "url": item.page.url,
                "show_from": item.go_live_at,
                "show_until": item.expire_at,
            }
            for item in items
        ]
    }


def _consultant_pages(user) -> list:
    profile = SpeakerProfilePage.objects.filter(consultant=user).first()
    if profile is None:
        return []
    return [profile.pk, *profile.get_descendants().values_list("pk", flat=True)]
