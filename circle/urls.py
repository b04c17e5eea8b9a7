from django.urls import path

from circle.views import forum, membership, mentoring, moderation, referrals

app_name = "circle"

urlpatterns = [
    # Who is inside, and leaving.
    path("", membership.home, name="home"),
    path("safety/", membership.safety, name="safety"),
    path("applicants/", membership.applicants, name="applicants"),
    path("applicants/<int:member_id>/vouch/", membership.vouch, name="vouch"),
    path("blocks/", membership.blocks, name="blocks"),
    path("block/<uuid:public_id>/", membership.block_member, name="block_member"),
    path("blocks/<uuid:public_id>/unblock/", membership.unblock_member, name="unblock_member"),
    path("leave/", membership.leave, name="leave"),
    # Circles, threads and posts.
    path("circles/", forum.circles, name="circles"),
    path("c/<slug:slug>/", forum.circle, name="circle"),
    path("c/<slug:slug>/join/", forum.circle_join, name="circle_join"),
    path("c/<slug:slug>/leave/", forum.circle_leave, name="circle_leave"),
    path("c/<slug:slug>/new/", forum.thread_new, name="thread_new"),
    path("t/<int:thread_id>/", forum.thread, name="thread"),
    path("p/<int:post_id>/edit/", forum.post_edit, name="post_edit"),
    path("p/<int:post_id>/delete/", forum.post_delete, name="post_delete"),
    path("search/", forum.search, name="search"),
    path("settings/", forum.circle_settings, name="settings"),
    # Reports and the peer moderators.
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
    # Mentoring.
    path("mentoring/", mentoring.mentoring, name="mentoring"),
    path("mentoring/ask/<uuid:public_id>/", mentoring.mentoring_request, name="mentoring_request"),
    path("mentoring/<int:mentorship_id>/", mentoring.mentorship, name="mentorship"),
    path(
        "mentoring/<int:mentorship_id>/answer/",
        mentoring.mentorship_answer,
        name="mentorship_answer",
    ),
    path("mentoring/<int:mentorship_id>/end/", mentoring.mentorship_end, name="mentorship_end"),
    # Referrals: the member's side (the organization's is in suggestion_urls).
    path("referrals/new/<uuid:booking_id>/", referrals.referral_new, name="referral_new"),
    path("referrals/<int:referral_id>/", referrals.referral, name="referral"),
]
