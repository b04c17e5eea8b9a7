"""Listings in name order, twenty to a page: each visible profile exactly once, in the
same order for every way of asking (plain, a topic, a search, the topic page), and the
plan that serves that order on PostgreSQL without sorting every profile."""

import math
import random

import pytest
from allauth.mfa.models import Authenticator
from django.db import connection, transaction

from networking.services.safety import block_create
from portfolio.models.directory import PAGE_SIZE
from portfolio.selectors import directory_profiles, topic_pages
from portfolio.services import profile_pause
from portfolio.viewer import Viewer
from tests.conftest import module_world
from tests.factories import (
    ConsultantFactory,
    EditorFactory,
    OrganizationFactory,
    TopicFactory,
    member_of,
    published_profile,
)

# One worker builds the module's world once (fifty published profiles take seconds).
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("listing_order")]

# Two public profiles in four, one for the network, one private: a visitor's listing and
# a member's both run to more than one page. Names repeat, so that the primary key has
# to settle their order, and are given out of the order the profiles are created in.
AUDIENCES = ("public", "public", "network", "private")
COUNT = 50


def build_world():
    housing = TopicFactory(name="Housing", slug="housing")
    organization = OrganizationFactory()
    member = member_of(organization)
    numbers = list(range(COUNT))
    random.Random(7).shuffle(numbers)
    profiles = []
    for n in numbers:
        profile = published_profile(
            ConsultantFactory(),
            audience=AUDIENCES[n % len(AUDIENCES)],
            title=f"Name {n % 9}",
            headline="Keynotes" if n % 3 else "Workshops",
            topics=[housing] if n % 2 else [],
        )
        profiles.append(profile)
    paused, blocking, withdrawn = profiles[0], profiles[1], profiles[2]
    profile_pause(profile=paused)
    # Unpublished: no listing shows it, to anyone, though its words and topic match.
    withdrawn.unpublish()
    block_create(consultant=blocking.consultant, organization=organization)
    for profile in profiles:
        profile.refresh_from_db()
    editor = EditorFactory()
    # Editors reach the site only with a second factor.
    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={})
    return {
        "profiles": profiles,
        "viewers": {"visitor": None, "member": member, "editor": editor},
        "blocking": blocking,
        "topic": housing,
    }


built, world = module_world(build_world)


AUDIENCES_OF = {
    "visitor": ("public",),
    "member": ("public", "network"),
    "editor": ("public", "network", "private"),
}


def expected(world, viewer: str, keep=lambda profile: True) -> list[int]:
    """What each viewer may see, by the rules (live, audience, pause, block), by name."""
    shown = [
        p
        for p in world["profiles"]
        if p.live
        and p.visibility in AUDIENCES_OF[viewer]
        and not (viewer == "member" and p.pk == world["blocking"].pk)
        and keep(p)
    ]
    return [p.pk for p in sorted(shown, key=lambda p: (p.title, p.pk))]


def every_page(client, address: str) -> tuple[list[int], int]:
    """The profiles of each page of a listing, in order, and its number of pages."""
    separator = "&" if "?" in address else "?"
    first = client.get(address)
    pages = first.context["page_obj"].paginator.num_pages
    listed = []
    for number in range(1, pages + 1):
        response = client.get(f"{address}{separator}page={number}")
        assert response.context["page_obj"].number == number
        listed += [profile.pk for profile in response.context["profiles"]]
    return listed, pages


@pytest.mark.parametrize("viewer", AUDIENCES_OF)
def test_every_listing_shows_each_visible_profile_once_by_name_then_pk(client, world, viewer):
    if world["viewers"][viewer]:
        client.force_login(world["viewers"][viewer])
    on_housing = expected(world, viewer, keep=lambda p: p.topics.filter(slug="housing"))
    listings = {
        "/speakers/": expected(world, viewer),
        "/speakers/?topic=housing": on_housing,
        "/speakers/?q=keynotes": expected(world, viewer, keep=lambda p: p.headline != "Workshops"),
        "/speakers/topics/housing/": on_housing,
    }
    for address, profiles in listings.items():
        listed, pages = every_page(client, address)
        assert listed == profiles, address
        assert pages == math.ceil(len(profiles) / PAGE_SIZE), address
    # The listings are long enough to need several pages, and names repeat across them.
    assert len(listings["/speakers/"]) > PAGE_SIZE


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        # With few rows a sort costs nothing, and PostgreSQL would rightly choose one;
        # told to avoid sorting, it can only do so through an index in the listing order.
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize("viewer", AUDIENCES_OF)
def test_a_page_of_a_listing_is_read_in_name_order_from_the_index(postgres, world, viewer):
    viewer = Viewer(world["viewers"][viewer]) if world["viewers"][viewer] else Viewer.anonymous()
    listings = [
        directory_profiles(viewer=viewer, filters={})[:PAGE_SIZE],
        directory_profiles(viewer=viewer, filters={"topic": world["topic"]})[:PAGE_SIZE],
        topic_pages(topic=world["topic"], viewer=viewer)["profiles"][:PAGE_SIZE],
    ]
    for queryset in listings:
        plan = _plan(queryset)
        assert "podium_page_live_type_title" in plan, plan
        assert "Sort" not in plan, plan
