"""What the services refuse, in words a practitioner or moderator can act on."""


class SubmissionError(Exception):
    """A write the current state of the submission does not allow."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class StaleVersion(SubmissionError):
    """Somebody else changed the record since the form was loaded; nothing was written."""


class NotEditable(SubmissionError):
    """The submission is published or rejected: propose a change instead."""
