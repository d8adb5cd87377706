"""Domain errors. The API maps each to problem+json in one place."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every rule the domain refuses to break."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidValue(DomainError):
    """A value breaks a rule of its type (an unknown currency, a bad phone)."""


class NotFound(DomainError):
    """The thing asked for does not exist, or is outside the caller's scope."""


class CustomerNotFound(NotFound):
    def __init__(self, customer_id: object) -> None:
        super().__init__(f"customer {customer_id} not found")
        self.customer_id = customer_id


class ProductNotFound(NotFound):
    def __init__(self, code: str) -> None:
        super().__init__(f"product {code!r} not found", field="product_code")


class HoldingNotFound(NotFound):
    def __init__(self, ref: object) -> None:
        super().__init__(f"holding {ref} not found")


class StaleVersion(DomainError):
    """An optimistic-concurrency check failed: someone changed the record since it was read."""

    def __init__(self, expected: int, actual: int) -> None:
        super().__init__(f"the record is at version {actual}, not {expected}", field="If-Match")
        self.expected = expected
        self.actual = actual


class Conflict(DomainError):
    """The change would clash with existing data (a duplicate number, an identity owned by another)."""


class IdentityConflict(Conflict):
    pass


class CampaignNotActive(Conflict):
    """A response is recorded only while the campaign runs: not before its launch, nor once it is closed."""

    def __init__(self, campaign_id: object, status: str) -> None:
        super().__init__(f"campaign {campaign_id} is {status}: responses are recorded only while it is active")
        self.campaign_id = campaign_id
        self.status = status


class CustomerHeldOut(Conflict):
    """The customer is in the campaign's control group: left alone so that its effect can be measured, so no
    response is recorded for them."""

    def __init__(self, campaign_id: object, customer_id: object) -> None:
        super().__init__(
            f"customer {customer_id} is in the control group of campaign {campaign_id}: the campaign leaves them "
            "alone, so that its effect can be measured"
        )
        self.campaign_id = campaign_id
        self.customer_id = customer_id


class Forbidden(DomainError):
    """The caller may not do this (a field their role may not change)."""


class InsufficientFunds(DomainError):
    pass
