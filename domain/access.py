"""Who is asking, and what their role lets them see and change.

Authorization is decided here, in the domain's service layer, so every entry point (HTTP, CLI, broker)
applies the same rules.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from enum import StrEnum

from domain.customers import Customer
from domain.errors import Forbidden


class Role(StrEnum):
    ADMIN = "admin"
    BRANCH_MANAGER = "branch_manager"
    RM = "rm"
    AGENT = "agent"
    MARKETING = "marketing"
    AUDITOR = "auditor"


class Scope(StrEnum):
    """What an API key may do."""

    FEEDS_WRITE = "feeds:write"
    CONTEXT_READ = "context:read"


class Action(StrEnum):
    READ_CUSTOMERS = "customers:read"
    WRITE_CUSTOMERS = "customers:write"
    READ_PRODUCTS = "products:read"
    WRITE_PRODUCTS = "products:write"
    # customer value (issue 2)
    READ_VALUE = "value:read"
    EDIT_VALUE_PARAMETERS = "value:parameters"
    READ_SEGMENTS = "segments:read"
    MANAGE_SEGMENTS = "segments:write"
    READ_ALERTS = "alerts:read"
    WORK_ALERTS = "alerts:work"
    READ_ANALYTICS = "analytics:read"
    # cases: complaints and service requests the bank owes an answer to
    READ_CASES = "cases:read"
    WORK_CASES = "cases:work"
    # campaigns: an offer to a segment, its responses and its measured effect
    READ_CAMPAIGNS = "campaigns:read"
    MANAGE_CAMPAIGNS = "campaigns:write"
    WORK_CAMPAIGNS = "campaigns:respond"
    # tasks: what a relationship manager will do, by when
    READ_TASKS = "tasks:read"
    WORK_TASKS = "tasks:work"
    # how each RM's portfolio and work went: an RM their own, a branch manager their branch's
    READ_PERFORMANCE = "performance:read"


_ROLE_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.ADMIN: frozenset(Action),
    Role.BRANCH_MANAGER: frozenset({Action.READ_CUSTOMERS, Action.WRITE_CUSTOMERS, Action.READ_PRODUCTS}),
    Role.RM: frozenset({Action.READ_CUSTOMERS, Action.WRITE_CUSTOMERS, Action.READ_PRODUCTS}),
    Role.AGENT: frozenset({Action.READ_CUSTOMERS, Action.READ_PRODUCTS}),
    Role.MARKETING: frozenset({Action.READ_CUSTOMERS, Action.READ_PRODUCTS}),
    Role.AUDITOR: frozenset({Action.READ_CUSTOMERS, Action.READ_PRODUCTS}),
}
# Customer value (issue 2): RMs and branch managers work their scope's alerts and read segments;
# marketing builds segments; admin edits the pricing parameters; auditors and agents read.
_VALUE_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.BRANCH_MANAGER: frozenset(
        {Action.READ_VALUE, Action.READ_SEGMENTS, Action.READ_ALERTS, Action.WORK_ALERTS, Action.READ_ANALYTICS}
    ),
    Role.RM: frozenset(
        {Action.READ_VALUE, Action.READ_SEGMENTS, Action.READ_ALERTS, Action.WORK_ALERTS, Action.READ_ANALYTICS}
    ),
    Role.AGENT: frozenset({Action.READ_VALUE, Action.READ_ALERTS}),
    Role.MARKETING: frozenset({Action.READ_VALUE, Action.READ_SEGMENTS, Action.MANAGE_SEGMENTS, Action.READ_ANALYTICS}),
    Role.AUDITOR: frozenset({Action.READ_VALUE, Action.READ_SEGMENTS, Action.READ_ALERTS, Action.READ_ANALYTICS}),
}
for _role, _actions in _VALUE_ACTIONS.items():
    _ROLE_ACTIONS[_role] = _ROLE_ACTIONS[_role] | _actions
# Cases: the people who answer customers close them (RMs and branch managers in their scope, the call center's
# agents for anyone who calls); auditors read them.
_CASE_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.BRANCH_MANAGER: frozenset({Action.READ_CASES, Action.WORK_CASES}),
    Role.RM: frozenset({Action.READ_CASES, Action.WORK_CASES}),
    Role.AGENT: frozenset({Action.READ_CASES, Action.WORK_CASES}),
    Role.AUDITOR: frozenset({Action.READ_CASES}),
}
for _role, _actions in _CASE_ACTIONS.items():
    _ROLE_ACTIONS[_role] = _ROLE_ACTIONS[_role] | _actions

# Campaigns: marketing prepares, launches and closes them; the people who contact customers (RMs and branch
# managers in their scope, the call center's agents) record the responses; everyone who plans or audits reads them.
_CAMPAIGN_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.MARKETING: frozenset({Action.READ_CAMPAIGNS, Action.MANAGE_CAMPAIGNS}),
    Role.BRANCH_MANAGER: frozenset({Action.READ_CAMPAIGNS, Action.WORK_CAMPAIGNS}),
    Role.RM: frozenset({Action.READ_CAMPAIGNS, Action.WORK_CAMPAIGNS}),
    Role.AGENT: frozenset({Action.READ_CAMPAIGNS, Action.WORK_CAMPAIGNS}),
    Role.AUDITOR: frozenset({Action.READ_CAMPAIGNS}),
}
for _role, _actions in _CAMPAIGN_ACTIONS.items():
    _ROLE_ACTIONS[_role] = _ROLE_ACTIONS[_role] | _actions
for _role in (Role.BRANCH_MANAGER, Role.RM, Role.AUDITOR):
    _ROLE_ACTIONS[_role] = _ROLE_ACTIONS[_role] | {Action.READ_PERFORMANCE}
# Tasks: held by the people who look after customers; the call center's agents leave them for a caller's RM;
# auditors read them.
for _role in (Role.BRANCH_MANAGER, Role.RM, Role.AGENT):
    _ROLE_ACTIONS[_role] = _ROLE_ACTIONS[_role] | {Action.READ_TASKS, Action.WORK_TASKS}
_ROLE_ACTIONS[Role.AUDITOR] = _ROLE_ACTIONS[Role.AUDITOR] | {Action.READ_TASKS}

# Fields each role may not set on a customer even when it may edit the customer.
_READ_ONLY_FIELDS: dict[Role, frozenset[str]] = {
    Role.ADMIN: frozenset(),
    Role.BRANCH_MANAGER: frozenset({"tier", "home_branch"}),
    Role.RM: frozenset({"tier", "home_branch", "relationship_manager_id", "lifecycle_stage"}),
}

# Roles whose people look after customers: they hold portfolios and work alerts.
CUSTOMER_STAFF_ROLES = frozenset({Role.ADMIN, Role.BRANCH_MANAGER, Role.RM})

# Roles that see identifiers (ID numbers, phones, accounts) unmasked without asking to reveal them.
_SEES_FULL_PII = frozenset({Role.ADMIN})
# Roles that may ask to reveal a masked value (the reveal is audited).
_MAY_REVEAL = frozenset({Role.ADMIN, Role.BRANCH_MANAGER, Role.RM, Role.AGENT, Role.AUDITOR})


@dataclass(frozen=True, slots=True)
class PortfolioScope:
    """Which customers a caller may see: everyone, one branch, or one RM's portfolio."""

    everything: bool = False
    branch: str | None = None
    relationship_manager_id: uuid.UUID | None = None

    def admits(self, customer: Customer) -> bool:
        if self.everything:
            return True
        if self.relationship_manager_id is not None:
            return customer.relationship_manager_id == self.relationship_manager_id
        if self.branch is not None:
            return customer.home_branch == self.branch
        return False


