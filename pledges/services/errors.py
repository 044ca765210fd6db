"""The errors editors can meet, defined once; each message says what to do next."""


class EditorError(Exception):
    """A refused editor action: the message is shown to the editor as is."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        # The form field the message belongs to, when there is one.
        self.field = field


class ReportInputError(EditorError):
    """A paste or upload that cannot become a report (empty, too large, not UTF-8 text)."""


class ProposalIncomplete(EditorError):
    """A proposal that lacks what a published pledge needs (donor, system or value, date)."""


class ProposalAlreadyDecided(EditorError):
    """A proposal another editor (or an earlier click) has already accepted, rejected or linked."""


class SourceAlreadyLinked(EditorError):
    """The report already backs the pledge it was to be linked to."""
