"""Read paths for consultants' pages, each with the queries it needs and the policy applied."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q, QuerySet, prefetch_related_objects
from django.db.models.functions import Length, Substr
from django.urls import reverse
from django.utils import timezone
from wagtail.models import (
    Comment,
    Page,
    PageLogEntry,
    PageSubscription,
    Revision,
    WorkflowState,
)

from accounts.models import ConsultantWorkspace
from core.models import PodiumImage, PodiumVideo
from core.money import Currency
from core.records import fields_of
from portfolio.enums import Audience
from portfolio.models import (
    BlogPostPage,
    RateCardEntry,
    SpeakerProfilePage,
    Testimonial,
    Topic,
    VideoPage,
)

TOPIC_LINKS = SpeakerProfilePage.topics.through.objects
# Listings show profiles by name; the primary key settles equal names, so that every
# profile appears on exactly one page of a listing. Served by an index (migration 0015).
LISTING_ORDER = ("title", "pk")
LANGUAGE_LINKS = SpeakerProfilePage.languages.through.objects


def _with_card_data(profiles: QuerySet) -> QuerySet:
    # The photo comes with the row; its renditions and the topics are read by
    # portfolio.fragments for the cards not kept already (none, once they are kept).
    return profiles.select_related("photo")


def _profile_rows() -> QuerySet:
    """Every profile, found through Wagtail's index of page types as well as its own table.

    The same rows either way; the type lets PostgreSQL read only the profiles' page rows
    (one in six of all pages at 10,000 consultants, with their posts and videos) instead
    of scanning every page to join them. In name order (`LISTING_ORDER`), the type and
    `live` also pick the index that keeps live pages of each type by name (migration
    0015), so that a page of a listing reads about twenty profiles, not all of them.
    """
    page_type = ContentType.objects.get_for_model(SpeakerProfilePage)
    return SpeakerProfilePage.objects.filter(content_type=page_type)


def profile_cards_attach(profiles) -> list:
    """What profile cards show (photo renditions, topics) for profiles already in hand,
    such as the home page's featured ones, in one query each instead of one per card."""
    profiles = list(profiles)
    prefetch_related_objects(profiles, "photo__renditions", "topics")
    return profiles


def directory_profiles(*, viewer, filters: dict) -> QuerySet:
    """Profiles the viewer may see, narrowed by the directory's filters.

    Each profile is one row whatever it matches: a filter on something a profile has
    several of (topics, languages, rates) asks whether one exists rather than joining
    them in, which would repeat the profile and need de-duplicating the wide rows.
    """
    profiles = viewer.visible(_profile_rows())
    if filters.get("topic"):
        profiles = profiles.filter(
            Exists(TOPIC_LINKS.filter(speakerprofilepage=OuterRef("pk"), topic=filters["topic"]))
        )
    if filters.get("language"):
        profiles = profiles.filter(
            Exists(
                LANGUAGE_LINKS.filter(
                    speakerprofilepage=OuterRef("pk"), language=filters["language"]
                )
            )
        )
    rates = RateCardEntry.objects.filter(profile=OuterRef("pk"))
    if filters.get("engagement"):
        profiles = profiles.filter(Exists(rates.filter(engagement_type=filters["engagement"])))
    if filters.get("country"):
        profiles = profiles.filter(country=filters["country"])
    if filters.get("virtual"):
        profiles = profiles.filter(virtual=True)
    if filters.get("travel"):
        profiles = profiles.filter(travel=filters["travel"])
    if filters.get("availability"):
        profiles = profiles.filter(availability=filters["availability"])
    if filters.get("budget") is not None:
        # Only rates the viewer may see can match, or filtering would reveal hidden rates.
        fitting = rates.filter(
            currency=filters.get("budget_currency") or Currency.USD,
            minimum_fee__lte=filters["budget"],
        )
        profiles = profiles.filter(rates_audience__in=viewer.audiences).filter(Exists(fitting))
    if filters.get("q"):
        profiles = profiles.filter(pk__in=search_matches(SpeakerProfilePage, filters["q"]))
    return _with_card_data(profiles.order_by(*LISTING_ORDER))


