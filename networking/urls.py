from django.urls import path

from accounts import views as account_views
from networking.views import (
    bookings,
    calendar,
    capacity,
    conversations,
    money,
    opportunities,
    organizations,
    safety,
)

app_name = "networking"

urlpatterns = [
    path("organization/", organizations.organization, name="organization"),
    path("organization/invite/", organizations.organization_invite, name="invite"),
    path(
        "organization/members/<uuid:member_id>/remove/",
        organizations.member_remove,
        name="member_remove",
    ),
    path("organization/verification/", organizations.verification_apply, name="verification"),
    path("invitations/<str:token>/", organizations.invitation, name="invitation"),
    path("opportunities/", opportunities.opportunities, name="opportunities"),
    path("opportunities/new/", opportunities.opportunity_new, name="opportunity_new"),
    path("opportunities/<uuid:opportunity_id>/", opportunities.opportunity, name="opportunity"),
    path(
        "opportunities/<uuid:opportunity_id>/edit/",
        opportunities.opportunity_edit,
        name="opportunity_edit",
    ),
    path(
        "opportunities/<uuid:opportunity_id>/status/",
        opportunities.opportunity_status,
        name="opportunity_status",
    ),
    path(
        "opportunities/<uuid:opportunity_id>/interest/",
        opportunities.opportunity_interest,
        name="opportunity_interest",
    ),
    path(
        "interests/<uuid:interest_id>/withdraw/",
        opportunities.interest_withdraw,
        name="interest_withdraw",
    ),
    path("bookings/", bookings.bookings, name="bookings"),
    path("request/<uuid:consultant_id>/", bookings.booking_new, name="booking_new"),
    path("bookings/<uuid:booking_id>/", bookings.booking, name="booking"),
    path("bookings/<uuid:booking_id>/move/", bookings.booking_move, name="booking_move"),
    path("bookings/<uuid:booking_id>/invoice/", money.invoice_issue, name="invoice_issue"),
    path("bookings/<uuid:booking_id>/rating/", money.rating, name="rating"),
    path("bookings/<uuid:booking_id>/public/", money.show_publicly, name="show_publicly"),
    path("bookings/<uuid:booking_id>/testimonial/", money.testimonial, name="testimonial"),
    path("invoices/", money.invoices, name="invoices"),
    path("invoices/<uuid:invoice_id>/", money.invoice, name="invoice"),
    path("invoices/<uuid:invoice_id>/pdf/", money.invoice_pdf_view, name="invoice_pdf"),
    path("invoices/<uuid:invoice_id>/paid/", money.invoice_paid, name="invoice_paid"),
    path("earnings/", money.earnings, name="earnings"),
    path("earnings.csv", money.earnings_csv, name="earnings_csv"),
    path("calendar/", calendar.calendar, name="calendar"),
    path("calendar/reset/", calendar.calendar_reset, name="calendar_reset"),
    path(
        "calendar/days/<int:day_id>/remove/", calendar.unavailable_remove, name="unavailable_remove"
    ),
    path("calendar/<str:token>.ics", calendar.calendar_feed, name="calendar_feed"),
    path("inbox/", conversations.inbox, name="inbox"),
    path(
        "conversations/<uuid:conversation_id>/",
        conversations.conversation,
        name="conversation",
    ),
    path("attachments/<uuid:attachment_id>/", conversations.attachment, name="attachment"),
    path("report/<slug:kind>/<str:target_id>/", safety.report, name="report"),
    path("organizations/<uuid:organization_id>/block/", safety.block, name="block"),
    path("blocks/<int:block_id>/remove/", safety.unblock, name="unblock"),
    path("settings/", safety.settings, name="settings"),
    path("settings/limits/", capacity.capacity, name="capacity"),
    path(
        "settings/limits/topics/<int:avoided_id>/remove/",
        capacity.avoided_topic_remove,
        name="avoided_topic_remove",
    ),
    path("bookings/<uuid:booking_id>/debrief/", capacity.debrief, name="debrief"),
    # The first address of the export, kept for links people saved.
    path("export.json", account_views.records_export, name="export"),
    path("notifications/", safety.notifications, name="notifications"),
    path("notifications/read/", safety.notifications_read, name="notifications_read"),
    path(
        "notifications/<uuid:notification_id>/",
        safety.notification_open,
        name="notification_open",
    ),
]
