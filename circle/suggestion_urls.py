"""The one referral address an organization uses, mounted outside /circle/.

Its page and every link to it are seen by the organization, which must learn nothing of
the circle, not even from an address bar: it sits beside the booking pages instead.
"""

from django.urls import path

from circle.views import referrals

app_name = "suggested_speakers"

urlpatterns = [
    path("<int:referral_id>/", referrals.referral_choose, name="choose"),
]
