"""A churn classifier trained and evaluated on the shipped sample."""
