"""Top-level URLs: the public site, the admin and the health check."""

from django.contrib import admin
from django.urls import include, path

from pledges.views import healthz, overview

# A database outage outside a view is a 503 page, not a 500 (tracker/errors.py).
handler400 = "tracker.errors.bad_request"
handler500 = "tracker.errors.server_error"

admin.site.site_header = "Pledge tracker — editors"
admin.site.site_title = "Pledge tracker"

urlpatterns = [
    path("", overview, name="home"),
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("", include("pledges.urls")),
]
