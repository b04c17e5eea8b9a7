from django.urls import path

app_name = "circle"

urlpatterns = []

# Mentoring and referrals.
from circle.views import mentoring, referrals  # noqa: E402 (each part's block stands alone)

urlpatterns += [
    path("mentoring/", mentoring.mentoring, name="mentoring"),
    path("mentoring/ask/<uuid:public_id>/", mentoring.mentoring_request, name="mentoring_request"),
    path("mentoring/<int:mentorship_id>/", mentoring.mentorship, name="mentorship"),
    path(
        "mentoring/<int:mentorship_id>/answer/",
        mentoring.mentorship_answer,
        name="mentorship_answer",
    ),
    path("mentoring/<int:mentorship_id>/end/", mentoring.mentorship_end, name="mentorship_end"),
    path("referrals/new/<uuid:booking_id>/", referrals.referral_new, name="referral_new"),
    path("referrals/<int:referral_id>/", referrals.referral, name="referral"),
]