def portfolio_of(role: Role, user_id: uuid.UUID | None, branch: str | None) -> PortfolioScope:
    """The customers a person of `role` sees: an RM their own portfolio, a branch manager their branch, others all."""
    if role is Role.RM:
        return PortfolioScope(relationship_manager_id=user_id)
    if role is Role.BRANCH_MANAGER:
        return PortfolioScope(branch=branch)
    return PortfolioScope(everything=True)


@dataclass(frozen=True, slots=True)
class Principal:
    """A person (user) or a system (API key) making a request."""

    subject: str
    kind: str  # "user" or "api_key"
    role: Role | None = None
    user_id: uuid.UUID | None = None
    branch: str | None = None
    scopes: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_person(self) -> bool:
        return self.kind == "user"

    def may(self, action: Action) -> bool:
        return self.role is not None and action in _ROLE_ACTIONS[self.role]

    def require(self, action: Action) -> None:
        if not self.may(action):
            raise Forbidden(f"role {self.role or 'none'} may not {action.value}")

    def has_scope(self, scope: Scope) -> bool:
        return scope.value in self.scopes

    @property
    def portfolio(self) -> PortfolioScope:
        if self.role is None and not self.scopes:
            return PortfolioScope()
        if self.role is None:
            return PortfolioScope(everything=True)
        return portfolio_of(self.role, self.user_id, self.branch)

    def check_editable(self, fields: set[str]) -> None:
        """Raise Forbidden naming the first field this role may not change."""
        if self.role is None:
            raise Forbidden("systems may not edit customer profiles")
        read_only = _READ_ONLY_FIELDS.get(self.role, frozenset())
        for name in sorted(fields):
            if name in read_only:
                raise Forbidden(f"role {self.role.value} may not change {name}", field=name)

    @property
    def staff_branch(self) -> str | None:
        """The branch whose colleagues this person may list and hand work to; None means every branch.

        RMs and branch managers work within their branch; the bank-wide roles see all staff.
        """
        if self.role in (Role.RM, Role.BRANCH_MANAGER):
            return self.branch or ""
        return None

    @property
    def sees_full_pii(self) -> bool:
        return self.role in _SEES_FULL_PII

    @property
    def may_reveal(self) -> bool:
        return self.role in _MAY_REVEAL


@dataclass(frozen=True, slots=True)
class StaffMember:
    """A bank employee as the customer rules need to know them (an RM to assign, say)."""

    user_id: uuid.UUID
    role: Role
    branch: str | None
    active: bool = True


SYSTEM = Principal(subject="system", kind="system", role=Role.ADMIN)
