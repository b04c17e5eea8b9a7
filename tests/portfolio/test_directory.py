"""The speaker directory: facets, search, pagination, hostile input, bounded queries."""

from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Site

from core import page_cache
from portfolio.models import BlogPostPage, Language, VideoPage
from tests.factories import TopicFactory, published_child, published_profile

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return [p.title for p in response.context["profiles"]]


@pytest.fixture
def speakers():
    housing = TopicFactory(name="Housing", slug="housing")
    labour = TopicFactory(name="Labour rights", slug="labour-rights")
    spanish = Language.objects.get(code="es")
    return {
        "ana": published_profile(
            title="Ana",
            headline="Keynotes on housing",
            topics=[housing],
            languages=[spanish],
            country="MX",
            travel="international",
            virtual=True,
            rates=[("keynote", 900)],
            rates_audience="public",
        ),
        "bo": published_profile(
            title="Bo",
            headline="Workshops for supply chain auditors",
            topics=[labour],
            country="CA",
            travel="none",
            virtual=False,
            availability="limited",
            rates=[("workshop", 300)],
            rates_audience="public",
        ),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Ana", "Bo"]),
        ("topic=housing", ["Ana"]),
        ("engagement=workshop", ["Bo"]),
        ("language=es", ["Ana"]),
        ("country=CA", ["Bo"]),
        ("virtual=on", ["Ana"]),
        ("travel=international", ["Ana"]),
        ("availability=limited", ["Bo"]),
        ("budget=500", ["Bo"]),
        ("budget=1000", ["Ana", "Bo"]),
        ("q=auditors", ["Bo"]),
        ("q=keynotes+housing", ["Ana"]),
        ("q=nothing+matches+this", []),
        ("topic=housing&engagement=workshop", []),
    ],
)
def test_facets_and_search(client, speakers, query, expected):
    response = client.get(f"/speakers/?{query}")
    assert response.status_code == 200
    assert names(response) == expected


@pytest.mark.parametrize(
    "query",
    ["topic=nope", "budget=-5", "budget=abc", "engagement=x", "language=zz", "page=999", "page=x"],
)
def test_bad_filter_values_get_a_message_not_an_error(client, speakers, query):
    response = client.get(f"/speakers/?{query}")
    assert response.status_code == 200
    if not query.startswith("page"):
        assert "Some filters could not be used" in response.content.decode()


def test_pagination_keeps_the_filters(client):
    topic = TopicFactory(name="Housing", slug="housing")
    for n in range(23):
        published_profile(title=f"Speaker {n:02}", topics=[topic])

    first = client.get("/speakers/?topic=housing")
    second = client.get("/speakers/?topic=housing&page=2")

    assert len(first.context["profiles"]) == 20
    assert len(second.context["profiles"]) == 3
    assert "topic=housing&amp;page=2" in first.content.decode()


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    params=st.dictionaries(
        st.sampled_from(
            [
                "q",
                "topic",
                "engagement",
                "language",
                "country",
                "travel",
                "virtual",
                "budget",
                "page",
            ]
        ),
        st.text(max_size=60),
    )
)
def test_the_directory_never_errors_on_arbitrary_input(client, params):
    response = client.get("/speakers/", params)
    assert response.status_code == 200


def fill(count: int):
    topics = [TopicFactory(name=f"Topic {n}", slug=f"topic-{n}") for n in range(3)]
    for n in range(count):
        profile = published_profile(
            title=f"Speaker {n}",
            topics=topics,
            rates=[("keynote", 500), ("panel", 200)],
            rates_audience="public",
        )
        for kind in (BlogPostPage, VideoPage):
            extra = {"video_url": "https://vimeo.com/123456789"} if kind is VideoPage else {}
            published_child(profile, kind, title=f"{kind.__name__} {n}", topics=topics, **extra)
    return profile


