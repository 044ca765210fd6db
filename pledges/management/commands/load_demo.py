"""Load the demo report (the user's seed report) with its two published pledges."""

from django.core.management.base import BaseCommand

from pledges.demo import demo_load
from pledges.reference import reference_ensure_loaded


class Command(BaseCommand):
    help = "Load the seed report and its two published pledges (idempotent)."

    def handle(self, *args, **options) -> None:
        reference_ensure_loaded()
        report = demo_load()
        self.stdout.write(f"Demo report {report.pk}: {report.pledge_links.count()} published pledges.")
