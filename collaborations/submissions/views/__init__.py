"""Pages for practitioners (submit, edit, propose, accounts) and for moderators."""
