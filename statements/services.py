"""Writes for statements: issuing, revoking, and recording a check. Keyword-only, atomic."""

import enum
import uuid
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from networking.errors import Forbidden, Hidden, Refused
from networking.viewer import as_viewer
from portfolio.models import SpeakerProfilePage
from statements import codes, figures
from statements.models import Statement, StatementCheck
from statements.selectors import paid_invoices, statement_by_code

# How long a statement can be verified: long enough for a rental or loan application to
# run its course, short enough that old figures do not keep circulating as current.
VALID_DAYS = 90
# The longest period one statement covers; landlords and lenders usually ask for months.
MAX_PERIOD_DAYS = 3 * 366
EARLIEST = date(2000, 1, 1)


class Outcome(enum.Enum):
    CONFIRMED = "confirmed"
    NO_LONGER_VALID = "no_longer_valid"
    NOT_CONFIRMED = "not_confirmed"


def _check_period(period_start: date, period_end: date) -> None:
    if period_end < period_start:
        raise Refused(_("The end of the period cannot be before its start."))
    if period_end > timezone.localdate():
        raise Refused(_("The period cannot end in the future."))
    if period_start < EARLIEST or (period_end - period_start).days > MAX_PERIOD_DAYS:
        raise Refused(_("A statement covers at most three years."))


def _printed_name(consultant) -> str:
    name = (
        SpeakerProfilePage.objects.filter(consultant=consultant)
        .values_list("title", flat=True)
        .first()
    )
    if not name:
        raise Refused(_("Give your profile a name first: it is the name the statement shows."))
    return name


@transaction.atomic
def statement_issue(
    *,
    consultant,
    period_start: date,
    period_end: date,
    shows_organizations: bool = False,
    request_key: uuid.UUID | None = None,
) -> Statement:
    """A new statement of the period, its figures frozen and signed now.

    The same form sent again (same request_key) returns the first statement.
    """
    if not as_viewer(consultant).has_perm("statements.issue_statement"):
        raise Forbidden(_("Only consultants can issue statements."))
    if request_key is not None:
        earlier = Statement.objects.filter(consultant=consultant, request_key=request_key).first()
        if earlier is not None:
            return earlier
    _check_period(period_start, period_end)
    issued_at = timezone.now()
    statement = Statement(
        consultant=consultant,
        period_start=period_start,
        period_end=period_end,
        shows_organizations=shows_organizations,
        figures=figures.snapshot(
            name=_printed_name(consultant),
            invoices=paid_invoices(
                consultant=consultant, period_start=period_start, period_end=period_end
            ),
            shows_organizations=shows_organizations,
        ),
        issued_at=issued_at,
        expires_at=issued_at + timedelta(days=VALID_DAYS),
        request_key=request_key,
    )
    return _save_with_fresh_code(statement)


def _save_with_fresh_code(statement: Statement) -> Statement:
    """Saves under a code no other statement has; a clash (about one in 2**58) draws again,
    and a second sending of the same form that won the race is returned instead."""
    for _attempt in range(5):
        statement.code = codes.new_code()
        statement.digest = figures.digest_of(statement)
        try:
            with transaction.atomic():
                statement.save()
            return statement
        except IntegrityError:
            if statement.request_key is not None:
                earlier = Statement.objects.filter(
                    consultant_id=statement.consultant_id, request_key=statement.request_key
                ).first()
                if earlier is not None:
                    return earlier
    raise Refused(_("The statement could not be issued. Please try again."))


@transaction.atomic
def statement_revoke(*, consultant, statement: Statement) -> Statement:
    """The code stops working at once; the statement stays in the consultant's list."""
    locked = Statement.objects.select_for_update().get(pk=statement.pk)
    if locked.is_revoked:
        raise Refused(_("This statement is already revoked."))
    if not as_viewer(consultant).has_perm("statements.revoke_statement", locked):
        raise Hidden(_("Not found."))
    locked.revoked_at = timezone.now()
    locked.save(update_fields=["revoked_at"])
    return locked


@transaction.atomic
def statement_verify(
    *, code: str, verifier_name: str, verifier_organization: str
) -> tuple[Outcome, Statement | None]:
    """What the verification page answers for a typed code, and the check it records.

    Only a confirmed statement is returned, and only then is the check recorded. A code
    that was never issued, or whose stored figures no longer match their signature,
    answers "not confirmed"; a revoked or expired one "no longer valid".
    """
    normalized = codes.normalized(code)
    statement = statement_by_code(code=normalized) if normalized else None
    if statement is None or not figures.digest_matches(statement):
        return Outcome.NOT_CONFIRMED, None
    if not statement.is_valid:
        return Outcome.NO_LONGER_VALID, None
    StatementCheck.objects.create(
        statement=statement,
        verifier_name=verifier_name,
        verifier_organization=verifier_organization,
        checked_at=timezone.now(),
    )
    return Outcome.CONFIRMED, statement
