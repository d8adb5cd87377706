"""The pure core of bank-crm: entities, value objects, domain services and ports.

Nothing here imports FastAPI, SQLAlchemy or pydantic.
"""
