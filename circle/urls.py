from django.urls import path

app_name = "circle"

urlpatterns = []

# Who is inside, moderation, leaving.
from circle.views import membership, moderation  # noqa: E402 (each part adds its block)

urlpatterns += [
    path("", membership.home, name="home"),
    path("safety/", membership.safety, name="safety"),
    path("applicants/", membership.applicants, name="applicants"),
    path("applicants/<int:member_id>/vouch/", membership.vouch, name="vouch"),
    path("blocks/", membership.blocks, name="blocks"),
    path("block/<uuid:public_id>/", membership.block_member, name="block_member"),
    path("blocks/<uuid:public_id>/unblock/", membership.unblock_member, name="unblock_member"),
    path("leave/", membership.leave, name="leave"),
    path("report/post/<int:post_id>/", moderation.report_post, name="report_post"),
    path("report/member/<uuid:public_id>/", moderation.report_member, name="report_member"),
    path("moderation/", moderation.desk, name="moderation"),
    path("moderation/log/", moderation.log, name="moderation_log"),
    path("moderation/reports/<int:report_id>/", moderation.report_handle, name="report_handle"),
    path("moderation/posts/<int:post_id>/unhide/", moderation.unhide, name="unhide_post"),
    path(
        "moderation/members/<uuid:public_id>/reinstate/",
        moderation.reinstate,
        name="reinstate_member",
    ),
]
