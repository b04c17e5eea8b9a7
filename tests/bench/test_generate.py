"""The bench's data generator (bench/generate.py): the rows it writes are the app's, the
profile it makes renders through the app, and a rerun adds only what is missing."""

import json
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from accounts.models import ConsultantWorkspace, User
from bench.generate import generate
from core.media.models import PodiumImage
from networking.models import Booking, BookingEvent, Organization
from portfolio.enums import Audience
from portfolio.models import BlogPostPage, SpeakerProfilePage, VideoPage

pytestmark = pytest.mark.django_db


def quiet(text):
    pass


def counts():
    return {
        "users": User.objects.count(),
        "pages": Page.objects.count(),
        "workspaces": ConsultantWorkspace.objects.count(),
        "posts": BlogPostPage.objects.count(),
        "videos": VideoPage.objects.count(),
        "organizations": Organization.objects.count(),
        "bookings": Booking.objects.count(),
        "events": BookingEvent.objects.count(),
        "restrictions": PageViewRestriction.objects.count(),
    }


def test_generate_makes_the_sizes_asked_and_a_rerun_adds_only_the_difference():
    made = generate(20, say=quiet)
    first = counts()
    again = generate(20, say=quiet)
    unchanged = counts()
    more = generate(22, say=quiet)

    assert made == {"pages": 124, "consultants": 20, "organizations": 4, "bookings": 40}
    assert (first["workspaces"], first["posts"], first["videos"]) == (20, 100, 4)
    assert again == {"pages": 0, "consultants": 0, "organizations": 0, "bookings": 0}
    assert unchanged == first
    assert more == {"pages": 13, "consultants": 2, "organizations": 0, "bookings": 4}
    # The tree is what treebeard would have built (paths, depths, numchild).
    assert Page.find_problems() == ([], [], [], [], [])


def test_generated_pages_render_through_the_app_and_narrowed_ones_are_restricted(client):
    generate(20, say=quiet)
    profile = SpeakerProfilePage.objects.get(slug="speaker-00000")
    post = BlogPostPage.objects.child_of(profile).get(slug="field-notes-1")
    network_profile = SpeakerProfilePage.objects.filter(visibility=Audience.NETWORK).first()

    page = client.get(profile.url).content.decode()
    article = client.get(post.url).content.decode()
    hidden = client.get(network_profile.url)

    assert profile.live_revision_id == profile.latest_revision_id is not None
    assert profile.photo is not None
    assert "Speaker 00000" in page
    assert "Field notes 1 from Speaker 00000" in page
    assert "What changed" in article
    assert network_profile.title not in hidden.content.decode()
    assert PageViewRestriction.objects.filter(page=network_profile).exists()
    assert not PageViewRestriction.objects.filter(
        page__in=SpeakerProfilePage.objects.filter(visibility=Audience.PUBLIC)
    ).exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the bulk index writer is for PostgreSQL's backend"
)
# No enclosing transaction: the entries are written alongside, on a second connection; the
# migrated content comes back before and after, as for every transactional test here.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_search_entries_are_those_the_search_backend_writes_itself():
    generate(3, say=quiet)
    models = (SpeakerProfilePage, BlogPostPage, VideoPage, PodiumImage)
    kinds = ContentType.objects.get_for_models(*models).values()
    columns = ("content_type_id", "object_id", "title", "autocomplete", "body")
    entries = IndexEntry.objects.filter(content_type__in=kinds).order_by(*columns[:2])
    written = list(entries.values_list(*columns, "title_text", "body_text"))

    backend = get_search_backend()
    for model in models:
        backend.add_bulk(model, list(model.objects.all()))
    rewritten = list(entries.values_list(*columns, "title_text", "body_text"))

    assert len(written) == 3 + 15 + 1 + 1  # profiles, posts, a video, a photo
    assert written == rewritten
    assert sum("What changed" in body_text for *_, body_text in written) == 15  # the posts


def test_each_page_has_one_revision_holding_what_serializable_data_gives_for_it():
    generate(3, say=quiet)
    pages = [
        page
        for model in (SpeakerProfilePage, BlogPostPage, VideoPage)
        for page in model.objects.all()
    ]

    assert len(pages) == 3 + 15 + 1
    for page in pages:
        content = page.latest_revision.content
        # Through JSON as Revision.content stores it (dates as text, to the millisecond).
        expected = json.loads(json.dumps(page.serializable_data(), cls=DjangoJSONEncoder))
        # What the page gained after its revision was taken: the pointers to it, and the
        # profile's posts.
        for after in ("latest_revision", "live_revision", "numchild"):
            assert content.pop(after) == (0 if after == "numchild" else None)
            expected.pop(after)
        for name in ("topics", "languages"):  # a set: the admin keeps no order either
            assert sorted(content.pop(name, [])) == sorted(expected.pop(name, []))
        if "body" in content:  # the stream as JSON text: its keys in the order written
            assert json.loads(content.pop("body")) == json.loads(expected.pop("body"))
        for rate in (*content.get("rates", []), *expected.get("rates", [])):
            rate["minimum_fee"] = Decimal(rate["minimum_fee"])  # "250" read back as "250.00"
            if connection.vendor != "postgresql":
                rate.pop("pk")  # elsewhere rate cards get their ids after the revision
        assert content == expected
        assert page.live_revision_id == page.latest_revision_id


DANGLING = (
    "SELECT count(*) FROM {table} t WHERE t.{column} IS NOT NULL"
    " AND NOT EXISTS (SELECT 1 FROM {target} r WHERE r.{key} = t.{column})"
)


def dangling_references() -> dict[str, int]:
    """Rows whose foreign key names a row that does not exist, per table and column."""
    found = {}
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            if model._meta.proxy or not model._meta.managed:
                continue
            for field in model._meta.local_concrete_fields:
                if not (field.remote_field and field.db_constraint):
                    continue
                quote = connection.ops.quote_name
                target = field.target_field
                names = {
                    "table": quote(model._meta.db_table),
                    "column": quote(field.column),
                    "target": quote(target.model._meta.db_table),
                    "key": quote(target.column),
                }
                # Names from the models, quoted; no value is written into the statement.
                sql = DANGLING.format(**names)
                cursor.execute(sql)
                if count := cursor.fetchone()[0]:
                    found[f"{model._meta.db_table}.{field.column}"] = count
    return found


def test_every_reference_of_a_generated_database_names_an_existing_row():
    # The generator may write with foreign key checks off (bench/gen_tree.loading_session).
    generate(4, say=quiet)
    generate(6, say=quiet)

    assert User.objects.count() > 6
    assert dangling_references() == {}
