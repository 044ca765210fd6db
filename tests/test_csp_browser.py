"""In a real browser, no page of the site or the admin trips the Content Security Policy."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import PledgeFactory, ProposalFactory, UserFactory
from tests.pages import public_paths

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Runs before any script of each document: records every violation the
# browser reports, with where it came from.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`
  );
});
"""

NOT_HTML = (".csv", ".json", "/healthz")


@pytest.fixture
def page(chromium_browser, live_server):
    context = chromium_browser.new_context(base_url=live_server.url)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.console_messages_about_csp = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text
        and page.console_messages_about_csp.append(message.text),
    )
    yield page
    context.close()


def _violations(page) -> list[str]:
    page.wait_for_load_state("load")
    return page.evaluate("window.__cspViolations") + page.console_messages_about_csp


def _visit(page, path: str) -> list[str]:
    response = page.goto(path)
    assert response is not None and response.status < 500, (path, response and response.status)
    return [f"{path}: {violation}" for violation in _violations(page)]


def test_public_pages_cause_no_csp_violations(page):
    violations = []
    for path in public_paths():
        if not path.endswith(NOT_HTML):
            violations += _visit(page, path)
    assert violations == []


def test_admin_pages_cause_no_csp_violations(page):
    UserFactory(username="root", password="correct horse battery staple", is_staff=True, is_superuser=True)
    pledge = PledgeFactory(donor__name="Germany", donor__code="DE")
    violations = _visit(page, reverse("admin:login"))
    page.fill("#id_username", "root")
    page.fill("#id_password", "correct horse battery staple")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    violations += _violations(page)

    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        violations += _visit(page, reverse("admin:%s_%s_changelist" % info))
    violations += _visit(page, reverse("admin:pledges_report_add"))

    # A change form with autocomplete widgets: open one and search, which
    # runs select2 and an XHR to the autocomplete view.
    violations += _visit(page, reverse("admin:pledges_pledge_change", args=[pledge.pk]))
    page.click(".field-donor .select2-selection")
    page.fill(".select2-search__field", "Ger")
    page.wait_for_selector(".select2-results__option >> text=Germany")
    violations += [f"autocomplete: {violation}" for violation in _violations(page)]

    # The editors' review page, and accepting a proposal from the keyboard.
    proposal = ProposalFactory(donor=pledge.donor)
    violations += _visit(page, reverse("admin:pledges_report_review", args=[proposal.report_id]))
    page.keyboard.press("a")
    page.wait_for_function("() => document.querySelectorAll('article.proposal-pending').length === 0")
    violations += [f"review after accept: {violation}" for violation in _violations(page)]
    assert violations == []


def test_the_recorder_sees_a_blocked_inline_script(page):
    """The zero above means something: an injected inline script is blocked and recorded."""
    page.goto("/pledges/")
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1';"
        " document.body.appendChild(s); }"
    )
    page.wait_for_function("window.__cspViolations.length > 0")
    assert page.evaluate("window.ran") is None
    assert any(violation.startswith("script-src") for violation in _violations(page))
