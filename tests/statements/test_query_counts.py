"""Statement pages make a fixed number of queries, whatever the number of items."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from statements.services import statement_issue, statement_verify
from tests.statements.conftest import paid_invoice

pytestmark = pytest.mark.django_db

# Signed in: session, user and group check, then the page's own reads (the statements;
# or the statement, its checks and today's paid invoices of its period) and the site
# settings. Verifying: the statement, the check written inside its savepoint (three
# statements), and the site settings.
EXACT = {"list": 5, "statement": 7, "verify": 5}


def _statements(consultant, organization, n):
    today = timezone.localdate()
    made = []
    for i in range(n):
        paid_invoice(consultant, organization, paid_on=today - timedelta(days=10 + i))
        statement = statement_issue(
            consultant=consultant, period_start=today - timedelta(days=60), period_end=today
        )
        statement_verify(
            code=statement.code, verifier_name=f"Checker {i}", verifier_organization="Agency"
        )
        made.append(statement)
    return made


@pytest.mark.parametrize("n", [1, 3])
def test_list_page_is_bounded(client, consultant, organization, n, django_assert_num_queries):
    made = _statements(consultant, organization, n)
    client.force_login(consultant)
    client.get(reverse("statements:statements"))  # the session's first request records it
    with django_assert_num_queries(EXACT["list"]):
        response = client.get(reverse("statements:statements"))
    html = response.content.decode()
    for statement in made:
        assert reverse("statements:statement", args=[statement.pk]) in html


@pytest.mark.parametrize("n", [1, 3])
def test_statement_page_is_bounded(client, consultant, organization, n, django_assert_num_queries):
    statement = _statements(consultant, organization, 1)[0]
    for i in range(n - 1):
        statement_verify(
            code=statement.code, verifier_name=f"Extra-checker-{i}", verifier_organization="X"
        )
    client.force_login(consultant)
    client.get(reverse("statements:statements"))  # the session's first request records it
    with django_assert_num_queries(EXACT["statement"]):
        page = client.get(reverse("statements:statement", args=[statement.pk]))
    assert page.content.decode().count("Extra-checker-") == n - 1


@pytest.mark.parametrize("n", [1, 3])
def test_verification_is_bounded(client, consultant, organization, n, django_assert_num_queries):
    statement = _statements(consultant, organization, n)[-1]
    fields = {"code": statement.code, "verifier_name": "J", "verifier_organization": "M"}
    client.get("/verify/")  # the site's settings row is made on the first page ever shown
    with django_assert_num_queries(EXACT["verify"]):
        page = client.post("/verify/", fields)
    assert "Podium issued this statement" in page.content.decode()
