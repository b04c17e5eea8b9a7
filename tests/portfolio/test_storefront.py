"""The profile as a storefront: pictures, the request action, the cover, cards and logos."""

import io
import re
from urllib.parse import unquote

import pytest
from django.core.files.base import ContentFile
from django.template import Context, Template
from django.urls import reverse
from PIL import Image

from core.media.services import image_create
from networking.services.safety import block_create
from portfolio.models import BlogPostPage, VideoPage
from portfolio.models import Testimonial as ProfileTestimonial  # not a test class
from portfolio.templatetags.portfolio_tags import TONES
from tests.factories import (
    ConsultantFactory,
    EditorFactory,
    OrganizationFactory,
    TopicFactory,
    member_of,
    published_child,
    published_profile,
)

pytestmark = pytest.mark.django_db


def picture(consultant, *, size=(900, 600), colour=(40, 120, 90), title="Picture"):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return image_create(
        source=ContentFile(buffer.getvalue(), name="picture.png"),
        title=title,
        collection=consultant.workspace.collection,
        uploaded_by=consultant,
    )


def render(source, **context):
    return Template("{% load portfolio_tags %}" + source).render(Context(context))


def request_link(profile):
    return reverse("networking:booking_new", args=[profile.consultant.public_id])


def test_avatar_shows_a_square_rendition_of_the_photo():
    consultant = ConsultantFactory()
    profile = published_profile(consultant, title="Mara Lind", photo=picture(consultant))

    html = render('{% avatar profile size="lg" alt=profile.title %}', profile=profile)

    small = profile.photo.get_rendition("fill-176x176|format-webp")
    large = profile.photo.get_rendition("fill-352x352|format-webp")
    assert (small.width, small.height) == (176, 176)
    assert f'src="{small.url}"' in html
    assert f"{large.url} 2x" in html
    assert 'alt="Mara Lind"' in html
    assert 'class="avatar avatar--lg"' in html
    assert "data:image/svg+xml" not in html


def test_avatar_without_a_photo_is_a_calm_placeholder_without_initials():
    profile = published_profile(title="Mara Lind")

    html = render('{% avatar profile size="sm" %}', profile=profile)

    drawing = re.search(r'<img class="avatar__image avatar__image--drawn" src="([^"]+)"', html)
    assert drawing is not None
    svg = unquote(drawing.group(1).removeprefix("data:image/svg+xml,"))
    assert svg.startswith("<svg")
    assert "<text" not in svg
    # No letters at all: neither "ML" nor any other text around or inside the picture.
    assert re.sub(r"<[^>]+>", "", html).strip() == ""
    assert re.sub(r"<[^>]+>", "", svg).strip() == ""
    assert 'width="48" height="48" alt=""' in html
    # The same profile always gets the same picture; its colours come from the palette.
    assert html == render('{% avatar profile size="sm" %}', profile=profile)
    assert any(background in svg for background, _shapes, _figure in TONES)


def test_placeholders_differ_between_profiles():
    pictures = {
        render("{% avatar profile %}", profile=published_profile(title=f"Speaker {n}"))
        for n in range(4)
    }
    assert len(pictures) == 4


def test_a_visitor_sees_request_this_speaker_leading_to_the_request(client):
    profile = published_profile(title="Mara Lind")

    html = client.get(profile.url).content.decode()

    assert "Request this speaker" in html
    assert f'href="{request_link(profile)}"' in html
    assert "Edit profile" not in html


def test_an_organization_member_sees_request_this_speaker(client):
    profile = published_profile(title="Mara Lind")
    client.force_login(member_of(OrganizationFactory()))

    html = client.get(profile.url).content.decode()

    assert f'href="{request_link(profile)}"' in html


def test_the_owner_sees_edit_profile_instead_of_the_request(client):
    profile = published_profile(title="Mara Lind")
    client.force_login(profile.consultant)

    html = client.get(profile.url).content.decode()

    assert "Request this speaker" not in html
    assert request_link(profile) not in html
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[profile.pk])}"' in html


@pytest.mark.parametrize("viewer", ["consultant", "editor"])
def test_people_who_cannot_request_see_no_request_action(client, viewer):
    profile = published_profile(title="Mara Lind")
    client.force_login(ConsultantFactory() if viewer == "consultant" else EditorFactory())

    html = client.get(profile.url).content.decode()

    assert "Request this speaker" not in html
    assert "Edit profile" not in html


