"""Small pieces the submission pages share."""

import logging

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404

from collaborations.models import Submission

from ..errors import SubmissionError
from ..permissions import can_view_submission

logger = logging.getLogger("rallying.submissions")

SAVE_FAILED = (
    "Something went wrong on our side and nothing was saved. Your text is still in the form "
    "below: please try again in a moment."
)


class SubmissionAccessMixin:
    """Loads the submission named in the URL; anyone but its submitter or a moderator gets 404."""

    def get_submission(self) -> Submission:
        if not hasattr(self, "_submission"):
            submission = get_object_or_404(
                Submission.objects.select_related("site", "site__owner", "source"),
                site__slug=self.kwargs["slug"],
            )
            if not can_view_submission(self.request, submission):
                raise Http404("No submission here.")
            self._submission = submission
        return self._submission


def add_validation_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError next to the form's fields (or above the form)."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def run_write(form, write, *, on_failure_status=500):
    """Run a service; on failure keep the form (and all the typed text) with a message.

    Returns (result, status): status is None on success.
    """
    try:
        return write(), None
    except ValidationError as error:
        add_validation_errors(form, error)
        return None, 400
    except SubmissionError:
        raise  # the state refuses the write: the caller explains it
    except Exception:  # a server-side failure must never lose what the practitioner typed
        logger.exception("Saving a submission failed")
        form.add_error(None, SAVE_FAILED)
        return None, on_failure_status
