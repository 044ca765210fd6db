"""The report review page in the admin: permissions, the page's rows, and its POST actions.

The page shows the report's text with every proposal's evidence marked and,
beside it, the proposals in text order, each correctable, with Accept, Reject
and (for re-announcements) Link. The decisions themselves are the services'
(pledges.services.proposals); this module only reads forms and reports back.
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.admin import AdminSite, ModelAdmin
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse

from pledges.choices import ParseStatus, ReviewState
from pledges.forms import BulkRejectForm, ProposalReviewForm
from pledges.highlight import Span, highlight
from pledges.models import Pledge, Proposal, Report
from pledges.selectors import reannouncement_candidates, report_review_proposals
from pledges.services.errors import EditorError
from pledges.services.proposals import proposal_accept, proposal_link, proposal_reject
from pledges.services.reports import ParseOutcome, report_parse

# What each part of the page needs; the Editors group (migration 0002) holds all of them.
VIEW_PERMISSIONS = ("pledges.view_report", "pledges.view_proposal")
DECIDE_PERMISSIONS = ("pledges.change_proposal",)  # correct, accept, reject (accepting publishes the pledge)
LINK_PERMISSIONS = ("pledges.change_proposal", "pledges.add_pledgesource")
REPARSE_PERMISSIONS = ("pledges.change_report",)


def can_view(user) -> bool:
    return user.has_perms(VIEW_PERMISSIONS)


def can_decide(user) -> bool:
    return user.has_perms(DECIDE_PERMISSIONS)


def review_url(report: Report, anchor: str = "") -> str:
    url = reverse("admin:pledges_report_review", args=[report.pk])
    return f"{url}#{anchor}" if anchor else url


def message_parse_outcome(request: HttpRequest, *, report: Report, outcome: ParseOutcome) -> None:
    if outcome.failed:
        messages.error(
            request,
            f"The report is saved, but the parser failed: {outcome.error}. "
            "Re-parse it later, or add its pledges by hand.",
        )
    elif outcome.kept:
        messages.success(
            request, f"Re-parsed: {outcome.created} new proposal(s); the {outcome.kept} already there are kept as they were."
        )
    else:
        messages.success(request, f"Saved and parsed: {outcome.created} proposal(s) to review.")


@dataclass
class Row:
    proposal: Proposal
    form: ProposalReviewForm | None  # None once decided
    candidates: list[Pledge] = field(default_factory=list)

    @property
    def pending(self) -> bool:
        return self.proposal.state == ReviewState.PENDING

    @property
    def pledge(self) -> Pledge | None:
        """The pledge this proposal was accepted as, or the one it was linked to."""
        proposal = self.proposal
        if hasattr(proposal, "pledge"):
            return proposal.pledge
        if hasattr(proposal, "pledge_link"):
            return proposal.pledge_link.pledge
        return None


def _form(proposal: Proposal, data=None) -> ProposalReviewForm:
    return ProposalReviewForm(data, instance=proposal, prefix=f"p{proposal.pk}")


def render_page(
    request: HttpRequest,
    *,
    report: Report,
    model_admin: ModelAdmin,
    forms: dict[int, ProposalReviewForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    proposals = report_review_proposals(report=report)
    candidates = reannouncement_candidates(report=report, proposals=proposals)
    forms = forms or {}
    rows = [
        Row(
            proposal=p,
            form=(forms.get(p.pk) or _form(p)) if p.state == ReviewState.PENDING else None,
            candidates=candidates.get(p.pk, []),
        )
        for p in proposals
    ]
    media = model_admin.media
    for row in rows:
        if row.form is not None:
            media += row.form.media
            break  # every row's form has the same media
    text = highlight(report.body, (Span(p.pk, p.start, p.end, p.state) for p in proposals))
    user = request.user
    context = {
        **model_admin.admin_site.each_context(request),
        "title": f"Review: {report}",
        "subtitle": None,
        "opts": model_admin.opts,
        "report": report,
        "rows": rows,
        "pending_count": sum(1 for row in rows if row.pending),
        "text": text,
        "media": media,
        "bulk_form": BulkRejectForm(request.POST or None),
        "can_decide": can_decide(user),
        "can_link": user.has_perms(LINK_PERMISSIONS),
        "can_reparse": user.has_perms(REPARSE_PERMISSIONS),
        "parse_failed": report.parse_status == ParseStatus.FAILED,
        "reject_reasons": REJECT_REASONS,
    }
    return TemplateResponse(request, "admin/pledges/report/review.html", context, status=status)


# Offered in the reject boxes (a datalist: editors may type their own).
REJECT_REASONS = [
    "not a pledge",
    "already recorded",
    "aggregate of several donors",
    "a request, not a pledge",
    "attack or enemy equipment",
    "donor's own procurement",
    "wrong reading of the text",
]


def _save_edits(request: HttpRequest, pending: list[Proposal]) -> tuple[bool, dict[int, ProposalReviewForm]]:
    """Apply the editor's corrections to pending proposals; (all valid?, bound forms).

    Only forms whose values differ from the stored proposal are validated and
    saved. A proposal another editor decided meanwhile is simply not in `pending`.
    """
    forms = {}
    valid = True
    changed = []
    for proposal in pending:
        if f"p{proposal.pk}-item" not in request.POST:
            continue  # added by a re-parse after the page was loaded
        form = _form(proposal, request.POST)
        forms[proposal.pk] = form
        if form.has_changed():
            changed.append(form)
            valid &= form.is_valid()
    if valid:
        with transaction.atomic():
            for form in changed:
                form.save()
    return valid, forms


def _decide(request: HttpRequest, action, proposals: list[Proposal], what: str) -> None:
    done, refused = 0, []
    for proposal in proposals:
        try:
            action(proposal)
            done += 1
        except EditorError as error:
            refused.append(error.message)
    if done:
        messages.success(request, f"{what} {done} proposal(s).")
    for message in refused:
        messages.warning(request, message)


def handle_post(request: HttpRequest, *, report: Report, admin_site: AdminSite) -> HttpResponse:
    user = request.user
    decide = request.POST.get("decide", "save")
    if decide == "reparse":
        if not user.has_perms(REPARSE_PERMISSIONS):
            raise PermissionDenied
        message_parse_outcome(request, report=report, outcome=report_parse(report=report))
        return HttpResponseRedirect(review_url(report))
    if not can_decide(user):
        raise PermissionDenied

    pending = list(report.proposals.filter(state=ReviewState.PENDING).select_related("donor", "system"))
    by_id = {p.pk: p for p in pending}
    valid, forms = _save_edits(request, pending)
    if not valid:
        messages.error(request, "Some corrections are not valid; nothing was decided. See the marked fields.")
        model_admin = admin_site.get_model_admin(Report)
        return render_page(request, report=report, model_admin=model_admin, forms=forms, status=400)

    verb, _, target = decide.partition(":")
    if verb == "save":
        if any(form.has_changed() for form in forms.values()):
            messages.success(request, "Corrections saved.")
        return HttpResponseRedirect(review_url(report))

    def chosen(key: str) -> list[Proposal]:
        ids = request.POST.getlist("selected") if key == "selected" else [key]
        if not ids:
            messages.warning(request, "Select proposals first (the boxes beside them, or x on the keyboard).")
        picked = [by_id[int(i)] for i in ids if i.isdigit() and int(i) in by_id]
        if len(picked) < len(ids):
            messages.warning(request, "Some proposals were already decided (perhaps by another editor) and were left as they are.")
        return picked

    if verb == "accept":
        _decide(request, lambda p: proposal_accept(proposal=p, user=user), chosen(target), "Accepted and published")
    elif verb == "reject":
        reason = request.POST.get("bulk_reason" if target == "selected" else f"reason-{target}", "")
        _decide(request, lambda p: proposal_reject(proposal=p, user=user, reason=reason), chosen(target), "Rejected")
    elif verb == "link":
        if not user.has_perms(LINK_PERMISSIONS):
            raise PermissionDenied
        proposal_id, _, pledge_id = target.partition(":")
        pledge = Pledge.objects.filter(pk=pledge_id).first() if pledge_id.isdigit() else None
        if pledge is None:
            messages.error(request, "That pledge no longer exists; nothing was linked.")
        else:
            _decide(
                request,
                lambda p: proposal_link(proposal=p, pledge=pledge, user=user),
                chosen(proposal_id),
                f"Linked this report as another source of pledge {pledge.pk} for",
            )
    else:
        messages.error(request, f"Unknown action “{decide}”; nothing was decided.")
    return HttpResponseRedirect(review_url(report))
