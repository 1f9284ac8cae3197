"""Read logic for the HTML pages: facet counts, related sites, the compare table, charts,
citations and the codebook. Each module does one job and runs a bounded number of queries."""
