"""Customer use cases: create, read, change, relate."""

from __future__ import annotations

import uuid
from typing import Any

from domain.access import Action, Principal, Role
from domain.customers import Customer, IdentitySource, RelationType, relation_pair
from domain.errors import Conflict, CustomerNotFound, Forbidden, IdentityConflict, InvalidValue
from domain.ports import Clock, UnitOfWork


async def get_customer(uow: UnitOfWork, principal: Principal, customer_id: uuid.UUID) -> Customer:
    """The customer, if it exists and lies in the caller's scope; otherwise CustomerNotFound."""
    principal.require(Action.READ_CUSTOMERS)
    customer = await uow.customers.get(customer_id)
    if customer is None or not principal.portfolio.admits(customer):
        raise CustomerNotFound(customer_id)
    return customer


async def _check_unique_identities(uow: UnitOfWork, customer: Customer) -> None:
    strong = {IdentitySource.CUSTOMER_NUMBER, IdentitySource.ID_DOCUMENT}
    for identity in customer.identities():
        if identity.source not in strong:
            continue  # phones may be shared inside a household
        owners = [o for o in await uow.customers.find_by_identity(identity) if o != customer.id]
        if owners:
            field = "customer_number" if identity.source is IdentitySource.CUSTOMER_NUMBER else "id_document"
            raise IdentityConflict(f"{field} already belongs to another customer", field=field)


async def _check_references(uow: UnitOfWork, customer: Customer, changed: set[str] | None = None) -> None:
    """The branch and the RM a customer points at must exist (and the RM must be an RM)."""
    branch_changed = changed is None or "home_branch" in changed
    if (
        customer.home_branch is not None
        and branch_changed
        and not await uow.directory.branch_exists(customer.home_branch)
    ):
        raise InvalidValue(f"branch {customer.home_branch} does not exist", field="home_branch")
    rm_id = customer.relationship_manager_id
    if rm_id is not None and (changed is None or "relationship_manager_id" in changed):
        staff = await uow.directory.staff_member(rm_id)
        if staff is None or not staff.active or staff.role is not Role.RM:
            raise InvalidValue("relationship_manager_id is not an active RM", field="relationship_manager_id")


async def create_customer(uow: UnitOfWork, principal: Principal, customer: Customer, clock: Clock) -> Customer:
    """Register a new customer. An RM's new customer joins their own portfolio."""
    principal.require(Action.WRITE_CUSTOMERS)
    if principal.role is Role.RM:
        if customer.relationship_manager_id not in (None, principal.user_id):
            raise Forbidden("an RM may only create customers in their own portfolio", field="relationship_manager_id")
        customer.relationship_manager_id = principal.user_id
        customer.home_branch = customer.home_branch or principal.branch
    if principal.role is Role.BRANCH_MANAGER:
        if customer.home_branch not in (None, principal.branch):
            raise Forbidden("a branch manager may only create customers in their branch", field="home_branch")
        customer.home_branch = principal.branch
    await _check_references(uow, customer)
    await _check_unique_identities(uow, customer)
    now = clock.now()
    customer.created_at = now
    customer.updated_at = now
    customer.version = 1
    await uow.customers.add(customer)
    return customer


async def update_customer(
    uow: UnitOfWork,
    principal: Principal,
    customer_id: uuid.UUID,
    changes: dict[str, Any],
    expected_version: int,
    clock: Clock,
) -> Customer:
    """Apply a partial change if the caller read the current version and may change those fields."""
    principal.require(Action.WRITE_CUSTOMERS)
    current = await get_customer(uow, principal, customer_id)
    principal.check_editable(set(changes))
    updated = current.apply_changes(changes, expected_version)
    if not principal.portfolio.admits(updated):
        raise Forbidden("the change would move the customer out of your scope", field="relationship_manager_id")
    await _check_references(uow, updated, set(changes))
    if "id_document" in changes:
        await _check_unique_identities(uow, updated)
    updated.updated_at = clock.now()
    await uow.customers.update(updated)
    return updated


async def relate_customers(
    uow: UnitOfWork, principal: Principal, customer_id: uuid.UUID, other_id: uuid.UUID, kind: RelationType
) -> None:
    """Record a relation both ways (a parent's child is the child's parent)."""
    principal.require(Action.WRITE_CUSTOMERS)
    await get_customer(uow, principal, customer_id)
    other = await uow.customers.get(other_id)
    if other is None:
        raise CustomerNotFound(other_id)
    for owner, relation in relation_pair(customer_id, other_id, kind):
        try:
            await uow.customers.add_relation(owner, relation)
        except Conflict:
            raise Conflict("these customers are already related that way", field="type") from None
