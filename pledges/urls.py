"""Public URLs of the tracker (a contract: see README)."""

from django.urls import path

from pledges import views

app_name = "pledges"

urlpatterns = [
    path("pledges/", views.pledge_list, name="pledge-list"),
    path("pledges/<int:pk>/", views.pledge_detail, name="pledge-detail"),
    path("donors/<str:code>/", views.donor_detail, name="donor-detail"),
    path("systems/<slug:slug>/", views.system_detail, name="system-detail"),
    path("reports/<int:pk>/", views.report_detail, name="report-detail"),
]