def search_matches(model, words: str) -> QuerySet:
    """The ids of pages of `model` that contain every word, as a query for the database
    to use inside another one: no page is built, and the caller fetches only the ones it
    shows. Wagtail's database search backend keeps its index in the same database (on
    PostgreSQL a GIN-indexed tsvector), so the match runs where the directory's filters
    and pagination do.

    Only a filter: which pages may be shown (live, audience, blocks) is the caller's
    query, through the Viewer. Asking `live` here as well joined the page table a second
    time for every page matched. PostgreSQL either walks the listing in name order and
    checks each profile's entry, stopping at a page's worth (a common word), or finds
    the entries through the GIN index first (a rare one), whichever it expects to read
    less."""
    matches = model.objects.search(words, operator="and", order_by_relevance=False)
    return matches.get_queryset().values("pk")


def card_pictures_attach(pages) -> list:
    """Give each post and video its card picture (`card_picture`), all in one query.

    A video's picture is its poster; a post's is the first image in its text. Both are
    the consultant's own images on a page the viewer may already see, so a card shows
    nothing that the page does not.
    """
    pages = list(pages)
    first_image_ids = {}
    for page in pages:
        if isinstance(page, VideoPage):
            page.card_picture = page.poster
            continue
        page.card_picture = None
        body = getattr(page, "body", None)
        # The raw data holds the image ids: reading values would fetch each image.
        for block in body.raw_data if body is not None else []:
            value = block.get("value") or {}
            if block.get("type") == "image" and isinstance(value, dict) and value.get("image"):
                first_image_ids[page.pk] = value["image"]
                break
    if first_image_ids:
        images = PodiumImage.objects.filter(pk__in=first_image_ids.values()).prefetch_related(
            "renditions"
        )
        by_id = {image.pk: image for image in images}
        for page in pages:
            if page.pk in first_image_ids:
                page.card_picture = by_id.get(first_image_ids[page.pk])
    return pages


def profile_posts(*, profile, viewer) -> QuerySet:
    posts = viewer.visible(BlogPostPage.objects.child_of(profile))
    return posts.order_by("-first_published_at")


def profile_videos(*, profile, viewer) -> QuerySet:
    videos = viewer.visible(VideoPage.objects.child_of(profile))
    return videos.select_related("poster").order_by("-first_published_at")


def topic_pages(*, topic: Topic, viewer) -> dict:
    profiles = viewer.visible(_profile_rows().filter(topics=topic))
    posts = viewer.visible(BlogPostPage.objects.filter(topics=topic))
    videos = viewer.visible(VideoPage.objects.filter(topics=topic))
    # A post's visibility already includes its profile's (services.visibility_sync).
    return {
        "profiles": _with_card_data(profiles.order_by(*LISTING_ORDER)),
        "posts": posts.order_by("-first_published_at")[:20],
        "videos": videos.select_related("poster").order_by("-first_published_at")[:20],
    }


def public_posts(*, viewer) -> QuerySet:
    """Posts anyone may read: what feeds carry (they are read without signing in).

    A signed-in viewer whom a consultant has blocked does not get that consultant's.
    """
    posts = BlogPostPage.objects.live().filter(visibility=Audience.PUBLIC)
    return viewer.not_hidden(posts).order_by("-first_published_at")


def approved_testimonials(*, profile) -> QuerySet:
    return Testimonial.objects.filter(profile=profile, approved_at__isnull=False)


def pending_testimonials(*, profile) -> QuerySet:
    return Testimonial.objects.filter(profile=profile, approved_at__isnull=True)


def shown_past_engagements(*, profile) -> list:
    """Chosen engagements whose date has passed: never a future date or place (E34)."""
    today = timezone.localdate()
    return [e for e in profile.past_engagements.all() if e.show_on_profile and e.date < today]


def _page_record(page) -> dict:
    return {
        **fields_of(page, exclude=("consultant",)),
        "url": page.get_url(),
        "topics": [topic.name for topic in page.topics.all()],
    }


