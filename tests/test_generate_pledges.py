"""generate_pledges: synthetic published pledges with source reports, reproducible by seed."""

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from pledges.generate import pledges_generate
from pledges.models import Pledge, PledgeSource, Report
from pledges.reference import reference_load

pytestmark = pytest.mark.django_db


def test_it_makes_the_asked_number_of_published_sourced_pledges(capsys):
    call_command("generate_pledges", count=300, seed=7)
    assert Pledge.objects.public().count() == 300
    assert PledgeSource.objects.count() == 300
    assert "Added 300 pledges" in capsys.readouterr().out
    for pledge in Pledge.objects.select_related("source_report", "system")[:50]:
        assert pledge.source_report.body[pledge.evidence_start : pledge.evidence_end] == pledge.evidence
        assert pledge.category == pledge.system.category
        assert 2022 <= pledge.announced_on.year <= 2026


def test_it_skews_towards_a_few_big_donors():
    call_command("generate_pledges", count=2000, seed=3)
    counts = list(Pledge.objects.values("donor").annotate(n=Count("id")).order_by("-n").values_list("n", flat=True))
    assert sum(counts[:5]) > 0.5 * 2000
    assert len(counts) > 15


def test_the_same_seed_gives_the_same_pledges_and_runs_can_be_repeated():
    reference_load()
    call_command("generate_pledges", count=50, seed=11)
    first = list(Pledge.objects.order_by("id").values_list("donor__code", "system__slug", "quantity", "announced_on"))
    call_command("generate_pledges", count=50, seed=11)
    second = list(Pledge.objects.order_by("id").values_list("donor__code", "system__slug", "quantity", "announced_on"))[50:]
    assert first == second
    assert Pledge.objects.count() == 100  # the second run's reports did not collide with the first's


def test_a_count_below_one_is_refused():
    with pytest.raises(CommandError):
        call_command("generate_pledges", count=0)


def test_generating_pledges_orphans_cached_public_pages():
    # bulk_create and COPY send no signals: without an explicit invalidation
    # the overview would keep its old totals until the cache entries expired.
    from tracker.cache import cache_generation

    reference_load()  # its saves invalidate too; measure the generator alone
    before = cache_generation()
    pledges_generate(count=5, seed=3)
    assert cache_generation() != before
