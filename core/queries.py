"""Query pieces shared by apps that read several counts in one statement."""

from django.db.models import Func, IntegerField, QuerySet, Subquery


def count_of(queryset: QuerySet) -> Subquery:
    """The number of rows of `queryset`, as a scalar subquery to select beside others.

    COUNT as a plain function, not an aggregate, so the subquery has no GROUP BY and always
    answers one row (0 when nothing matches)."""
    return Subquery(
        queryset.order_by().annotate(n=Func("pk", function="COUNT")).values("n"),
        output_field=IntegerField(),
    )
