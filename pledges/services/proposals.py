"""Deciding proposals: accept (publish a pledge), reject (with a reason), link (a re-announcement)."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from pledges.choices import Qualifier, ReviewState
from pledges.models import Pledge, PledgeSource, Proposal
from pledges.services.errors import ProposalAlreadyDecided, ProposalIncomplete, SourceAlreadyLinked

_QUALIFIERS_WITHOUT_NUMBER = {Qualifier.VAGUE, Qualifier.UNDISCLOSED}


def _lock_pending(proposal: Proposal) -> Proposal:
    """The proposal's row, locked until the transaction ends, if still pending.

    Two editors deciding the same proposal at the same moment queue on this
    lock (PostgreSQL); the second finds it decided and is told so.
    """
    locked = Proposal.objects.select_for_update(of=("self",)).select_related("report", "donor", "system").get(pk=proposal.pk)
    if locked.state != ReviewState.PENDING:
        raise ProposalAlreadyDecided(
            f"Proposal {locked.pk} was already {locked.get_state_display().lower()}"
            f"{' at ' + f'{locked.reviewed_at:%Y-%m-%d %H:%M}' if locked.reviewed_at else ''}; nothing changed."
        )
    return locked


def _mark_decided(proposal: Proposal, *, state: str, user, reason: str = "") -> None:
    proposal.state = state
    proposal.reviewed_by = user
    proposal.reviewed_at = timezone.now()
    proposal.reject_reason = reason
    proposal.save(update_fields=["state", "reviewed_by", "reviewed_at", "reject_reason"])


def _add_source(pledge: Pledge, proposal: Proposal, *, user) -> PledgeSource:
    """The proposal's report (and sentence) as a source backing the pledge."""
    return PledgeSource.objects.create(
        pledge=pledge,
        report_id=proposal.report_id,
        proposal=proposal,
        evidence=proposal.evidence,
        evidence_start=proposal.start,
        evidence_end=proposal.end,
        added_by=user,
    )


def proposal_accept(*, proposal: Proposal, user) -> Pledge:
    """Publish the proposal as a pledge, in one transaction, exactly once.

    The row lock serialises concurrent accepts; the one-to-one
    Pledge.proposal constraint makes a second pledge impossible even if the
    lock were bypassed. The proposal's current values are used, so correct
    them (donor, system, quantity...) before accepting.
    """
    with transaction.atomic():
        locked = _lock_pending(proposal)
        if locked.donor is None:
            raise ProposalIncomplete(
                f"Proposal {locked.pk} has no donor: the parser could not tell who pledged it. "
                "Pick a donor, then accept."
            )
        if locked.system is None and locked.value_amount is None:
            raise ProposalIncomplete(
                f"Proposal {locked.pk} has no system: pick the system (or generic equipment) that was pledged, "
                "then accept. Only money-only pledges with a value may have none."
            )
        report = locked.report
        if report.published_on is None:
            raise ProposalIncomplete(
                f"Report {report.pk} has no published date, and a pledge needs the date it was announced. "
                "Set the report's published date, then accept."
            )
        qualifier = locked.qualifier
        if locked.quantity is None and qualifier not in _QUALIFIERS_WITHOUT_NUMBER:
            qualifier = Qualifier.UNDISCLOSED  # no number stated: that is what "undisclosed" means
        now = timezone.now()
        pledge = Pledge(
            donor=locked.donor,
            system=locked.system,
            item=locked.item or (locked.system.unit if locked.system is not None else ""),
            quantity=locked.quantity,
            qualifier=qualifier,
            quantity_text=locked.quantity_text,
            value_amount=locked.value_amount,
            value_currency=locked.value_currency,
            announced_on=report.published_on,
            source_report=report,
            evidence=locked.evidence,
            evidence_start=locked.start,
            evidence_end=locked.end,
            proposal=locked,
            created_by=user,
            approved_by=user,
            approved_at=now,
            is_published=True,
        )
        pledge._history_user = user
        pledge._change_reason = f"Accepted from proposal {locked.pk} of report {report.pk}"
        try:
            with transaction.atomic():
                pledge.save()
        except IntegrityError as exc:
            if Pledge.objects.filter(proposal=locked).exists():
                raise ProposalAlreadyDecided(f"Proposal {locked.pk} already has its pledge; nothing changed.") from exc
            raise
        _add_source(pledge, locked, user=user)
        _mark_decided(locked, state=ReviewState.ACCEPTED, user=user)
    proposal.refresh_from_db()
    return pledge


def proposal_reject(*, proposal: Proposal, user, reason: str) -> Proposal:
    """Reject the proposal; the reason is kept for the next editor (and for parser work)."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise ProposalIncomplete(f"Say why proposal {proposal.pk} is rejected (e.g. “not a pledge”), then reject.")
    with transaction.atomic():
        locked = _lock_pending(proposal)
        _mark_decided(locked, state=ReviewState.REJECTED, user=user, reason=reason[:300])
    proposal.refresh_from_db()
    return proposal


def proposal_link(*, proposal: Proposal, pledge: Pledge, user) -> PledgeSource:
    """Record a re-announcement: the proposal's report becomes another source of an existing pledge.

    No second pledge is created; the proposal counts as accepted, linked.
    The pledge's history records the new source.
    """
    with transaction.atomic():
        locked = _lock_pending(proposal)
        pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
        if PledgeSource.objects.filter(pledge=pledge, report_id=locked.report_id).exists():
            raise SourceAlreadyLinked(
                f"Report {locked.report_id} already backs pledge {pledge.pk}; reject proposal {locked.pk} as "
                "already recorded instead."
            )
        source = _add_source(pledge, locked, user=user)
        pledge._history_user = user
        pledge._change_reason = f"Report {locked.report_id} linked as another source (proposal {locked.pk})"
        pledge.save(update_fields=["updated_at"])
        _mark_decided(locked, state=ReviewState.ACCEPTED, user=user)
    proposal.refresh_from_db()
    return source
