"""Fictional demo content: the demo consultant's statement for a lettings agency, checked
once. Runs after the networking demo, whose paid invoices it counts; loading twice adds
nothing. The agency and the person who checked are invented."""

from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from statements.models import Statement
from statements.services import statement_issue, statement_verify


def load() -> None:
    lina = User.objects.filter(email="consultant@example.org").first()
    if lina is None or Statement.objects.filter(consultant=lina).exists():
        return
    today = timezone.localdate()
    statement = statement_issue(
        consultant=lina, period_start=today - timedelta(days=365), period_end=today
    )
    statement_verify(
        code=statement.code,
        verifier_name="Jordan Reyes",
        verifier_organization="Maplewood Lettings",
    )
