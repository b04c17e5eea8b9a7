"""Editors keep the fair-pay benchmark figures in site settings; rate cards show them."""

import pytest

from core.models import SiteSettings
from tests.factories import published_profile

pytestmark = pytest.mark.django_db


def test_rate_cards_show_the_benchmarks_editors_set(client):
    profile = published_profile(
        title="Tove Lind", rates=[("keynote", 900)], rates_audience="public"
    )
    html = client.get(profile.url).content.decode()
    assert "US federal grant cap (OJP/OVW): $81.25 per hour or $650 per day" in html
    settings = SiteSettings.load()
    settings.fair_pay_benchmarks = [
        ("benchmark", {"label": "Regional guideline", "figure": "€70 per hour"})
    ]
    settings.save()
    html = client.get(profile.url).content.decode()
    assert "Regional guideline: €70 per hour" in html
    assert "81.25" not in html
