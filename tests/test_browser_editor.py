"""In real Chromium: an editor logs in, pastes the seed report, accepts both proposals
with the keyboard, and finds the pledges on the public list."""

from pathlib import Path

import pytest

from tests.editors import PASSWORD, make_editor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED_TEXT = (Path(__file__).resolve().parents[1] / "fixtures" / "demo" / "seed_report.txt").read_text(encoding="utf-8")


def _logged_in_page(chromium_browser, live_server, username: str):
    """A fresh browser context logged in as a new editor; `problems` collects script errors
    and Content Security Policy violations (reported as console errors)."""
    make_editor(username)
    context = chromium_browser.new_context()
    page = context.new_page()
    problems: list[str] = []

    def on_console(msg) -> None:
        # The browser's own favicon request is no page's doing.
        if msg.type == "error" and not msg.location.get("url", "").endswith("/favicon.ico"):
            problems.append(msg.text)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    return context, page, problems


def test_editor_pastes_the_seed_report_accepts_both_proposals_and_finds_them_public(chromium_browser, live_server):
    context, page, problems = _logged_in_page(chromium_browser, live_server, "browser-editor")
    try:
        page.goto(f"{live_server.url}/admin/pledges/report/add/")
        page.fill("#id_text", SEED_TEXT)
        page.click("input[name=_save]")
        page.wait_for_url("**/review/")
        assert "Saved and parsed: 2 proposal(s) to review." in page.inner_text(".messagelist")
        assert page.locator("article.proposal-pending").count() == 2
        # The donor and system pickers are the admin's autocomplete (select2), initialised.
        assert page.locator(".proposal .select2-container").count() >= 4

        # Keyboard review: the first pending proposal is current; "a" accepts it.
        for remaining in (1, 0):
            # review.js runs deferred and marks the current proposal; a key pressed
            # before that (the reload after the first accept) would go nowhere.
            page.wait_for_selector("article.proposal-pending.is-current")
            page.keyboard.press("a")
            page.wait_for_load_state("load")
            page.wait_for_function(
                "n => document.querySelectorAll('article.proposal-pending').length === n", arg=remaining
            )
        assert page.locator("article.proposal-accepted").count() == 2

        page.goto(f"{live_server.url}/pledges/")
        listing = page.inner_text("body")
        assert "IRIS-T SLM" in listing and "Patriot" in listing and "Germany" in listing
        # No script or style was blocked by the Content Security Policy, and no script failed.
        assert problems == [], problems
    finally:
        context.close()


def test_an_oversized_paste_is_stopped_in_the_browser_with_the_limit(chromium_browser, live_server, settings):
    from pledges.models import Report

    settings.REPORT_MAX_BYTES = 100
    context, page, _ = _logged_in_page(chromium_browser, live_server, "browser-limit")
    try:
        page.goto(f"{live_server.url}/admin/pledges/report/add/")
        page.fill("#id_text", "Germany will send four IRIS-T systems. " * 10)
        page.click("input[name=_save]")
        note = page.locator(".paste-size-error")
        note.wait_for(state="visible")
        assert "the limit is" in note.inner_text() and "(100 bytes)" in note.inner_text()
        assert page.input_value("#id_text").startswith("Germany will send")  # nothing lost
        assert not Report.objects.exists()
    finally:
        context.close()


def test_rejecting_with_the_keyboard_records_the_typed_reason(chromium_browser, live_server):
    from pledges.models import Proposal
    from tests.factories import ProposalFactory

    proposal = ProposalFactory()
    context, page, _ = _logged_in_page(chromium_browser, live_server, "browser-reject")
    try:
        page.goto(f"{live_server.url}/admin/pledges/report/{proposal.report_id}/review/")
        page.keyboard.press("r")
        page.keyboard.type("not a pledge")
        page.keyboard.press("Enter")
        page.locator("article.proposal-rejected").wait_for()
        proposal = Proposal.objects.get(pk=proposal.pk)
        assert (proposal.state, proposal.reject_reason) == ("rejected", "not a pledge")
    finally:
        context.close()
