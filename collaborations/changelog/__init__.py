"""The public change log of the catalogue: recording it, reading it, and its feeds."""