def test_a_blocked_organization_gets_no_profile_and_no_request_action(client):
    profile = published_profile(title="Mara Lind")
    organization = OrganizationFactory()
    member = member_of(organization)
    block_create(consultant=profile.consultant, organization=organization)
    client.force_login(member)

    response = client.get(profile.url)

    assert response.status_code == 404
    assert request_link(profile) not in response.content.decode()


def test_the_cover_image_is_a_banner_and_absent_without_one(client):
    consultant = ConsultantFactory()
    profile = published_profile(consultant, cover_image=picture(consultant, size=(1600, 900)))

    html = client.get(profile.url).content.decode()

    banner = profile.cover_image.get_rendition("fill-1440x360|format-webp")
    assert 'class="profile-cover"' in html
    assert f'src="{banner.url}"' in html
    assert (banner.width, banner.height) == (1440, 360)
    assert 'class="profile-cover"' not in client.get(published_profile().url).content.decode()


def test_posts_and_videos_are_cards_with_their_own_picture_or_a_placeholder(client):
    consultant = ConsultantFactory()
    profile = published_profile(consultant, title="Mara Lind")
    illustration = picture(consultant, title="Illustration")
    published_child(
        profile,
        BlogPostPage,
        title="With a picture",
        body=[("image", {"image": illustration, "alt_text": "", "caption": ""})],
    )
    published_child(profile, BlogPostPage, title="Words only")
    published_child(
        profile,
        VideoPage,
        title="A talk",
        video_url="https://vimeo.com/123456789",
        poster=picture(consultant, title="Poster"),
    )

    html = client.get(profile.url).content.decode()

    cards = re.findall(r'<article class="card page-card[^"]*">.*?</article>', html, re.S)
    assert len(cards) == 3
    by_title = {re.search(r">([^<]+)</a></h3>", card).group(1): card for card in cards}
    assert illustration.get_rendition("fill-480x270|format-webp").url in by_title["With a picture"]
    assert 'class="card-art" src="data:image/svg+xml,' in by_title["Words only"]
    assert "/media/" not in by_title["Words only"]
    poster = VideoPage.objects.get(title="A talk").poster
    assert poster.get_rendition("fill-480x270|format-webp").url in by_title["A talk"]


def test_testimonials_read_as_quotes_with_the_logo_of_a_verified_organization(client):
    profile = published_profile(title="Mara Lind")
    verified = OrganizationFactory(name="Lakeside Learning Trust")
    verified.logo.save("logo.png", ContentFile(b"not read here"), save=True)
    suspended = OrganizationFactory(name="Quiet Harbour Agency")
    suspended.logo.save("logo.png", ContentFile(b"not read here"), save=True)
    suspended.suspended_at = verified.verified_at
    suspended.save()
    for name, organization in [("Ann", verified.name), ("Ben", suspended.name)]:
        ProfileTestimonial.objects.create(
            profile=profile,
            text=f"Words from {name}.",
            author_name=name,
            author_role=organization,
            approved_at=verified.verified_at,
        )

    html = client.get(profile.url).content.decode()

    quotes = re.findall(r'<figure class="testimonial">.*?</figure>', html, re.S)
    assert len(quotes) == 2
    ann = next(q for q in quotes if "Ann" in q)
    ben = next(q for q in quotes if "Ben" in q)
    assert "<blockquote" in ann
    assert "<figcaption" in ann
    assert f'src="{verified.logo.url}"' in ann
    assert "<img" not in ben  # a suspended organization lends no logo


def test_the_directory_puts_its_filters_in_a_disclosure_before_the_results(client):
    published_profile(title="Mara Lind", topics=[TopicFactory(name="Housing", slug="housing")])

    html = client.get("/speakers/").content.decode()

    details = re.search(r'<details class="directory-filters"( open)?>(.*?)</details>', html, re.S)
    assert details is not None
    assert details.group(1) is None  # closed: on a phone the results come first
    assert '<form class="filters' in details.group(2)
    assert "<summary" in details.group(2)
    assert html.index("directory-filters") < html.index('id="results-heading"')
    assert 'class="card profile-card"' in html
    assert '<span class="chip">Housing</span>' in html
    # A search in use keeps the filters open, so the person sees what they chose.
    searched = client.get("/speakers/?topic=housing").content.decode()
    assert '<details class="directory-filters" open>' in searched


