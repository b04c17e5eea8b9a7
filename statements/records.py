"""Statements in the person's export of their own records."""

from core.records import fields_of
from statements.codes import grouped
from statements.models import Statement


def records_of(*, user) -> dict:
    return {
        "statements": [
            {
                **fields_of(statement, exclude=("consultant", "request_key", "code")),
                "code": grouped(statement.code),
                "checks": [
                    fields_of(check, exclude=("statement",)) for check in statement.checks.all()
                ],
            }
            for statement in Statement.objects.filter(consultant=user).prefetch_related("checks")
        ]
    }
