"""Every link a person can follow on the demo site leads somewhere: no 404, no server error.

The crawl (tests/demo/crawler.py) signs in as each demo role, in both interface languages,
and follows every same-origin link.
"""

import pytest

from tests.demo.crawler import LANGUAGES, ROLES

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]


@pytest.mark.slow
def test_every_link_of_the_demo_site_leads_somewhere(crawled):
    assert set(crawled) == {(role, language) for role in ROLES for language in LANGUAGES}
    problems = []
    for (role, language), crawl in crawled.items():
        assert crawl.fetched > 10, f"{role}/{language}: only {crawl.fetched} pages reached"
        problems += [f"[{role}/{language}] {problem}" for problem in crawl.problems]
    assert problems == [], "\n".join(problems)
