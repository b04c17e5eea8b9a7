from django.urls import path

from insight import views

app_name = "insight"
urlpatterns = [
    path("seen/<int:profile_id>.gif", views.seen, name="seen"),
    path("fair-rates/", views.fair_rates, name="fair_rates"),
]