def records_of(*, user) -> dict:
    """The person's profile (every field and audience), what others wrote about them on
    it, their posts, videos and media, for the export of their own records."""
    profile = SpeakerProfilePage.objects.filter(consultant=user).first()
    collection_id = (
        ConsultantWorkspace.objects.filter(user=user)
        .values_list("collection_id", flat=True)
        .first()
    )
    images = PodiumImage.objects.filter(
        Q(collection_id=collection_id) | Q(uploaded_by_user=user)
    ).order_by("created_at")
    data = {
        "profile": None,
        "testimonials": [],
        "posts": [],
        "videos": [],
        "images": [
            {
                **fields_of(image, exclude=("file", "uploaded_by_user")),
                "file_name": image.file.name.rsplit("/", 1)[-1],
                # The scrubbed original is downloaded from its page in the admin.
                "link": reverse("wagtailimages:edit", args=[image.pk]),
            }
            for image in images
        ],
        "uploaded_videos": [
            {
                **fields_of(video, exclude=("source", "file", "captions", "uploaded_by")),
                "link": video.public_url,
            }
            for video in PodiumVideo.objects.filter(uploaded_by=user)
        ],
    }
    data.update(_page_admin_records(profile, user))
    if profile is None:
        return data
    data["profile"] = {
        **_page_record(profile),
        "languages": [language.name for language in profile.languages.all()],
        "links": [fields_of(link, exclude=("profile",)) for link in profile.links.all()],
        "past_engagements": [
            fields_of(engagement, exclude=("profile",))
            for engagement in profile.past_engagements.all()
        ],
        "rates": [fields_of(rate, exclude=("profile",)) for rate in profile.rates.all()],
    }
    # All of them, approved or waiting: the consultant sees and decides on each.
    data["testimonials"] = [
        fields_of(testimonial, exclude=("profile",)) for testimonial in profile.testimonials.all()
    ]
    data["posts"] = [
        _page_record(post) for post in BlogPostPage.objects.child_of(profile).order_by("path")
    ]
    data["videos"] = [
        _page_record(video) for video in VideoPage.objects.child_of(profile).order_by("path")
    ]
    return data


def _page_admin_records(profile, user) -> dict:
    """What Wagtail keeps about the person's pages: versions, history, comments, reviews.

    An editor's part in them is shown as what it said and did, never who they are.
    """
    page_ids = (
        [profile.pk, *profile.get_descendants().values_list("pk", flat=True)] if profile else []
    )
    object_ids = [str(pk) for pk in page_ids]
    comments = (
        Comment.objects.filter(Q(page_id__in=page_ids) | Q(user=user))
        .select_related("page")
        .prefetch_related("replies")
    )
    workflows = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id__in=object_ids
    ).prefetch_related("task_states")
    return {
        "page_revisions": [
            {
                "page": revision.object_str,
                "created_at": revision.created_at,
                "by_me": revision.user_id == user.pk,
                "content": revision.content,
            }
            for revision in Revision.page_revisions.filter(object_id__in=object_ids)
        ],
        "page_history": [
            {
                **fields_of(entry, exclude=("user", "page", "revision", "content_type")),
                "by_me": entry.user_id == user.pk,
            }
            for entry in PageLogEntry.objects.filter(page_id__in=page_ids)
        ],
        "page_comments": [
            {
                "page": comment.page.title,
                "text": comment.text,
                "created_at": comment.created_at,
                "resolved_at": comment.resolved_at,
                "by_me": comment.user_id == user.pk,
                "replies": [
                    {"text": r.text, "created_at": r.created_at, "by_me": r.user_id == user.pk}
                    for r in comment.replies.all()
                ],
            }
            for comment in comments
        ],
        "page_subscriptions": [
            {
                "page": subscription.page.title,
                "comment_notifications": subscription.comment_notifications,
            }
            for subscription in PageSubscription.objects.filter(user=user).select_related("page")
        ],
        "reviews": [
            {
                "status": workflow.status,
                "created_at": workflow.created_at,
                "steps": [
                    {
                        "status": step.status,
                        "started_at": step.started_at,
                        "finished_at": step.finished_at,
                        "comment": step.comment,
                    }
                    for step in workflow.task_states.all()
                ],
            }
            for workflow in workflows
        ],
    }


def search_engine_listable() -> Q:
    """Which consultant pages search engines may list, as a condition on `Page` rows.

    The same rule as ConsultantPage.allow_search_engine_indexing (a public page of a
    consultant who opted in), asked of a whole listing in one query instead of page by
    page: the sitemap lists thousands of pages. Each page type's own row is joined
    (one per page), and a post's or video's profile is found by its path, its parent's.
    """
    public = Audience.PUBLIC
    listable = Q(
        speakerprofilepage__visibility=public, speakerprofilepage__allow_search_engines=True
    )
    parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - SpeakerProfilePage.steplen)
    parent_opted_in = Exists(
        SpeakerProfilePage.objects.filter(path=parent_path, allow_search_engines=True)
    )
    for page_class in (BlogPostPage, VideoPage):
        listable |= Q(**{f"{page_class._meta.model_name}__visibility": public}) & Q(parent_opted_in)
    return listable
