from django.urls import Resolver404, resolve
from wagtail import hooks
from wagtail.admin.menu import SubmenuMenuItem

from accounts import admin_reach
from accounts.rules import is_editor


@hooks.register("construct_main_menu")
@hooks.register("construct_reports_menu")
@hooks.register("construct_settings_menu")
def hide_menu_items_out_of_reach(request, menu_items):
    """A menu item that would answer "not found" is not offered (accounts.admin_reach)."""
    if admin_reach.has_whole_admin(request.user):
        return
    menu_items[:] = [item for item in menu_items if _in_reach(request, item)]


def _in_reach(request, item) -> bool:
    if isinstance(item, SubmenuMenuItem):
        return bool(item.menu.menu_items_for_request(request))
    if not admin_reach.is_admin_path(item.url):
        return True
    try:
        match = resolve(item.url.split("?")[0])
    except Resolver404:
        return False
    return match.view_name in admin_reach.CONSULTANT_REACH


@hooks.register("construct_main_menu")
def consultants_need_no_wagtail_help(request, menu_items):
    # Wagtail's help menu is about Wagtail itself (release notes, its editor guide);
    # editors may want it, a consultant writing their profile does not.
    if not is_editor(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "help"]