# The same exact count for one item and for three: a query per item would show. With the
# cards, the filter form and the count kept (portfolio.fragments), what they show is not read.
@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize(("kept", "queries"), [(False, 11), (True, 8)])
@pytest.mark.parametrize(
    "query",
    [
        "",
        "topic=topic-1&budget=600",
        "topic=topic-1&engagement=panel&language=",
        "q=Speaker",
        "q=Speaker&topic=topic-2&page=1",
    ],
)
def test_the_directory_makes_a_bounded_number_of_queries(
    client, count, query, kept, queries, django_assert_num_queries
):
    fill(count)
    client.get("/")  # the site settings' row is written on the first request: a change
    client.get(f"/speakers/?{query}")
    if not kept:
        page_cache.purge()  # as any change to what visitors see does
    # The topics are read once for the filter, its check and the list of topics. Cards,
    # the filter form and a visitor's count not kept yet read the cards' topics, the
    # form's languages and the count.
    with django_assert_num_queries(queries):
        response = client.get(f"/speakers/?{query}")
    assert len(response.context["profiles"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_profile_post_topic_page_and_feeds_make_a_bounded_number_of_queries(
    client, count, django_assert_num_queries
):
    topic = TopicFactory(name="T", slug="t")
    profile = published_profile(title="Main", topics=[topic])
    for n in range(count):
        published_child(profile, BlogPostPage, title=f"Post {n}", topics=[topic])
        published_child(
            profile, VideoPage, title=f"Video {n}", video_url="https://vimeo.com/123456789"
        )
        published_profile(title=f"Other {n}", topics=[topic])
    post = profile.get_children().type(BlogPostPage).first()
    client.get(profile.url)

    # One of them names the consultant (by public id) for the request link every visitor
    # sees; one asks whether a limit she set closes her to requests today.
    with django_assert_num_queries(19):
        client.get(profile.url)
    with django_assert_num_queries(12):
        client.get(post.specific.url)
    with django_assert_num_queries(12):
        response = client.get("/speakers/topics/t/")
    assert len(response.context["profiles"]) == count + 1
    for feed in ("/speakers/feed/", "/speakers/feed/atom/"):
        with django_assert_num_queries(6):
            response = client.get(feed)
        assert response.content.decode().count("Post ") == count
    # A profile's feeds also find the profile and ask whether the visitor may see it.
    for feed in (profile.url + "feed/", profile.url + "feed/atom/"):
        with django_assert_num_queries(8):
            response = client.get(feed)
        assert response.content.decode().count("Post ") == count


@pytest.mark.parametrize("count", [1, 3])
def test_cards_read_the_sites_root_paths_once_per_response(client, count):
    """Cards are handed the request: an address written without it asks the cache for
    the site's root paths again, once per card."""
    topic = TopicFactory(name="T", slug="t")
    for n in range(count):
        profile = published_profile(title=f"Speaker {n}", topics=[topic])
        published_child(profile, BlogPostPage, title=f"Post {n}", topics=[topic])
    client.get("/speakers/topics/t/")

    for url in ("/speakers/", "/speakers/topics/t/", profile.url, "/speakers/feed/"):
        with mock.patch.object(
            Site, "get_site_root_paths", wraps=Site.get_site_root_paths
        ) as root_paths:
            client.get(url)
        assert root_paths.call_count <= 1, url


def test_the_topic_page_comes_in_pages_like_the_directory(client):
    topic = TopicFactory(name="Housing", slug="housing")
    for n in range(23):
        published_profile(title=f"Speaker {n:02}", topics=[topic])
    author = published_profile(title="Author", topics=[])
    published_child(author, BlogPostPage, title="On housing", topics=[topic])

    first = client.get("/speakers/topics/housing/")
    second = client.get("/speakers/topics/housing/?page=2")

    assert len(first.context["profiles"]) == 20
    assert "On housing" in first.content.decode()
    assert 'href="?page=2"' in first.content.decode()
    assert [p.title for p in second.context["profiles"]] == [
        "Speaker 20",
        "Speaker 21",
        "Speaker 22",
    ]
    assert 'href="?page=1"' in second.content.decode()
    assert "On housing" not in second.content.decode()
    # Out of range or not a number: the nearest page, as in the directory, never an error.
    for page, shown in (("999", 2), ("x", 1), ("-1", 2), ("", 1)):
        response = client.get(f"/speakers/topics/housing/?page={page}")
        assert response.status_code == 200
        assert response.context["page_obj"].number == shown
