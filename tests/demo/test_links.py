"""Every link a person can follow on the demo site leads somewhere: no 404, no server error.

The crawl (tests/demo/crawler.py) signs in as each demo role, in each interface language,
and follows every same-origin link; each language's crawl is a test of its own, in that
language's worker group.
"""

import pytest
from django.conf import settings

from tests.demo.crawler import DEMO_GROUPS, ROLES


def test_every_interface_language_is_crawled():
    assert set(DEMO_GROUPS) == {code for code, _name in settings.LANGUAGES} == {"en", "es"}


def broken_links(crawled, language: str) -> list[str]:
    assert set(crawled) == set(ROLES)
    problems = []
    for role, crawl in crawled.items():
        assert crawl.fetched > 10, f"{role}/{language}: only {crawl.fetched} pages reached"
        problems += [f"[{role}/{language}] {problem}" for problem in crawl.problems]
    return problems


@pytest.mark.slow
@pytest.mark.django_db
@pytest.mark.xdist_group(DEMO_GROUPS["en"])
def test_every_link_of_the_english_demo_site_leads_somewhere(crawled_en):
    problems = broken_links(crawled_en, "en")
    assert problems == [], "\n".join(problems)


@pytest.mark.slow
@pytest.mark.django_db
@pytest.mark.xdist_group(DEMO_GROUPS["es"])
def test_every_link_of_the_spanish_demo_site_leads_somewhere(crawled_es):
    problems = broken_links(crawled_es, "es")
    assert problems == [], "\n".join(problems)
