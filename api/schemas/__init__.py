"""Request and response schemas: separate from tables and from domain entities."""
