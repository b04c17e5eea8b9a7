"""The speaker directory: facets, search, pagination, hostile input, bounded queries."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


# The same exact count for one item and for three: a query per item would show.
@pytest.mark.parametrize("count", [1, 3])
def test_the_directory_makes_a_bounded_number_of_queries(client, count, django_assert_num_queries):
    fill(count)
    client.get("/speakers/")
    with django_assert_num_queries(16):
        response = client.get("/speakers/?topic=topic-1&budget=600")
    assert len(response.context["profiles"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_profile_post_and_feed_make_a_bounded_number_of_queries(
    client, count, django_assert_num_queries
):
    profile = published_profile(title="Main", topics=[TopicFactory(name="T", slug="t")])
    for n in range(count):
        published_child(profile, BlogPostPage, title=f"Post {n}")
        published_child(
            profile, VideoPage, title=f"Video {n}", video_url="https://vimeo.com/123456789"
        )
    post = profile.get_children().type(BlogPostPage).first()
    client.get(profile.url)

    # One of them names the consultant (by public id) for the request link every visitor sees.
    with django_assert_num_queries(19):
        client.get(profile.url)
    with django_assert_num_queries(13):
        client.get(post.specific.url)
    with django_assert_num_queries(7):
        client.get("/speakers/feed/")
    with django_assert_num_queries(14):
        client.get("/speakers/topics/t/")
