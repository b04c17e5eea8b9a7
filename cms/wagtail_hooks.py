from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from accounts.rules import is_editor
from cms.editors_desk import EditorsDeskPanel
from cms.models import Resource


class ResourceViewSet(SnippetViewSet):
    model = Resource
    icon = "help"
    menu_label = "Resources"
    list_display = ["name", "category", "region", "phone"]
    list_filter = ["category"]
    search_fields = ["name"]


register_snippet(ResourceViewSet)


@hooks.register("construct_homepage_panels")
def editors_desk(request, panels):
    # Consultants use the admin for their own pages; the desk is for editors alone.
    if is_editor(request.user):
        panels.append(EditorsDeskPanel())
