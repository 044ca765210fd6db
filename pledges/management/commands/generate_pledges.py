"""Generate synthetic published pledges for benchmarks and screenshots."""

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pledges.generate import pledges_generate


class Command(BaseCommand):
    help = "Add N synthetic published pledges (2022–2026, skewed to big donors), each with a source report."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--count", type=int, required=True, help="How many pledges to add.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed: the same seed gives the same pledges.")

    def handle(self, *args, count: int, seed: int, **options) -> None:
        if count < 1:
            raise CommandError("--count must be at least 1")
        started = time.perf_counter()
        result = pledges_generate(count=count, seed=seed)
        self.stdout.write(
            f"Added {result.pledges:,} pledges from {result.reports:,} reports "
            f"in {time.perf_counter() - started:.1f} s."
        )