def test_profile_cards_show_the_avatar_and_never_initials(client):
    consultant = ConsultantFactory()
    published_profile(consultant, title="Mara Lind", photo=picture(consultant))
    published_profile(title="Noor Vale")

    html = client.get("/speakers/").content.decode()

    cards = re.findall(r'<article class="card profile-card">.*?</article>', html, re.S)
    assert len(cards) == 2
    assert "/media/images/" in cards[0]
    assert "Mara Lind" in cards[0]
    assert "data:image/svg+xml" in cards[1]
    assert "Noor Vale" in cards[1]
    assert "/media/" not in cards[1]
    assert ">ML<" not in html
    assert ">NV<" not in html


# The same exact count for one post and for three: a query per post would show.
@pytest.mark.parametrize("count", [1, 3])
def test_a_profile_with_pictures_makes_a_bounded_number_of_queries(
    client, count, django_assert_num_queries
):
    consultant = ConsultantFactory()
    profile = published_profile(
        consultant, photo=picture(consultant), cover_image=picture(consultant)
    )
    illustration = picture(consultant)
    for n in range(count):
        published_child(
            profile,
            BlogPostPage,
            title=f"Post {n}",
            body=[("image", {"image": illustration, "alt_text": "", "caption": ""})],
        )
    client.get(profile.url)  # renditions are made on the first view

    # One query asks whether a limit the consultant set closes her to requests today;
    # the view restrictions of the page and its ancestors are one (core.models.pages).
    with django_assert_num_queries(23):
        client.get(profile.url)


# A profile open to search engines also carries its schema.org Person with its topics:
# the description, the structured data and the list of topics read one query between them.
@pytest.mark.parametrize("count", [1, 3])
def test_an_indexed_profile_reads_its_topics_once(client, count, django_assert_num_queries):
    consultant = ConsultantFactory()
    topics = [TopicFactory(name=f"Topic {n}", slug=f"topic-{n}") for n in range(count)]
    profile = published_profile(consultant, topics=topics, allow_search_engines=True)
    client.get(profile.url)

    # The view restrictions of the page and its ancestors are one query (core.models.pages).
    with django_assert_num_queries(19) as queries:
        response = client.get(profile.url)

    assert response.status_code == 200
    assert b'"knowsAbout"' in response.content
    topic_reads = [q for q in queries.captured_queries if 'FROM "portfolio_topic"' in q["sql"]]
    assert len(topic_reads) == 1


def test_a_photo_whose_file_is_gone_falls_back_to_the_drawing(client):
    consultant = ConsultantFactory()
    photo = picture(consultant)
    profile = published_profile(consultant, title="Mara Lind", photo=photo, cover_image=photo)
    photo.file.storage.delete(photo.file.name)

    response = client.get(profile.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "avatar__image--drawn" in html
    assert 'class="profile-cover"' in html
    assert "profile-cover__image" not in html


@pytest.mark.parametrize(
    ("audience", "opted_in", "shared"),
    [("public", True, True), ("public", False, False), ("network", True, False)],
)
def test_link_previews_show_the_photo_only_of_profiles_open_to_search_engines(
    client, settings, audience, opted_in, shared
):
    consultant = ConsultantFactory()
    profile = published_profile(
        consultant, audience=audience, allow_search_engines=opted_in, photo=picture(consultant)
    )
    client.force_login(consultant)  # so that a network profile can be fetched

    html = client.get(profile.url).content.decode()

    found = re.search(r'<meta property="og:image" content="([^"]+)">', html)
    assert (found is not None) is shared
    if shared:
        url = found.group(1)
        assert url.startswith(settings.PODIUM_SITE_URL + settings.MEDIA_URL)
        assert url.endswith(".jpg")
        rendition = profile.photo.renditions.get(file__endswith=url.rsplit("/", 1)[1])
        with rendition.file.open("rb") as stored:
            shown = Image.open(stored)
            assert (shown.format, shown.size, dict(shown.getexif())) == ("JPEG", (600, 600), {})
        assert '<meta property="og:image:width" content="600">' in html
        # The page's own address as the sitemap and feeds give it: the site's configured one.
        assert f'<meta property="og:url" content="{settings.PODIUM_SITE_URL}{profile.url}">' in html
