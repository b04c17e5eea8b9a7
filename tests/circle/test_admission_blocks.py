"""Blocking a member, the list to unblock, the safety page and the circle's guide pages."""

import pytest
from django.urls import reverse

from circle.models import MemberBlock
from circle.selectors.membership import (
    CODE_OF_CONDUCT_SLUG,
    GRIEVANCE_SLUG,
    blocked_ids,
    guide_pages,
)
from cms import demo
from cms.models import StandardPage
from networking.viewer import viewer_for
from tests.circle.membership_people import member
from tests.factories import ConsultantFactory

pytestmark = pytest.mark.django_db


def test_blocking_hides_both_ways_and_nobody_is_told(client):
    me, them = member(name="Ada"), member(name="Quinn")
    client.force_login(me.user)

    first = client.post(reverse("circle:block_member", args=[them.user.public_id]))
    second = client.post(reverse("circle:block_member", args=[them.user.public_id]))

    assert (first.status_code, second.status_code) == (302, 302)
    assert MemberBlock.objects.count() == 1
    assert blocked_ids(viewer_for(me.user)) == frozenset({them.user.pk})
    assert blocked_ids(viewer_for(them.user)) == frozenset({me.user.pk})
    assert "Quinn" in client.get(reverse("circle:blocks")).content.decode()


def test_a_blocked_member_can_block_back_without_learning_anything(client):
    me, them = member(), member()
    MemberBlock.objects.create(blocker=them.user, blocked=me.user)
    client.force_login(me.user)

    response = client.post(reverse("circle:block_member", args=[them.user.public_id]))

    assert response.status_code == 302
    assert MemberBlock.objects.count() == 2


def test_unblocking(client):
    me, them = member(), member(name="Quinn")
    MemberBlock.objects.create(blocker=me.user, blocked=them.user)
    client.force_login(me.user)

    client.post(reverse("circle:unblock_member", args=[them.user.public_id]))

    assert MemberBlock.objects.count() == 0
    assert blocked_ids(viewer_for(me.user)) == frozenset()


def test_blocked_ids_is_read_once_per_viewer(django_assert_num_queries):
    me = member()
    MemberBlock.objects.create(blocker=me.user, blocked=member().user)
    viewer = viewer_for(me.user)
    with django_assert_num_queries(1):
        blocked_ids(viewer)
        blocked_ids(viewer)


@pytest.mark.parametrize("count", [1, 3])
def test_the_blocks_list_reads_a_fixed_number_of_queries(client, count, django_assert_num_queries):
    me = member()
    for _ in range(count):
        MemberBlock.objects.create(blocker=me.user, blocked=member().user)
    client.force_login(me.user)
    client.get(reverse("circle:blocks"))

    with django_assert_num_queries(QUERIES_BLOCKS):
        response = client.get(reverse("circle:blocks"))
    assert len(response.context["blocks"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_the_applicants_list_reads_a_fixed_number_of_queries(
    client, count, django_assert_num_queries
):
    me = member()
    for _ in range(count):
        member("applied")
    client.force_login(me.user)
    client.get(reverse("circle:applicants"))

    with django_assert_num_queries(QUERIES_APPLICANTS):
        response = client.get(reverse("circle:applicants"))
    assert len(response.context["applicants"]) == count


QUERIES_BLOCKS = 6
QUERIES_APPLICANTS = 7


def test_the_safety_page_is_honest_about_its_limits(client):
    client.force_login(ConsultantFactory())

    text = client.get(reverse("circle:safety")).content.decode()

    assert "screenshot" in text
    assert "the peer moderators can" in text
    assert "anyone vouched for can be inside" in text
    assert "never what was written or by whom" in text


def test_the_demo_writes_the_code_of_conduct_and_grievance_pages_once(client):
    demo.circle_guides()
    demo.circle_guides()

    pages = StandardPage.objects.filter(slug__in=[CODE_OF_CONDUCT_SLUG, GRIEVANCE_SLUG])
    assert pages.count() == 2
    urls = guide_pages()
    assert client.get(urls["code_url"]).status_code == 200
    assert "grievances@example.org" in client.get(urls["grievance_url"]).content.decode()
    client.force_login(ConsultantFactory())
    landing = client.get(reverse("circle:home")).content.decode()
    assert urls["code_url"] in landing
    assert urls["grievance_url"] in landing
