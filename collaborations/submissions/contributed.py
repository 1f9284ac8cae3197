"""Site facts that an app above collaborations adds to submissions, through the hook.

collaborations never imports those apps (docs/architecture.md). An app that holds site
facts a practitioner should be asked about (accountability today) subclasses
ContributedFacts and names an instance in its Extension (`submission_facts`): the
submission form, its task-list section, the snapshot and diffs, the writers, the stored
JSON of proposals and the submissions API then carry those facts like their own.
"""

from django import forms

from collaborations.extensions import collected


class ContributedFacts:
    """What an app's site facts need to travel through a submission. Keys are fact keys
    (as in SiteFacts, snapshots and the API); values are reference rows, lists or text."""

    # The task-list section these facts are asked in: its slug, title and the template
    # that renders its fields (context: form).
    section = ""
    section_title = ""
    section_template = ""
    # Fact key -> label, in page order; the keys that hold one value (not a list).
    labels: dict[str, str] = {}
    single_valued: frozenset = frozenset()

    def empty(self, key: str):
        return None if key in self.single_valued else []

    def read(self, site) -> dict:
        """The site's facts of these keys, as a reader is shown them."""
        raise NotImplementedError

    def write(self, site, key: str, value, stance) -> None:
        """Write this source's statements of one key (stance: fact_writing.Stance)."""
        raise NotImplementedError

    def statements(self, site, key: str, source):
        """The source's statements of one key (to attach references to)."""
        raise NotImplementedError

    def display(self, key: str, value) -> list[str]:
        if isinstance(value, list):
            return [str(item) for item in value]
        return [] if value in (None, "") else [str(value)]

    def to_json(self, key: str, value):
        raise NotImplementedError

    def from_json(self, key: str, payload):
        raise NotImplementedError

    # The web form.
    def form_fields(self) -> dict[str, forms.Field]:
        raise NotImplementedError

    def form_values(self, cleaned_data: dict) -> dict:
        """Fact key -> value from the form's cleaned data."""
        raise NotImplementedError

    def form_initial(self, values: dict) -> dict:
        """Form field -> initial value, from fact key -> value."""
        raise NotImplementedError

    # The submissions API (JSON in the form's field names, translated to form data).
    def api_fields(self) -> dict:
        raise NotImplementedError

    def api_form_data(self, data, key: str, value) -> bool:
        """Put an API value into the form's data; False when the key is not one of these."""
        return False

    def api_error_key(self, form_field: str) -> str | None:
        """The API property a form field's error belongs to, if this contribution owns it."""
        return None


def contributions() -> list[ContributedFacts]:
    return [facts for facts in collected("submission_facts") if facts is not None]


def contribution_for(key: str) -> ContributedFacts | None:
    return next((c for c in contributions() if key in c.labels), None)


def contributed_labels() -> dict[str, str]:
    labels = {}
    for contribution in contributions():
        labels.update(contribution.labels)
    return labels
