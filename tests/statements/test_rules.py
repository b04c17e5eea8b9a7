"""Every statements permission, asked of each kind of person about each kind of statement."""

from datetime import timedelta

import pytest
from django.utils import timezone

from networking.viewer import viewer_for
from statements.models import Statement
from statements.rules import PERMISSIONS
from statements.services import statement_issue, statement_revoke
from tests.factories import ConsultantFactory, EditorFactory, OrganizationFactory, member_of

pytestmark = pytest.mark.django_db

# permission -> {(person, statement state): allowed}; person "owner" is the consultant.
PERMISSION_CASES = {
    "statements.issue_statement": {"owner": True, "other consultant": True, "member": False,
                                   "editor": False},
    "statements.view_statement": {("owner", "valid"): True, ("owner", "revoked"): True,
                                  ("owner", "expired"): True, ("other consultant", "valid"): False,
                                  ("member", "valid"): False, ("editor", "valid"): False},
    "statements.download_statement": {("owner", "valid"): True, ("owner", "revoked"): False,
                                      ("owner", "expired"): False,
                                      ("other consultant", "valid"): False,
                                      ("editor", "valid"): False},
    "statements.revoke_statement": {("owner", "valid"): True, ("owner", "revoked"): False,
                                    ("owner", "expired"): True,
                                    ("other consultant", "valid"): False,
                                    ("member", "valid"): False},
}  # fmt: skip


@pytest.fixture
def world(consultant):
    today = timezone.localdate()

    def issue():
        return statement_issue(consultant=consultant, period_start=today, period_end=today)

    revoked = statement_revoke(consultant=consultant, statement=issue())
    expired = issue()
    Statement.objects.filter(pk=expired.pk).update(
        issued_at=timezone.now() - timedelta(days=91), expires_at=timezone.now() - timedelta(days=1)
    )
    expired.refresh_from_db()
    return {
        "people": {
            "owner": consultant,
            "other consultant": ConsultantFactory(),
            "member": member_of(OrganizationFactory()),
            "editor": EditorFactory(),
        },
        "statements": {"valid": issue(), "revoked": revoked, "expired": expired},
    }


def test_every_permission_has_cases():
    assert set(PERMISSION_CASES) == set(PERMISSIONS)


@pytest.mark.parametrize("perm", sorted(PERMISSION_CASES))
def test_permission(world, perm):
    for case, allowed in PERMISSION_CASES[perm].items():
        if isinstance(case, tuple):
            person, state = case
            obj = world["statements"][state]
        else:
            person, obj = case, None
        viewer = viewer_for(world["people"][person])
        assert viewer.has_perm(perm, obj) is allowed, (perm, case)
