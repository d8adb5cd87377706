"""Use cases: each takes a unit of work and the principal, and owns no transaction of its own."""
