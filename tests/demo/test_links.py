"""Every link a person can follow on the demo site leads somewhere: no 404, no server error.

The crawl (tests/demo/crawler.py) signs in as each demo role, in each interface language
(one test per language, each in the language's own worker group), and follows every
same-origin link.
"""

import pytest
from django.conf import settings

from tests.demo.crawler import DEMO_GROUPS, ROLES


def test_every_interface_language_is_crawled():
    assert set(DEMO_GROUPS) == {code for code, _name in settings.LANGUAGES}


@pytest.mark.slow
@pytest.mark.django_db
@pytest.mark.parametrize(
    "language",
    [pytest.param(code, marks=pytest.mark.xdist_group(name)) for code, name in DEMO_GROUPS.items()],
)
def test_every_link_of_the_demo_site_leads_somewhere(language, request):
    crawled = request.getfixturevalue(f"crawled_{language}")
    assert set(crawled) == set(ROLES)
    problems = []
    for role, crawl in crawled.items():
        assert crawl.fetched > 10, f"{role}/{language}: only {crawl.fetched} pages reached"
        problems += [f"[{role}/{language}] {problem}" for problem in crawl.problems]
    assert problems == [], "\n".join(problems)
