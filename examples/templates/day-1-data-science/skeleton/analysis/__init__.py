"""A usage analysis that renders a Markdown report with plots."""
