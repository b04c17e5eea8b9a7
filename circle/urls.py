from django.urls import path  # noqa: F401 (each part of the circle adds its addresses below)

app_name = "circle"

urlpatterns = []
