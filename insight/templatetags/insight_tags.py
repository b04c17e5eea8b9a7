"""Insight shown inside other apps' pages (the dashboard, the opportunity form), which
load these tags instead of importing insight: the apps below it never see it."""

from django import template
from django.utils import timezone

from core.models import SiteSettings
from insight import selectors
from networking.enums import EventFormat
from portfolio.enums import EngagementType

register = template.Library()


@register.simple_tag
def own_work_insight(viewer):
    """The consultant's own figures, or None for anyone else."""
    if not viewer.has_perm("insight.see_own_insight"):
        return None
    return selectors.own_work_summary(consultant=viewer.user, today=timezone.localdate())


def _chosen(form, name: str) -> str:
    value = form[name].value()
    return str(value) if value else ""


@register.inclusion_tag("insight/_opportunity_figures.html", takes_context=True)
def fair_rate_beside_offer(context, form):
    """The figures for the engagement type, format and currency the form holds (as
    posted, or as saved), in the region of the organization making the offer."""
    request = context["request"]
    if not request.viewer.has_perm("insight.see_fair_rates"):
        return {"allowed": False}
    membership = request.viewer.membership
    cell = {
        "engagement_type": _chosen(form, "engagement_type"),
        "format": _chosen(form, "format"),
        "region": selectors.fair_rate_region_for_organization(
            membership.organization if membership else None
        ),
        "currency": _chosen(form, "currency"),
    }
    complete = all(cell.values())
    figures = selectors.fair_rate_figures()
    return {
        "allowed": True,
        "labels": {
            "engagement_type": dict(EngagementType.choices).get(cell["engagement_type"]),
            "format": dict(EventFormat.choices).get(cell["format"]),
            "region": cell["region"].label,
            "currency": cell["currency"],
        },
        "complete": complete,
        "figure": selectors.fair_rate_in(figures, cell) if complete else None,
        "figures": figures,
        "benchmarks": SiteSettings.load(request_or_site=request).benchmark_pairs(),
    }
