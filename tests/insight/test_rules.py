"""Who may see what insight shows, and the region every country falls in."""

import pytest
from django_countries.data import COUNTRIES

from accounts.enums import Role
from insight.enums import Region, VisitorKind
from insight.regions import region_of
from networking.enums import OrganizationKind
from networking.viewer import viewer_for
from tests.factories import (
    ConsultantFactory,
    EditorFactory,
    OrganizationFactory,
    UserFactory,
    member_of,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("who", "fair_rates", "own"),
    [
        ("consultant", True, True),
        ("member", True, False),
        ("organization without one", False, False),
        ("editor", True, False),
    ],
)
def test_who_sees_which_insight(who, fair_rates, own):
    person = {
        "consultant": lambda: ConsultantFactory(),
        "member": lambda: member_of(OrganizationFactory()),
        "organization without one": lambda: UserFactory(role=Role.ORGANIZATION),
        "editor": lambda: EditorFactory(),
    }[who]()
    viewer = viewer_for(person)
    assert viewer.has_perm("insight.see_fair_rates") is fair_rates
    assert viewer.has_perm("insight.see_own_insight") is own


def test_every_country_has_a_region():
    assert {code for code in COUNTRIES if region_of(code) == Region.UNSPECIFIED} == set()
    assert region_of("") == Region.UNSPECIFIED
    assert (region_of("de"), region_of("KE"), region_of("MX"), region_of("CA")) == (
        Region.EUROPE,
        Region.AFRICA,
        Region.LATIN_AMERICA,
        Region.NORTH_AMERICA,
    )


def test_every_organization_type_has_its_kind_of_visitor():
    assert {VisitorKind.for_organization(kind) for kind in OrganizationKind.values} == {
        kind for kind in VisitorKind if kind.value.startswith("org_")
    }
