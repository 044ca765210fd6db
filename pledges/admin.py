"""Django admin for the tracker's models, tuned for large tables."""

from django.contrib import admin
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from simple_history.admin import SimpleHistoryAdmin

from pledges.models import Donor, Pledge, PledgeSource, Proposal, Report, System


class NoCountPaginator(Paginator):
    """A paginator that never runs COUNT(*): with 100,000 reports an exact
    count on every changelist view costs more than the page itself."""

    @cached_property
    def count(self) -> int:
        return 10**9


@admin.register(Donor)
class DonorAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "code", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(System)
class SystemAdmin(admin.ModelAdmin):
    list_display = ["name", "family", "category", "unit", "is_generic"]
    list_filter = ["category", "is_generic", "unit"]
    search_fields = ["name", "family", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["__str__", "publisher", "source_kind", "published_on", "parse_status", "added_at"]
    list_filter = ["parse_status", "source_kind"]
    search_fields = ["title", "publisher", "url"]
    date_hierarchy = "added_at"
    readonly_fields = ["content_hash", "added_by", "added_at", "parse_status", "parse_error", "parsed_at"]
    paginator = NoCountPaginator
    show_full_result_count = False


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["__str__", "report", "item", "quantity", "qualifier", "confidence", "state"]
    list_filter = ["state", "item", "qualifier"]
    list_select_related = ["report", "donor", "system"]
    search_fields = ["evidence", "quantity_text"]
    autocomplete_fields = ["donor", "system"]
    raw_id_fields = ["report"]
    readonly_fields = ["reviewed_by", "reviewed_at", "parser_key", "created_at"]
    paginator = NoCountPaginator
    show_full_result_count = False


class PledgeSourceInline(admin.TabularInline):
    model = PledgeSource
    extra = 0
    raw_id_fields = ["report", "proposal"]
    readonly_fields = ["added_by", "added_at"]


@admin.register(Pledge)
class PledgeAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "donor", "system", "item", "quantity", "qualifier", "announced_on", "status"]
    list_filter = ["status", "category", "item", "is_published"]
    list_select_related = ["donor", "system"]
    search_fields = ["evidence", "donor__name", "system__name"]
    autocomplete_fields = ["donor", "system"]
    raw_id_fields = ["source_report", "proposal"]
    readonly_fields = ["category", "created_by", "created_at", "approved_by", "approved_at", "updated_at"]
    date_hierarchy = "announced_on"
    inlines = [PledgeSourceInline]
    paginator = NoCountPaginator
    show_full_result_count = False
