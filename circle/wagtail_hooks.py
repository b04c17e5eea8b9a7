from django.urls import include, path
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from circle import admin_views
from circle.models import Circle, CircleReport, Member

# Registered before Wagtail meets the models anywhere else, or it would make a fallback
# policy of Django model permissions for them.
register_permission_policy(Member, admin_views.members_policy)
register_permission_policy(CircleReport, admin_views.escalations_policy)


@hooks.register("register_admin_urls")
def circle_admin_urls():
    urls = [
        path(
            "applications/<int:member_id>/",
            admin_views.application_decide,
            name="application_decide",
        ),
        path("moderators/<int:member_id>/", admin_views.moderator_set, name="moderator_set"),
        path(
            "escalations/<int:circle_report_id>/",
            admin_views.escalation_handle,
            name="escalation_handle",
        ),
    ]
    return [path("circle/", include((urls, "circle_admin")))]


@hooks.register("register_admin_viewset")
def circle_queues():
    return [
        admin_views.ApplicationViewSet(),
        admin_views.ModeratorViewSet(),
        admin_views.EscalationViewSet(),
    ]


# Editors create and describe the circles; nothing of what is written inside them is here.
# They cannot delete one (that would erase members' threads): a circle is retired by
# editing its description.
class CircleViewSet(SnippetViewSet):
    model = Circle
    icon = "group"
    menu_label = gettext_lazy("Circles")
    list_display = ["name", "kind", "position"]
    search_fields = ["name"]


register_snippet(CircleViewSet)
