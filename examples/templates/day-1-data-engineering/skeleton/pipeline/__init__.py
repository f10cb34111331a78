"""A scheduled batch pipeline: extract, validate, transform, load."""
