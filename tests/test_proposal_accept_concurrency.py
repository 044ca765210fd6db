"""Two editors accepting the same proposal at the same moment get exactly one pledge (PostgreSQL)."""

import threading

import pytest
from django.db import connection

from pledges.models import Pledge, PledgeSource
from pledges.services.errors import ProposalAlreadyDecided
from pledges.services.proposals import proposal_accept
from tests.factories import ProposalFactory, UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _accept_in_threads(proposal, users) -> list:
    barrier = threading.Barrier(len(users))
    outcomes = [None] * len(users)

    def run(index: int, user) -> None:
        try:
            barrier.wait(timeout=10)
            outcomes[index] = proposal_accept(proposal=proposal, user=user)
        except Exception as exc:  # noqa: BLE001 - the test inspects what each thread met
            outcomes[index] = exc
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=run, args=(i, user)) for i, user in enumerate(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def test_two_editors_accepting_at_once_make_exactly_one_pledge(postgres_only):
    users = [UserFactory(username="first"), UserFactory(username="second")]
    for _ in range(5):  # several rounds, so the threads really meet at the lock
        proposal = ProposalFactory()
        outcomes = _accept_in_threads(proposal, users)

        pledges = [o for o in outcomes if isinstance(o, Pledge)]
        refusals = [o for o in outcomes if isinstance(o, ProposalAlreadyDecided)]
        assert len(pledges) == 1 and len(refusals) == 1, outcomes
        assert Pledge.objects.filter(proposal=proposal).count() == 1
        assert PledgeSource.objects.filter(proposal=proposal).count() == 1
