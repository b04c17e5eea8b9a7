from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.models import Resource


class ResourceViewSet(SnippetViewSet):
    model = Resource
    icon = "help"
    menu_label = "Resources"
    list_display = ["name", "category", "region", "phone"]
    list_filter = ["category"]
    search_fields = ["name"]


register_snippet(ResourceViewSet)
