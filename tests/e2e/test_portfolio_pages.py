"""Portfolio pages in the browser: axe-core, inert stored payloads, click-to-load video."""

import pytest
from playwright.sync_api import expect

from portfolio.models import BlogPostPage, VideoPage
from tests.e2e.conftest import LOCAL, axe_violations, url
from tests.factories import TopicFactory, published_child, published_profile

pytestmark = [
    pytest.mark.browser,
    # Real transactions: the live server answers the browser on its own thread and connection.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAYLOAD = "<img src=x onerror=\"alert('xss')\"><script>alert('xss')</script>"


@pytest.fixture
def pages():
    topic = TopicFactory(name="Housing", slug="housing")
    profile = published_profile(
        title="Ana Rivera",
        headline="Trainer on housing",
        bio="<p>Ana trains housing providers.</p>",
        topics=[topic],
        rates=[("keynote", 900)],
        rates_audience="public",
        lived_experience="<p>I choose what I share.</p>",
        lived_experience_audience="public",
        topics_not_discussed="My family",
    )
    post = published_child(
        profile,
        BlogPostPage,
        title="What trainers miss",
        summary="Three lessons.",
        content_note="Mentions exploitation.",
        topics=[topic],
        body=[
            ("paragraph", "<p>Start with the work.</p>"),
            ("quote", {"text": "Expertise first.", "attribution": "Ana"}),
            ("video", "https://vimeo.com/123456789"),
        ],
    )
    video = published_child(
        profile,
        VideoPage,
        title="A talk on housing",
        video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        transcript="Thank you for having me.",
        topics=[topic],
    )
    return {"profile": profile, "post": post, "video": video}


@pytest.mark.parametrize(
    "path",
    [
        "/speakers/",
        "/speakers/?topic=housing&budget=abc",
        "/speakers/topics/housing/",
        "profile",
        "profile:media-kit/",
        "post",
        "post:?read=1",
        "video",
    ],
)
def test_portfolio_pages_have_no_axe_violations(page, live_server, pages, path):
    if not path.startswith("/"):
        name, _, suffix = path.partition(":")
        path = pages[name].url + suffix
    page.goto(url(live_server, path))
    assert axe_violations(page) == []


def test_stored_payloads_fire_no_dialog(page, live_server):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    profile = published_profile(title=f"Name {PAYLOAD}", headline=PAYLOAD, bio=f"<p>{PAYLOAD}</p>")
    post = published_child(
        profile,
        BlogPostPage,
        title=f"Post {PAYLOAD}",
        summary=PAYLOAD,
        body=[("paragraph", f"<p>{PAYLOAD}</p>"), ("heading", {"text": PAYLOAD, "level": "h2"})],
    )

    for path in (profile.url, post.url, "/speakers/", f"/speakers/?q={PAYLOAD}"):
        page.goto(url(live_server, path))
        page.wait_for_load_state("load")
    assert dialogs == []


def test_a_video_loads_from_the_provider_only_after_play(page, live_server, pages):
    offsite = []
    page.on("request", lambda request: LOCAL.match(request.url) or offsite.append(request.url))

    page.goto(url(live_server, pages["video"].url))
    page.wait_for_load_state("load")
    assert offsite == []
    assert page.locator("iframe").count() == 0

    with page.expect_request(lambda request: "youtube-nocookie.com" in request.url):
        page.get_by_role("button", name="Play video").click()

    frame = page.locator("iframe")
    assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/")
    assert any("youtube-nocookie.com" in u for u in offsite)


def test_without_javascript_the_video_is_a_plain_link(browser, live_server, pages):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url(live_server, pages["video"].url))

    link = page.get_by_role("link", name="Watch on YouTube")
    assert link.get_attribute("href").startswith("https://www.youtube.com/watch?v=")
    expect(page.get_by_role("button", name="Play video")).not_to_be_visible()
    context.close()


def _storefront():
    """A profile with a photo, a cover, a testimonial and a post with a picture."""
    import io

    from django.core.files.base import ContentFile
    from PIL import Image

    from core.media.services import image_create
    from portfolio.models import Testimonial as ProfileTestimonial  # not a test class
    from tests.factories import ConsultantFactory

    consultant = ConsultantFactory()

    def picture(size):
        buffer = io.BytesIO()
        Image.new("RGB", size, (60, 120, 100)).save(buffer, format="PNG")
        return image_create(
            source=ContentFile(buffer.getvalue(), name="p.png"),
            title="Picture",
            collection=consultant.workspace.collection,
            uploaded_by=consultant,
        )

    profile = published_profile(
        consultant,
        title="Ana Rivera",
        headline="Trainer on housing",
        bio="<p>Ana trains housing providers.</p>",
        photo=picture((600, 600)),
        cover_image=picture((1600, 400)),
        rates=[("keynote", 900), ("workshop", 500)],
        rates_audience="public",
        country="ES",
    )
    ProfileTestimonial.objects.create(
        profile=profile,
        text="Clear and kind.",
        author_name="Sam Ortiz",
        author_role="Lakeside Learning Trust",
        approved_at=profile.last_published_at,
    )
    published_child(
        profile,
        BlogPostPage,
        title="What trainers miss",
        body=[("image", {"image": picture((1200, 675)), "alt_text": "", "caption": ""})],
    )
    return profile


@pytest.mark.parametrize("width", [320, 390, 1366])
def test_the_profile_is_a_storefront_at_every_width(browser, live_server, width):
    profile = _storefront()
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto(url(live_server, profile.url))

    request = page.get_by_role("link", name="Request this speaker")
    box = request.bounding_box()
    # Near the top on a phone, beside the name on a wide screen; never below the fold.
    assert box is not None
    assert box["y"] + box["height"] < 844 * (1.6 if width < 600 else 1)
    assert box["height"] >= 44
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.locator(".profile-cover img").evaluate("img => img.naturalWidth") > 0
    assert page.locator(".profile-hero .avatar img").evaluate("img => img.naturalWidth") > 0
    assert page.locator("figure.testimonial blockquote").count() == 1
    assert axe_violations(page) == []
    context.close()


def test_the_directory_filters_open_and_close_without_javascript(browser, live_server):
    published_profile(title="Ana Rivera")
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(url(live_server, "/speakers/"))

    search = page.locator("#id_q")
    assert search.count() == 1
    expect(search).not_to_be_visible()
    expect(page.get_by_role("link", name="Ana Rivera")).to_be_visible()
    page.get_by_text("Search and filter").click()
    expect(search).to_be_visible()
    context.close()


def test_on_a_wide_screen_the_directory_filters_start_open(page, live_server):
    published_profile(title="Ana Rivera")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(url(live_server, "/speakers/"))

    expect(page.locator("#id_q")).to_be_visible()
    assert axe_violations(page) == []
