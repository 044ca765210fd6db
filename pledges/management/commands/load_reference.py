"""Load (upsert) donors and systems from fixtures/reference/."""

from django.core.management.base import BaseCommand

from pledges.reference import reference_load


class Command(BaseCommand):
    help = "Load donors and systems from fixtures/reference/ (idempotent)."

    def handle(self, *args, **options) -> None:
        result = reference_load()
        self.stdout.write(
            f"Donors: {result.donors_created} created, {result.donors_updated} updated. "
            f"Systems: {result.systems_created} created, {result.systems_updated} updated."
        )
