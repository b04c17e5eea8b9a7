"""The insight demo: one fair-rate cell with figures, one with not enough data yet, and
a week of views on the demo consultant's dashboard."""

import pytest

from accounts.models import User
from insight.selectors import fair_rate_figures, fair_rate_in
from tests.demo.crawler import DEMO_GROUPS

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group(DEMO_GROUPS["en"])]
NORTH_AMERICA_USD = {"region": "north_america", "currency": "USD"}


def test_the_demo_publishes_one_cell_and_holds_back_another(demo, client):
    figures = fair_rate_figures()
    keynote = fair_rate_in(
        figures, {"engagement_type": "keynote", "format": "virtual"} | NORTH_AMERICA_USD
    )
    assert keynote is not None
    assert keynote.lower_quartile <= keynote.median <= keynote.upper_quartile
    assert (
        fair_rate_in(
            figures, {"engagement_type": "workshop", "format": "in_person"} | NORTH_AMERICA_USD
        )
        is None
    )
    client.force_login(User.objects.get(email="consultant@example.org"))
    page = client.get(
        "/insight/fair-rates/",
        {"engagement_type": "workshop", "format": "in_person", "currency": "USD"}
        | {"region": "north_america"},
    ).content.decode()
    assert "Not enough data yet." in page
    assert "Keynote" in page


def test_the_demo_consultant_sees_her_views_and_payments(demo, client):
    client.force_login(User.objects.get(email="consultant@example.org"))
    dashboard = client.get("/dashboard/").content.decode()
    assert "Insight on your work" in dashboard
    assert "31 views" in dashboard
    assert "Prairie Justice Institute" in dashboard  # her days to payment
