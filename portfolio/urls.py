from django.urls import path

from portfolio import views

app_name = "portfolio"

urlpatterns = [
    path("profile/pause/", views.pause, name="pause"),
    path("profile/resume/", views.resume, name="resume"),
    path("profile/featuring/", views.featuring, name="featuring"),
    path("profile/forget-old-versions/", views.forget_old_versions, name="forget_old_versions"),
    path("videos/", views.videos, name="videos"),
    path("testimonials/", views.testimonials, name="testimonials"),
    path(
        "testimonials/<uuid:testimonial_id>/approve/",
        views.testimonial_approve,
        name="testimonial_approve",
    ),
    path(
        "testimonials/<uuid:testimonial_id>/decline/",
        views.testimonial_decline,
        name="testimonial_decline",
    ),
]
