"""Forms of the editor workflow: paste a report, correct proposals on the review page, correct a pledge."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.widgets import AdminDateWidget, AutocompleteSelect
from django.template.defaultfilters import filesizeformat

from pledges.choices import SourceKind
from pledges.models import Pledge, Proposal


class ReportPasteForm(forms.Form):
    """Paste or upload; the checks on the text itself live in report_create."""

    text = forms.CharField(
        label="Paste the report",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 18, "cols": 100, "class": "report-paste", "autofocus": True}),
    )
    upload = forms.FileField(
        label="…or upload a file",
        required=False,
        help_text="A .txt, .md or .html file in UTF-8. HTML is converted to text; the original is kept.",
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.md,.markdown,.html,.htm,text/plain,text/html,text/markdown"}),
    )
    title = forms.CharField(required=False, max_length=300, help_text="Empty: the first line of the text.")
    publisher = forms.CharField(required=False, max_length=200)
    source_kind = forms.ChoiceField(label="Kind of source", choices=SourceKind.choices, initial=SourceKind.OTHER)
    url = forms.URLField(label="Address", required=False, max_length=1000, assume_scheme="https")
    published_on = forms.DateField(
        required=False, widget=AdminDateWidget, help_text="Empty: the date the text states, if it states one."
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        limit = settings.REPORT_MAX_BYTES
        self.fields["text"].help_text = f"At most {filesizeformat(limit)}. Pasting the same text again opens the existing report."
        # The page's script refuses an oversized paste before it is sent.
        self.fields["text"].widget.attrs["data-max-bytes"] = str(limit)

    def clean(self) -> dict:
        data = super().clean()
        has_text = bool((data.get("text") or "").strip())
        if data.get("upload") and has_text:
            raise forms.ValidationError("Paste the text or upload a file, not both.")
        if not data.get("upload") and not has_text and not self.has_error("text") and not self.has_error("upload"):
            self.add_error("text", "The paste is empty (or only white space): paste the report's text or upload a file.")
        return data


class PrefetchedAutocompleteSelect(AutocompleteSelect):
    """Admin autocomplete that renders the current choice from the object already
    loaded with select_related, instead of one query per widget: the review
    page shows forty of them."""

    current = None  # the related object the instance already holds

    def optgroups(self, name, value, attr=None):
        current = self.current
        if current is not None and [str(v) for v in value if v] == [str(current.pk)]:
            options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
            options.append(self.create_option(name, current.pk, str(current), {str(current.pk)}, len(options)))
            return [(None, options, 0)]
        return super().optgroups(name, value, attr)


class ProposalReviewForm(forms.ModelForm):
    """One proposal's correctable fields on the review page."""

    class Meta:
        model = Proposal
        fields = ["donor", "system", "item", "quantity", "qualifier"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("donor", "system"):
            field = self.fields[name]
            field.widget = PrefetchedAutocompleteSelect(Proposal._meta.get_field(name), admin.site)
            field.widget.choices = field.choices
            field.widget.current = getattr(self.instance, name) if self.instance.pk else None
        self.fields["quantity"].widget.attrs.update({"min": 1, "class": "vIntegerField quantity-input"})


class ReviewFormSetBase(forms.BaseModelFormSet):
    """A formset over the pending proposals already fetched for the page (no second query)."""

    def __init__(self, *args, proposals: list[Proposal], **kwargs) -> None:
        self._proposals = proposals
        super().__init__(*args, queryset=Proposal.objects.none(), **kwargs)

    def get_queryset(self):
        return self._proposals


ProposalReviewFormSet = forms.modelformset_factory(
    Proposal, form=ProposalReviewForm, formset=ReviewFormSetBase, extra=0, can_delete=False
)


class BulkRejectForm(forms.Form):
    bulk_reason = forms.CharField(max_length=300, required=False)


class PledgeChangeForm(forms.ModelForm):
    """The admin's pledge form, with the reason for a correction that the history records."""

    change_reason = forms.CharField(
        label="Reason for change",
        max_length=100,
        required=False,
        help_text="Why you correct this pledge (e.g. “quantity was 40, the source says 4”). "
        "Shown in the pledge's history and its public correction history.",
    )

    class Meta:
        model = Pledge
        fields = "__all__"

    def clean(self) -> dict:
        data = super().clean()
        if self.instance.pk and self.has_changed() and not (data.get("change_reason") or "").strip():
            self.add_error("change_reason", "Say why you change a published pledge: the history records it.")
        return data
