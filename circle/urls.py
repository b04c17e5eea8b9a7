from django.urls import path

from circle.views import forum

app_name = "circle"

urlpatterns = []

# Circles, threads and posts.
urlpatterns += [
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
]
