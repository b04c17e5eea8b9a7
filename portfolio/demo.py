"""Fictional speakers for `make run` (called by cms's load_demo), built from
portfolio.demo_data."""

import datetime
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify

from accounts import services as account_services
from accounts.enums import Role
from accounts.models import User
from core.media.services import image_create
from core.money import Currency
from portfolio import demo_images, services
from portfolio.demo_data import (
    BIO,
    DEMO_VIDEO,
    ENGAGEMENT_ORGANIZATIONS,
    SPEAKERS,
    TESTIMONIALS,
    TOPICS,
)
from portfolio.enums import Audience, Availability, RateUnit, Travel
from portfolio.models import (
    BlogPostPage,
    Language,
    PastEngagement,
    RateCardEntry,
    SpeakerProfilePage,
    Testimonial,
    Topic,
    VideoPage,
)


def load(password: str) -> None:
    topics = [
        Topic.objects.update_or_create(
            name=name,
            defaults={"description": text, "name_es": name_es, "description_es": text_es},
        )[0]
        for name, text, name_es, text_es in TOPICS
    ]
    for index, row in enumerate(SPEAKERS):
        _speaker(index, row, topics, password)


def _speaker(index, row, topics, password):
    email, name, headline, topic_ids, languages, country, audience, indexed, rates = row
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=password)
        account_services.user_register(user=user, role=Role.CONSULTANT)
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    profile = services.profile_for(user)
    if profile.live:
        return  # already loaded: the command is idempotent
    my_topics = [topics[i] for i in topic_ids]
    profile.title = name
    profile.slug = slugify(name)  # the address a consultant would choose
    profile.headline = headline
    profile.bio = BIO.format(name=name.split()[0], topic=my_topics[0].name.lower())
    profile.lived_experience = (
        "<p>I share parts of my own story when it helps an audience understand; I choose "
        "which parts.</p>"
    )
    profile.lived_experience_audience = Audience.NETWORK
    profile.country = country
    profile.travel = [Travel.INTERNATIONAL, Travel.IN_COUNTRY, Travel.NONE][index % 3]
    profile.virtual = index % 4 != 3
    profile.years_of_experience = 4 + index
    profile.audience = audience
    profile.allow_search_engines = indexed
    profile.rates_audience = Audience.PUBLIC if index % 2 == 0 else Audience.NETWORK
    profile.no_personal_story = index % 3 == 0
    profile.topics_not_discussed = "Details of my recruitment" if index % 2 else ""
    profile.availability = [Availability.OPEN, Availability.OPEN, Availability.LIMITED][index % 3]
    profile.topics = my_topics
    profile.languages = list(Language.objects.filter(code__in=languages))
    profile.rates = [
        RateCardEntry(
            engagement_type=kind,
            minimum_fee=Decimal(fee),
            currency=Currency.USD,
            unit=RateUnit.HOUR if fee < 200 else RateUnit.EVENT,
        )
        for kind, fee in rates
    ]
    profile.past_engagements = [
        PastEngagement(
            title=title,
            organization=ENGAGEMENT_ORGANIZATIONS[(index + n) % len(ENGAGEMENT_ORGANIZATIONS)],
            date=timezone.localdate() - datetime.timedelta(days=60 + index * 7 + n * 120),
            show_on_profile=True,
        )
        for n, title in enumerate(["Keynote, annual conference", "Staff training day"])
    ]
    _imagery(profile, user, index)
    # The demo's speakers have passed their first review, so they publish directly, as
    # in the admin: a revision, published by its author. Publishing writes the row from
    # the revision, so the instance in hand keeps its old address (url_path): pages are
    # added under the row as it now is.
    services.direct_publishing_grant(profile=profile)
    profile.save_revision(user=user).publish(user=user)
    profile = SpeakerProfilePage.objects.get(pk=profile.pk)
    # Forwarded by the consultant and entered by an editor (a snippet), then approved by
    # the consultant. Most speakers have one or two; a few have none yet.
    for text, author, organization in TESTIMONIALS[: 2 if index == 0 else index % 3]:
        testimonial = Testimonial.objects.create(
            profile=profile, text=text, author_name=author, author_role=organization
        )
        services.testimonial_approve(testimonial=testimonial)
    _content(profile, my_topics, index)


def _picture(user, title, content: bytes, extension: str):
    """A generated picture stored like an upload: scrubbed, in the consultant's collection.

    The file is not named after the title: a title made from a file name is replaced by
    "Untitled image" (core.models), and the demo's titles serve as alternative text.
    """
    return image_create(
        source=ContentFile(content, name=f"demo-picture.{extension}"),
        title=title,
        collection=user.workspace.collection,
        uploaded_by=user,
    )


def _imagery(profile, user, index):
    # Most speakers have a portrait; two keep the placeholder, as real profiles will.
    if index % 6 != 5:
        profile.photo = _picture(user, profile.title, demo_images.portrait(index), "png")
    if index % 3 == 0:
        profile.cover_image = _picture(
            user, f"{profile.title}: cover", demo_images.cover(index), "jpg"
        )


def _content(profile, topics, index):
    user = profile.consultant
    illustration = _picture(
        user, f"Illustration {index + 1}", demo_images.illustration(index), "jpg"
    )
    post = BlogPostPage(
        title=f"What I wish trainers knew about {topics[0].name.lower()}",
        audience=Audience.PUBLIC,
        summary="Three things that change how a room listens, from years of sessions.",
        content_note="Mentions exploitation in general terms." if index % 2 else "",
        body=[
            (
                "paragraph",
                "<p>Every session starts before anyone speaks: with how the "
                "invitation was written, and whether the fee was clear.</p>",
            ),
            (
                "image",
                {"image": illustration, "alt_text": "", "caption": ""},
            ),
            ("heading", {"text": "Start with the work, not the story", "level": "h2"}),
            (
                "paragraph",
                "<p>Ask what the audience needs to be able to do afterwards. "
                "A personal story is one tool among many, and it is mine to "
                "offer.</p>",
            ),
            ("quote", {"text": "Expertise first, story optional.", "attribution": ""}),
        ],
    )
    profile.add_child(instance=post)
    post.topics = topics
    post.save_revision(user=profile.consultant).publish(user=profile.consultant)
    if index % 3 == 0:
        video = VideoPage(
            title=f"Talk: {topics[0].name}",
            audience=Audience.PUBLIC,
            summary="A recorded talk (demo: the video link is a placeholder).",
            video_url=DEMO_VIDEO,
            poster=_picture(
                user, f"Talk poster {index + 1}", demo_images.illustration(index + 50), "jpg"
            ),
            transcript="Thank you for having me. Today I want to talk about what changes "
            "when the people affected are paid to shape the work.",
        )
        profile.add_child(instance=video)
        video.topics = topics
        video.save_revision(user=profile.consultant).publish(user=profile.consultant)
