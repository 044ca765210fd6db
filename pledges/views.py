"""Public views of the tracker."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from pledges.health import database_is_reachable
from pledges.models import Donor, Pledge, Report, System
from pledges.selectors import pledge_corrections

RETRY_AFTER_SECONDS = 30


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    if database_is_reachable():
        return JsonResponse({"status": "ok", "database": "ok"})
    response = JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _public_pledges():
    return Pledge.objects.public().select_related("donor", "system", "source_report")


def pledge_list(request: HttpRequest) -> HttpResponse:
    pledges = _public_pledges()[:200]
    return render(request, "pledges/pledge_list.html", {"pledges": pledges})


def pledge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_object_or_404(_public_pledges(), pk=pk)
    corrections = pledge_corrections(pledge=pledge)
    return render(request, "pledges/pledge_detail.html", {"pledge": pledge, "corrections": corrections})


def donor_detail(request: HttpRequest, code: str) -> HttpResponse:
    donor = get_object_or_404(Donor, code=code.upper())
    pledges = _public_pledges().filter(donor=donor)[:200]
    return render(request, "pledges/donor_detail.html", {"donor": donor, "pledges": pledges})


def system_detail(request: HttpRequest, slug: str) -> HttpResponse:
    system = get_object_or_404(System, slug=slug)
    pledges = _public_pledges().filter(system=system)[:200]
    return render(request, "pledges/system_detail.html", {"system": system, "pledges": pledges})


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    # Only reports that back a published pledge are public: a paste that
    # led nowhere (or only to rejected proposals) stays in the admin.
    report = get_object_or_404(Report.objects.filter(pledges__in=Pledge.objects.public()).distinct(), pk=pk)
    pledges = _public_pledges().filter(sources=report)
    return render(request, "pledges/report_detail.html", {"report": report, "pledges": pledges})
