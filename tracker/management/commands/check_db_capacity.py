"""Print, per database, the connections the deployment may open against max_connections."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tracker.checks import database_capacity


class Command(BaseCommand):
    help = "Compare workers × app servers × pool size with each PostgreSQL server's max_connections."

    def handle(self, *args, **options) -> None:
        too_many = []
        for alias in settings.DATABASES:
            capacity = database_capacity(alias)
            if capacity is None:
                self.stdout.write(f"{alias}: not PostgreSQL, nothing to check")
                continue
            verdict = "ok" if capacity.fits else "TOO MANY"
            self.stdout.write(
                f"{alias}: needs {capacity.needed} + {capacity.reserved} reserved "
                f"of max_connections {capacity.max_connections}: {verdict}"
            )
            if not capacity.fits:
                too_many.append(alias)
        if too_many:
            raise CommandError(f"connections exceed max_connections on {', '.join(too_many)}")
