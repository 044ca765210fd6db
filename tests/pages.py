"""The site's public URLs, built over one set of test data, for tests that must hold on every page."""

from tests.factories import PledgeSourceFactory

# Contract URLs (README): every test that walks the public site walks these.
# Exports and new pages land here as they are built.
PUBLIC_PATHS = [
    "/",
    "/pledges/",
    "/pledges/{pledge}/",
    "/donors/{donor}/",
    "/systems/{system}/",
    "/reports/{report}/",
    "/pledges.csv",
    "/pledges.json",
    "/healthz",
    "/donors/",
    "/systems/",
    "/about/data/",
]


def public_paths() -> list[str]:
    """Create one published, sourced pledge and return every public path filled in with it."""
    link = PledgeSourceFactory(
        pledge__donor__code="DE", pledge__donor__name="Germany", pledge__system__slug="iris-t-slm"
    )
    pledge = link.pledge
    values = {
        "pledge": pledge.pk,
        "donor": pledge.donor.code.lower(),
        "system": pledge.system.slug,
        "report": link.report_id,
    }
    return [path.format(**values) for path in PUBLIC_PATHS]
