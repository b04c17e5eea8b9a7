from django.urls import path

from statements import views

app_name = "statements"

urlpatterns = [
    path("", views.statements, name="statements"),
    path("<uuid:statement_id>/", views.statement, name="statement"),
    path("<uuid:statement_id>/pdf/", views.statement_pdf_view, name="statement_pdf"),
    path("<uuid:statement_id>/revoke/", views.statement_revoke, name="statement_revoke"),
]
