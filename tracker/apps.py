"""The project's own app: middleware, database routing, caching and checks that cut across the site."""

from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = "Operations"

    def ready(self) -> None:
        from tracker import cache, checks  # noqa: F401  (signal receivers and system checks)
