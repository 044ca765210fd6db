"""Public URLs of the tracker (a contract: see README, "Public site and exports")."""

from django.urls import path, re_path

from pledges import views

app_name = "pledges"

urlpatterns = [
    path("pledges/", views.pledge_list, name="pledge-list"),
    path("pledges.csv", views.pledges_csv, name="pledges-csv"),
    path("pledges.json", views.pledges_json, name="pledges-json"),
    path("pledges/<int:pk>/", views.pledge_detail, name="pledge-detail"),
    path("donors/", views.donor_list, name="donor-list"),
    # Codes are letters only (DE, EU, NATO): anything else is a 404 before the
    # database sees it (PostgreSQL refuses a NUL byte with an error, not a miss).
    re_path(r"^donors/(?P<code>[A-Za-z]{2,4})/$", views.donor_detail, name="donor-detail"),
    path("systems/", views.system_list, name="system-list"),
    path("systems/<slug:slug>/", views.system_detail, name="system-detail"),
    path("reports/<int:pk>/", views.report_detail, name="report-detail"),
    path("about/data/", views.about_data, name="about-data"),
]
