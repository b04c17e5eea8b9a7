from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.core.management import CommandError, call_command

from accounts.enums import EDITORS_GROUP
from accounts.models import ConsultantWorkspace, User
from tests.demo.crawler import DEMO_GROUPS

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group(DEMO_GROUPS["en"])]


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


def test_load_demo_creates_the_documented_accounts_and_is_idempotent(demo, settings):
    loaded = row_counts()
    settings.DEBUG = True  # load_demo refuses otherwise
    call_command("load_demo", stdout=StringIO())
    assert row_counts() == loaded  # a second run adds nothing

    emails = set(User.objects.values_list("email", flat=True))
    assert {"consultant@example.org", "organization@example.org", "editor@example.org"} <= emails
    assert EmailAddress.objects.filter(verified=True).count() == len(emails)
    consultant = User.objects.get(email="consultant@example.org")
    assert consultant.check_password("podium-demo-2026")
    assert ConsultantWorkspace.objects.filter(user=consultant).count() == 1
    editor = User.objects.get(email="editor@example.org")
    assert editor.groups.filter(name=EDITORS_GROUP).exists()


def test_load_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    people = User.objects.count()

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo")
    assert User.objects.count() == people


def test_load_demo_fills_the_directory_with_a_dozen_fictional_speakers(demo, client):
    from portfolio.models import BlogPostPage, SpeakerProfilePage, VideoPage

    profiles = SpeakerProfilePage.objects.live()
    assert profiles.count() == 12
    assert set(profiles.values_list("visibility", flat=True)) == {"public", "network", "private"}
    assert BlogPostPage.objects.live().count() == 12
    assert VideoPage.objects.live().count() == 4
    directory = client.get("/speakers/")
    assert directory.status_code == 200
    assert len(directory.context["profiles"]) == profiles.filter(visibility="public").count()
    # A living site: generated portraits for most, a few covers, pictures in posts.
    assert profiles.filter(photo__isnull=False).count() == 10
    assert profiles.filter(cover_image__isnull=False).count() == 4
    for profile in profiles.filter(photo__isnull=False):
        assert profile.photo.collection_id == profile.consultant.workspace.collection_id
        assert profile.photo.uploaded_by_user_id == profile.consultant_id
    assert all(post.body[1].block_type == "image" for post in BlogPostPage.objects.live())
    assert VideoPage.objects.live().filter(poster__isnull=True).count() == 0


def test_load_demo_gives_the_demo_accounts_living_networking_dashboards(demo, client):
    from networking.enums import BookingState
    from networking.models import Booking, Opportunity, Organization, Report

    lina = User.objects.get(email="consultant@example.org")
    assert set(Booking.objects.filter(consultant=lina).values_list("state", flat=True)) == set(
        BookingState.values
    )
    assert Organization.objects.filter(logo="").count() == 0
    assert set(Organization.objects.values_list("verification", flat=True)) == {
        "verified",
        "pending",
        "unverified",
    }
    assert Opportunity.objects.filter(status="open").count() == 3
    assert Report.objects.filter(status="open").count() == 2
    client.force_login(lina)
    dashboard = client.get("/dashboard/").content.decode()
    assert "waiting for your answer" in dashboard
    bookings = client.get("/network/bookings/").content.decode()
    assert "Keynote: care that listens" in bookings
    client.force_login(User.objects.get(email="organization@example.org"))
    page = client.get("/network/organization/").content.decode()
    assert "Riverside Learning Collective" in page
    assert (
        "Recognising labour exploitation" in client.get("/network/opportunities/").content.decode()
    )


def test_load_demo_sets_limits_and_fills_one_speakers_month(demo, client):
    from networking.models import Capacity, Debrief
    from portfolio.models import SpeakerProfilePage

    lina = User.objects.get(email="consultant@example.org")
    assert Capacity.objects.get(user=lina).monthly_limit == 4
    assert Debrief.objects.filter(consultant=lina).count() == 1
    sophie = SpeakerProfilePage.objects.get(consultant__email="speaker07@example.org")
    assert "Not taking requests until" in client.get(sophie.url).content.decode()
    lina_profile = SpeakerProfilePage.objects.get(consultant=lina)
    assert "Not taking requests until" not in client.get(lina_profile.url).content.decode()


def test_load_demo_features_consenting_speakers_on_the_home_page(demo, client):
    from cms.models import FeaturedItem

    assert FeaturedItem.objects.count() >= 3
    html = client.get("/").content.decode()
    assert "Featured speakers" in html
    assert "Lina Okafor" in html


def test_every_demo_page_answers_at_its_own_address(demo, client):
    from allauth.mfa.models import Authenticator
    from wagtail.models import Page

    editor = User.objects.get(email="editor@example.org")
    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={})
    client.force_login(editor)  # editors may see every page, whatever its audience

    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert pages.count() > 20
    for page in pages:
        assert page.url_path == page.get_parent().url_path + page.slug + "/", page.title
        assert client.get(page.url).status_code == 200, page.url


def test_demo_content_has_the_national_hotline(demo):
    from cms.models import Resource

    hotline = Resource.objects.get(name="U.S. National Human Trafficking Hotline")
    assert (hotline.phone, hotline.text_line) == ("1-888-373-7888", "233733")
    assert set(Resource.objects.values_list("category", flat=True)) == {
        "hotline",
        "legal",
        "housing",
        "counselling",
        "jobs",
    }


def test_demo_consultant_has_a_statement_checked_once(demo):
    from statements.figures import digest_matches
    from statements.models import Statement, StatementCheck
    from statements.selectors import records_changed_since_issue

    statement = Statement.objects.get(consultant__email="consultant@example.org")
    assert statement.is_valid
    assert digest_matches(statement)
    assert statement.figures["entries"], "the demo's paid invoices are counted"
    # Issued after every other part of the demo paid its invoices: a fresh demo's
    # statement does not say the records changed since.
    assert not records_changed_since_issue(statement=statement)
    assert {e["organization"] for e in statement.figures["entries"]} == {None}
    assert StatementCheck.objects.filter(statement=statement).count() == 1
