// Generated from ../openapi.yaml by `npm run generate-client`. Do not edit.

export interface paths {
    "/api/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Alerts in the caller's portfolio (filter by status, kind, customer, assignee)
         * @description Newest first. An RM sees the alerts of their own portfolio, a branch manager their branch's.
         *
         *     Abnormal fund movements, judged against the customer's own history.
         *
         *     * large_outflow: money out in the last 7 days is more than `outflow_multiple` (3) times the customer's
         *       usual monthly outflow (the monthly average of days 30-365 before), or more than `outflow_aum_share`
         *       (50%) of AUM before it left; and at least `outflow_min` (50,000 CNY), so small accounts stay quiet.
         *       Cause: the day of the first outflow in that 7-day window.
         *     * dormant_wakeup: a transaction in the last 7 days after `dormant_days` (180) or more without any, on
         *       a relationship older than that. Cause: the day it woke.
         *     * salary_stopped: at least `salary_min_months` (3) salary credits in the 60-180 days before, and none in
         *       the last `salary_gap_days` (60, so a payday late in the month is not yet a miss). Cause: the date of the last salary.
         *     * maturity: a time deposit, wealth product or loan maturing within 30 days. Cause: holding + date.
         *     * complaint: a call-center complaint in the last 30 days. Cause: the complaint interaction.
         */
        get: operations["alerts-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{alert_id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge an open alert (the caller takes it if unassigned) */
        post: operations["alerts-acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{alert_id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give an alert to an RM, branch manager or admin */
        post: operations["alerts-assign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{alert_id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve an alert with a note of what was done */
        post: operations["alerts-resolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/pareto": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The cumulative contribution curve: what share of contribution the best x% of customers make
         * @description Customers ranked by monthly contribution, best first; customers losing money add nothing, so the curve ends flat at 1. Over the caller's portfolio.
         */
        get: operations["analytics-pareto"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/rm-performance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How each RM's portfolio and work went over the last `days` days
         * @description An RM sees their own row, a branch manager their branch's RMs, auditors and admins every RM. The portfolio is today's; alerts, cases, campaigns and visits are counted over the period.
         */
        get: operations["analytics-rm-performance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/tiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customers, AUM and monthly contribution per tier, over the caller's portfolio */
        get: operations["analytics-tiers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the audit log, newest first (auditors and admins); the read is itself audited */
        get: operations["audit-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Me */
        get: operations["auth-me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with username and password (OAuth2 password form)
         * @description Failed sign-ins for one username slow down, then lock it (settings: login_*); every try is audited.
         */
        post: operations["auth-token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Campaigns, the newest first, with their members and the contacts left to make in your portfolio */
        get: operations["campaigns-list"];
        put?: never;
        /** Prepare a campaign (a draft: nobody is in it until it is launched) */
        post: operations["campaigns-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{campaign_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One campaign with its measured effect: target against control, responses, conversions */
        get: operations["campaigns-get"];
        put?: never;
        post?: never;
        /** Delete a draft (409 once launched: its record is kept) */
        delete: operations["campaigns-delete"];
        options?: never;
        head?: never;
        /** Change a draft (409 once launched: a campaign keeps what it was launched with) */
        patch: operations["campaigns-update"];
        trace?: never;
    };
    "/api/v1/campaigns/{campaign_id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close an active campaign: no more responses; its effect is final */
        post: operations["campaigns-close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{campaign_id}/launch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Launch a draft: freeze its members, drawn into target and control; those not eligible are counted */
        post: operations["campaigns-launch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{campaign_id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The campaign's customers in your portfolio: who to contact, what they said, who converted
         * @description By customer number. `group=target&response=none` is the list of contacts still to make.
         */
        get: operations["campaigns-members"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{campaign_id}/members/{customer_id}/response": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Record what a target customer said when contacted (a later answer replaces an earlier one)
         * @description Only while the campaign is active, and only for a customer of its target group. The two refusals are both 409, told apart by the problem's `type`: `/problems/campaign-not-active` (the campaign is closed, or not launched yet: nothing more is recorded for it) and `/problems/customer-held-out` (the customer is in the control group: never contacted, so that the campaign's effect can be measured). A customer who is not a member, or is outside the caller's scope, is 404.
         */
        put: operations["campaigns-respond"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Cases in the caller's portfolio (filter by status, kind, customer, overdue)
         * @description An RM sees the cases of their own portfolio, a branch manager their branch's, the call center's agents and auditors everyone's. With `status=open` or `overdue=true` the list is a work queue, the soonest due first; otherwise the newest opened first.
         */
        get: operations["cases-list"];
        put?: never;
        /** Log a customer's service request (due within 5 days) or complaint (due within 48 hours) */
        post: operations["cases-open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{case_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case */
        get: operations["cases-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{case_id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close an open case with what was done (a complaint's alert for the RM is resolved with it) */
        post: operations["cases-close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contact-center/context": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who is calling and what matters now: look a caller up by exactly one identifier
         * @description Give exactly one of `phone` (E.164), `customer_number`, `card_token` or `id_number` (the document number, matched on any document type; `type:number` narrows it). One customer: their whole context, masked for the caller's role. Several (a shared household phone): candidates with just enough to tell them apart. None: 404. Customers merged into another are never matched. Every read is audited; a system that sends `call_id` is audited once per call. A read the database cannot answer in time (`CRM_DATABASE_HOT_READ_TIMEOUT_MS`, 5 s) is 503 with `Retry-After`.
         */
        get: operations["contact-center-context"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contact-center/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live events of one customer while the agent has them open (server-sent events)
         * @description A `text/event-stream`: `ready` once listening, then `interaction`, `alert`, `case` and `balance` events as they are committed, from any server process; a `: heartbeat` comment every 15 s. An interaction is sent once, whenever bank-crm learns of it (one that happened days ago but arrives now too); an alert or a case each time it is raised or opened and each time its status changes (the same id again: an alert acknowledged or resolved, a case closed with its resolution); a balance each time it changes. Close the connection to stop.
         */
        get: operations["contact-center-stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search customers */
        get: operations["customers-search"];
        put?: never;
        /** Register a customer */
        post: operations["customers-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{customer_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one customer (ETag for later changes) */
        get: operations["customers-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a customer; If-Match is required */
        patch: operations["customers-update"];
        trace?: never;
    };
    "/api/v1/customers/{customer_id}/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The campaigns a customer is in, the newest first: group, response, conversion */
        get: operations["customers-campaigns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{customer_id}/holdings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's product holdings with balances, maturities and balance history */
        get: operations["customers-holdings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{customer_id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge a provisional or duplicate customer into this one
         * @description Moves the source customer's channel identities, phones, holdings, interactions, relations, alerts and segment memberships to this (surviving) customer and records the merge in the audit trail. The source stays readable: `GET /api/v1/customers/{source}` answers 200 with `merged_into` set to the survivor. Admins may merge any customers; branch managers customers of their branch and provisional customers.
         */
        post: operations["customers-merge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{customer_id}/next-best-actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What to do for a customer now: maturities, alerts, complaints, campaign and look-alike offers
         * @description The call-center context's next best actions for one customer, for whoever may read the customer (an RM their portfolio, a branch manager their branch): deposits maturing within 30 days, open alerts, recent complaints, then (only with the customer's consent to phone offers) the offers of running campaigns that have the customer in their target group and not declined, and products similar customers hold that suit the customer's risk preference. Service before sales, most urgent first; each says why. Account numbers in titles and reasons show their last four digits only. A customer merged into another has none. The read is audited.
         */
        get: operations["customers-next-best-actions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{customer_id}/relations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Relate two customers (household, spouse, guarantor...) */
        post: operations["customers-relate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{customer_id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every interaction on every channel, newest first */
        get: operations["customers-timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{customer_id}/value": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A customer's value: tier, contribution, AUM, RFM, churn risk with drivers, lifecycle, history
         * @description Tier, monthly contribution with its breakdown, AUM and its three-month trend, RFM, churn risk with its top drivers in words, lifecycle stage with its reason, and the tier history. Scores move with every event; a customer never scored is scored on this read.
         *
         *     **Tiers.** Value tiers: key, potential, ordinary.
         *
         *     * key: the customers who together make up the top `key_share` (default 80%) of the bank's positive
         *       contribution. A full rescore computes the cutoff (the smallest contribution still inside that share)
         *       and stores it; incremental rescoring between full runs compares against the stored cutoff, so a
         *       customer's tier only depends on their own figures and the last cutoff.
         *     * potential: not key, but showing growth: AUM up by `growth_share` (10%) or more over three months
         *       with at least `growth_min_aum`; or a high income band (300k+) with AUM below `low_wallet_aum` (low
         *       share of wallet); or a young professional (aged 25-35, bachelor's degree or more, income 150k+).
         *     * ordinary: everyone else.
         *
         *
         *     **Lifecycle.** Lifecycle stages, by rules applied in this order (the first that holds wins):
         *
         *     1. churned:   had holdings, and every one is closed.
         *     2. prospect:  no holdings at all.
         *     3. new:       the first holding opened within the last `new_days` (90) days.
         *     4. dormant:   no transaction or customer-initiated contact for `dormant_days` (180) days.
         *     5. declining: AUM fell by `decline_share` (20%) or more over three months, or churn risk >= 0.6.
         *     6. growing:   AUM rose by `growth_share` (10%) or more over three months, or a product was opened in
         *                   the last 180 days.
         *     7. mature:    none of the above: a settled, active relationship.
         *
         *
         *     **Churn risk.** Churn risk from 0 to 1: a weighted sum of behavioural signals, each scaled to 0..1.
         *
         *     | driver | signal (scaled to 0..1) | weight |
         *     | --- | --- | --- |
         *     | balance_outflow | AUM fall over three months, as a share of AUM then (full at 50%) | 0.30 |
         *     | fewer_interactions | drop in transactions and contacts, last 90 days vs the 90 before | 0.20 |
         *     | complaints | call-center complaints in the last 90 days (full at 2) | 0.15 |
         *     | closed_products | holdings closed in the last 90 days (full at 2) | 0.15 |
         *     | maturity_not_rolled | a time deposit or wealth product matured in the last 60 days and was not rolled over | 0.10 |
         *     | salary_stopped | a monthly salary credit stopped arriving (see movements) | 0.10 |
         *
         *     The weights add up to 1, so the score is their weighted sum. Every score carries its drivers (those
         *     with a non-zero part, largest first, up to three) as `{driver, weight, text}`, `weight` being the
         *     part of the score the driver explains.
         */
        get: operations["value-customer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feeds/{channel}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Post a batch of channel events (1-5,000); each gets its own outcome
         * @description Events are idempotent by (channel, source_ref): the same event again is a `duplicate`; the same ref with other content is `rejected`. Rejected events are kept in the quarantine with their reasons. A `pan` is turned into a keyed card token and its last four digits and is never stored or echoed. Money is a decimal string: a JSON number for `amount` is refused. Once this answers, every accepted event is in its customer's timeline. An identity that matches nobody creates a provisional customer.
         */
        post: operations["feeds-post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feeds/quarantine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Refused events with their reasons, newest first */
        get: operations["feeds-quarantine-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feeds/quarantine/{entry_id}/discard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give up on a quarantined event, saying why */
        post: operations["feeds-quarantine-discard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feeds/quarantine/{entry_id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply a quarantined event again, corrected or as stored
         * @description Accepted (or found already applied): the entry becomes `replayed`. Refused again: it stays `open` with the new reasons and the corrected event.
         */
        post: operations["feeds-quarantine-replay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The product catalogue */
        get: operations["products-list"];
        put?: never;
        /** Add a product to the catalogue (admin) */
        post: operations["products-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Segments, by code */
        get: operations["segments-list"];
        put?: never;
        /**
         * Create a rule segment (members computed at once) or a static list
         * @description The segment rule language: a small parser and type checker (no eval), producing a JSON AST.
         *
         *     Text form, e.g. ``age between 25 and 35 and aum > 500000 and not holds('credit_card')``::
         *
         *         rule       := or
         *         or         := and ("or" and)*
         *         and        := not ("and" not)*
         *         not        := "not" not | "(" rule ")" | holds | comparison
         *         holds      := "holds" "(" string ")"          -- a product category or product code, not closed
         *         comparison := attribute op literal
         *                     | attribute "between" literal "and" literal
         *                     | attribute ["not"] "in" "(" literal ("," literal)* ")"
         *         op         := "=" | "!=" | "<" | "<=" | ">" | ">="
         *         literal    := number | 'string' | date('YYYY-MM-DD') | true | false
         *
         *     The JSON AST (accepted as input too, and stored) is:
         *     ``{"and": [...]}``, ``{"or": [...]}``, ``{"not": node}``, ``{"holds": "credit_card"}``,
         *     ``{"attr": "aum", "op": ">", "value": "500000"}`` (op also ``between`` with a two-item list, ``in`` and
         *     ``not_in`` with a list). Numbers are decimal strings in the AST so money stays exact; dates are ISO strings.
         *
         *     Errors are `RuleError` (an InvalidValue on field ``rule``) whose message starts with the place:
         *     ``at position 17: unknown attribute 'agee'`` for text (positions count characters from 1), or
         *     ``at rule.and[1].attr: ...`` for JSON.
         *
         *
         *     Attributes:
         *
         *     * `age` (number): age in whole years today (from birth_date)
         *     * `birth_date` (date): date of birth
         *     * `customer_since` (date): the day the customer was registered
         *     * `gender` (text, one of female, male, other, undisclosed): gender
         *     * `kind` (text, one of business, individual): individual or business
         *     * `income_band` (text, one of 150k_300k, 300k_1m, 60k_150k, over_1m, under_60k): annual income band
         *     * `education` (text, one of bachelor, doctorate, master, other, secondary, vocational): highest education
         *     * `risk_preference` (text, one of aggressive, balanced, conservative, growth, moderately_conservative): assessed risk appetite
         *     * `occupation` (text): occupation as recorded
         *     * `home_branch` (text): home branch code
         *     * `tier` (text, one of key, ordinary, potential): value tier
         *     * `lifecycle_stage` (text, one of churned, declining, dormant, growing, mature, new, prospect): lifecycle stage
         *     * `aum` (money): assets under management today, CNY
         *     * `aum_3m_ago` (money): assets under management three months ago, CNY
         *     * `deposit_balance` (money): deposit balances, CNY
         *     * `loan_balance` (money): loan and card debt outstanding, CNY
         *     * `contribution` (money): monthly profit contribution, CNY
         *     * `churn_risk` (number): churn risk from 0 to 1
         *     * `rfm_recency_days` (number): days since the last transaction
         *     * `rfm_frequency` (number): transactions in the last 90 days
         *     * `rfm_monetary` (money): money moved in the last 90 days, CNY
         *     * `active_products` (number): holdings not closed
         *     * `holds('x')`: holds(x): has a holding, not closed, of product category or product code x
         */
        post: operations["segments-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{segment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One segment */
        get: operations["segments-get"];
        put?: never;
        post?: never;
        /** Delete a segment and its memberships */
        delete: operations["segments-delete"];
        options?: never;
        head?: never;
        /** Rename a segment, describe it, or change its rule (members follow at once) */
        patch: operations["segments-update"];
        trace?: never;
    };
    "/api/v1/segments/{segment_id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members of a segment within the caller's portfolio (phones masked) */
        get: operations["segments-members"];
        put?: never;
        /** Add customers to a static list (already there: unchanged) */
        post: operations["segments-members-add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{segment_id}/members/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove customers from a static list */
        post: operations["segments-members-remove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{segment_id}/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-evaluate a rule segment's members for every customer now */
        post: operations["segments-refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Count the customers a rule matches, before saving it
         * @description The segment rule language: a small parser and type checker (no eval), producing a JSON AST.
         *
         *     Text form, e.g. ``age between 25 and 35 and aum > 500000 and not holds('credit_card')``::
         *
         *         rule       := or
         *         or         := and ("or" and)*
         *         and        := not ("and" not)*
         *         not        := "not" not | "(" rule ")" | holds | comparison
         *         holds      := "holds" "(" string ")"          -- a product category or product code, not closed
         *         comparison := attribute op literal
         *                     | attribute "between" literal "and" literal
         *                     | attribute ["not"] "in" "(" literal ("," literal)* ")"
         *         op         := "=" | "!=" | "<" | "<=" | ">" | ">="
         *         literal    := number | 'string' | date('YYYY-MM-DD') | true | false
         *
         *     The JSON AST (accepted as input too, and stored) is:
         *     ``{"and": [...]}``, ``{"or": [...]}``, ``{"not": node}``, ``{"holds": "credit_card"}``,
         *     ``{"attr": "aum", "op": ">", "value": "500000"}`` (op also ``between`` with a two-item list, ``in`` and
         *     ``not_in`` with a list). Numbers are decimal strings in the AST so money stays exact; dates are ISO strings.
         *
         *     Errors are `RuleError` (an InvalidValue on field ``rule``) whose message starts with the place:
         *     ``at position 17: unknown attribute 'agee'`` for text (positions count characters from 1), or
         *     ``at rule.and[1].attr: ...`` for JSON.
         *
         *
         *     Attributes:
         *
         *     * `age` (number): age in whole years today (from birth_date)
         *     * `birth_date` (date): date of birth
         *     * `customer_since` (date): the day the customer was registered
         *     * `gender` (text, one of female, male, other, undisclosed): gender
         *     * `kind` (text, one of business, individual): individual or business
         *     * `income_band` (text, one of 150k_300k, 300k_1m, 60k_150k, over_1m, under_60k): annual income band
         *     * `education` (text, one of bachelor, doctorate, master, other, secondary, vocational): highest education
         *     * `risk_preference` (text, one of aggressive, balanced, conservative, growth, moderately_conservative): assessed risk appetite
         *     * `occupation` (text): occupation as recorded
         *     * `home_branch` (text): home branch code
         *     * `tier` (text, one of key, ordinary, potential): value tier
         *     * `lifecycle_stage` (text, one of churned, declining, dormant, growing, mature, new, prospect): lifecycle stage
         *     * `aum` (money): assets under management today, CNY
         *     * `aum_3m_ago` (money): assets under management three months ago, CNY
         *     * `deposit_balance` (money): deposit balances, CNY
         *     * `loan_balance` (money): loan and card debt outstanding, CNY
         *     * `contribution` (money): monthly profit contribution, CNY
         *     * `churn_risk` (number): churn risk from 0 to 1
         *     * `rfm_recency_days` (number): days since the last transaction
         *     * `rfm_frequency` (number): transactions in the last 90 days
         *     * `rfm_monetary` (money): money moved in the last 90 days, CNY
         *     * `active_products` (number): holdings not closed
         *     * `holds('x')`: holds(x): has a holding, not closed, of product category or product code x
         */
        post: operations["segments-preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Active staff, by username
         * @description RMs and branch managers see the people of their own branch; the bank-wide roles see everyone. No contact details: those of a customer's RM are in the customer's views.
         */
        get: operations["staff-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tasks: your own, those you left, and for a branch manager their branch's
         * @description With `status=open` or `overdue=true` the list is a to-do list, the soonest day first; with `status=closed` the tasks done or cancelled, the latest closed first; otherwise (`done`, `cancelled` or no status) the newest first. `assignee_id` narrows it to one person; `customer_id` to one customer's tasks.
         */
        get: operations["tasks-list"];
        put?: never;
        /** Leave a task: for yourself, someone of your branch (a branch manager), or a caller's RM (an agent) */
        post: operations["tasks-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{task_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One task */
        get: operations["tasks-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Move an open task to another day, or say better what it is */
        patch: operations["tasks-update"];
        trace?: never;
    };
    "/api/v1/tasks/{task_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an open task, saying why */
        post: operations["tasks-cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{task_id}/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark an open task done, with what came of it */
        post: operations["tasks-done"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/value/parameters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The contribution pricing parameters, with defaults and sane ranges
         * @description Contribution: each customer's monthly profit to the bank, and the parameters that price it.
         *
         *         contribution (CNY / month) =
         *               sum over deposits      balance x FTP spread of its category / 12
         *             + sum over loans         outstanding x margin of its category / 12
         *             + card debt              outstanding x revolving margin / 12
         *             + investments            balance x yearly fee rate / 12
         *             + card spend             (last 90 days / 3) x interchange rate
         *             + fees charged           (last 90 days / 3)
         *             - cost to serve          (interactions of the last 90 days by channel / 3) x cost per interaction
         *
         *     Reporting currency is CNY. USD holdings and movements are converted at the fixed `fx_usd_cny`
         *     parameter; holdings in any other currency are left out of AUM and contribution (a retail bank in China
         *     holds very few, and a wrong rate would be worse than leaving them out).
         */
        get: operations["value-parameters"];
        /**
         * Change pricing parameters (admin); each must stay in its range, else 422 naming it
         * @description Send only the parameters to change. Scores use them from the next rescore or event.
         */
        put: operations["value-parameters-update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is alive */
        get: operations["health-live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: operations["health-metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database is reachable */
        get: operations["health-ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** AddressIn */
        AddressIn: {
            /** City */
            city?: string | null;
            /**
             * Country
             * @default CN
             */
            country: string;
            /** Line */
            line: string;
            /** Postal Code */
            postal_code?: string | null;
            /** Province */
            province?: string | null;
        };
        /** AddressOut */
        AddressOut: {
            /** City */
            city: string | null;
            /** Country */
            country: string;
            /** Line */
            line: string;
            /** Postal Code */
            postal_code: string | null;
            /** Province */
            province: string | null;
        };
        /**
         * AlertKind
         * @enum {string}
         */
        AlertKind: "large_outflow" | "dormant_wakeup" | "salary_stopped" | "maturity" | "complaint";
        /** AlertOut */
        AlertOut: {
            /** Acknowledged At */
            acknowledged_at: string | null;
            /** Assigned To */
            assigned_to: string | null;
            /** Assigned To Username */
            assigned_to_username: string | null;
            /**
             * Cause Key
             * @description What makes two alerts the same cause; one alert per cause
             */
            cause_key: string;
            customer: components["schemas"]["CustomerRefOut"];
            /** Data */
            data: {
                [key: string]: unknown;
            };
            /** Detail */
            detail: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @example large_outflow
             */
            kind: string;
            /**
             * Raised At
             * Format: date-time
             */
            raised_at: string;
            /** Resolution Note */
            resolution_note: string | null;
            /** Resolved At */
            resolved_at: string | null;
            /**
             * Severity
             * @example high
             */
            severity: string;
            /**
             * Status
             * @example open
             */
            status: string;
            /** Title */
            title: string;
        };
        /**
         * AlertStatus
         * @enum {string}
         */
        AlertStatus: "open" | "acknowledged" | "resolved";
        /** AmbiguousContextOut */
        AmbiguousContextOut: {
            /** Candidates */
            candidates: components["schemas"]["CandidateOut"][];
            /**
             * Match
             * @constant
             */
            match: "ambiguous";
        };
        /** MemberOut */
        api__campaigns__MemberOut: {
            /**
             * Converted On
             * @description When they opened the offered product during the campaign
             */
            converted_on: string | null;
            customer: components["schemas"]["CustomerRefOut"];
            group: components["schemas"]["Group"];
            /** Note */
            note: string | null;
            /** Responded At */
            responded_at: string | null;
            /** Responded By Username */
            responded_by_username: string | null;
            response: components["schemas"]["Response"] | null;
            /** Rm Name */
            rm_name: string | null;
            /** Rm Username */
            rm_username: string | null;
            /** Tier */
            tier: string;
        };
        /**
         * CloseIn
         * @example {
         *       "resolution": "Refunded the double charge of 12 May; apologised.",
         *       "satisfaction": 4
         *     }
         */
        api__cases__CloseIn: {
            /** Resolution */
            resolution: string;
            /** Satisfaction */
            satisfaction?: number | null;
        };
        /** Page[MemberOut] */
        api__schemas__common__Page_MemberOut___1: {
            /** Items */
            items: components["schemas"]["api__segments__MemberOut"][];
            /**
             * Next Cursor
             * @description Pass as ?cursor= for the next page; null at the end.
             */
            next_cursor: string | null;
        };
        /** Page[MemberOut] */
        api__schemas__common__Page_MemberOut___2: {
            /** Items */
            items: components["schemas"]["api__campaigns__MemberOut"][];
            /**
             * Next Cursor
             * @description Pass as ?cursor= for the next page; null at the end.
             */
            next_cursor: string | null;
        };
        /** MemberOut */
        api__segments__MemberOut: {
            /** Aum */
            aum: string | null;
            /** Churn Risk */
            churn_risk: string | null;
            /**
             * Customer Id
             * Format: uuid
             */
            customer_id: string;
            /** Customer Number */
            customer_number: string;
            /** Display Name */
            display_name: string;
            /** Home Branch */
            home_branch: string | null;
            /** Lifecycle Stage */
            lifecycle_stage: string;
            /** Masked Phone */
            masked_phone: string | null;
            /**
             * Since
             * Format: date-time
             */
            since: string;
            /** Tier */
            tier: string;
        };
        /**
         * CloseIn
         * @example {
         *       "outcome": "Called; she will come on Friday to sign."
         *     }
         */
        api__tasks__CloseIn: {
            /**
             * Outcome
             * @description What came of it (done), or why not (cancelled)
             */
            outcome: string;
        };
        /**
         * AssignIn
         * @example {
         *       "user_id": "6f1c2a9e-52a4-4d8f-9a57-1b8b2f0f4c11"
         *     }
         */
        AssignIn: {
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /**
         * AuditAction
         * @enum {string}
         */
        AuditAction: "read" | "reveal" | "change" | "denied" | "login" | "login_failed" | "audit_read";
        /** AuditCustomerOut */
        AuditCustomerOut: {
            /**
             * Customer Number
             * @description None when the customer is no longer on record
             */
            customer_number: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
        };
        /** AuditEntryOut */
        AuditEntryOut: {
            /**
             * Action
             * @description read, reveal, change, denied, login, login_failed or audit_read
             */
            action: string;
            /**
             * Actor
             * @description The username, or key:<name> for an API key
             */
            actor: string;
            /** Actor Id */
            actor_id: string | null;
            /**
             * Actor Kind
             * @description user, api_key or anonymous
             */
            actor_kind: string;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Customer Ids */
            customer_ids: string[];
            /**
             * Customers
             * @description The same customers with their numbers, in that order
             */
            customers: components["schemas"]["AuditCustomerOut"][];
            /** Detail */
            detail: {
                [key: string]: unknown;
            };
            /** Fields */
            fields: string[];
            /** Id */
            id: number;
            /** Ip */
            ip: string | null;
            /** Method */
            method: string | null;
            /**
             * Outcome
             * @description The HTTP status answered
             * @example 200
             */
            outcome: number;
            /** Path */
            path: string | null;
            /** Request Id */
            request_id: string | null;
            /** Role */
            role: string | null;
            /**
             * View
             * @description The route's operation_id
             * @example customers-get
             */
            view: string;
        };
        /** BalancePointOut */
        BalancePointOut: {
            /**
             * As Of
             * Format: date
             */
            as_of: string;
            /**
             * Balance
             * Format: decimal
             * @example 1234.50
             */
            balance: string;
        };
        /** Body_auth-token */
        "Body_auth-token": {
            /** Password */
            password: string;
            /** Username */
            username: string;
        };
        /** CampaignDetailOut */
        CampaignDetailOut: {
            channel: components["schemas"]["ConsentChannel"];
            /** Closed At */
            closed_at: string | null;
            /** Control Pct */
            control_pct: number;
            /**
             * Controls
             * @description Customers held out
             */
            controls: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By Username */
            created_by_username: string | null;
            /** Description */
            description: string | null;
            /** @description Null for a draft */
            effect: components["schemas"]["EffectOut"] | null;
            /**
             * Ends On
             * Format: date
             */
            ends_on: string;
            /** @description Left out at launch, by reason (null before launch) */
            excluded: components["schemas"]["ExcludedOut"] | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Launched At */
            launched_at: string | null;
            /** Name */
            name: string;
            product: components["schemas"]["ProductRefOut"];
            /**
             * Responded
             * @description Target customers whose response is recorded
             */
            responded: number;
            segment: components["schemas"]["SegmentRefOut"];
            /**
             * Starts On
             * Format: date
             */
            starts_on: string;
            status: components["schemas"]["CampaignStatus"];
            /**
             * Targets
             * @description Customers to contact
             */
            targets: number;
            /**
             * To Contact
             * @description Target customers in the caller's portfolio not contacted yet
             */
            to_contact: number;
        };
        /**
         * CampaignIn
         * @example {
         *       "channel": "phone",
         *       "control_pct": 10,
         *       "ends_on": "2026-04-30",
         *       "name": "Spring time deposit drive",
         *       "product_code": "TD12",
         *       "segment_id": "0b6f8a52-3f0e-4d7a-9a31-52c1d2a4e7f0",
         *       "starts_on": "2026-03-01"
         *     }
         */
        CampaignIn: {
            /** @description How customers are contacted; only those who consent to it are in */
            channel: components["schemas"]["ConsentChannel"];
            /**
             * Control Pct
             * @description The share of eligible customers held out, not contacted, to measure the effect against
             * @default 10
             */
            control_pct: number;
            /** Description */
            description?: string | null;
            /**
             * Ends On
             * Format: date
             * @description The last day a conversion counts
             */
            ends_on: string;
            /** Name */
            name: string;
            /**
             * Product Code
             * @description The product offered
             */
            product_code: string;
            /**
             * Segment Id
             * Format: uuid
             * @description Who it is for: the segment's members when it is launched
             */
            segment_id: string;
            /**
             * Starts On
             * Format: date
             */
            starts_on: string;
        };
        /** CampaignOut */
        CampaignOut: {
            channel: components["schemas"]["ConsentChannel"];
            /** Closed At */
            closed_at: string | null;
            /** Control Pct */
            control_pct: number;
            /**
             * Controls
             * @description Customers held out
             */
            controls: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By Username */
            created_by_username: string | null;
            /** Description */
            description: string | null;
            /**
             * Ends On
             * Format: date
             */
            ends_on: string;
            /** @description Left out at launch, by reason (null before launch) */
            excluded: components["schemas"]["ExcludedOut"] | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Launched At */
            launched_at: string | null;
            /** Name */
            name: string;
            product: components["schemas"]["ProductRefOut"];
            /**
             * Responded
             * @description Target customers whose response is recorded
             */
            responded: number;
            segment: components["schemas"]["SegmentRefOut"];
            /**
             * Starts On
             * Format: date
             */
            starts_on: string;
            status: components["schemas"]["CampaignStatus"];
            /**
             * Targets
             * @description Customers to contact
             */
            targets: number;
            /**
             * To Contact
             * @description Target customers in the caller's portfolio not contacted yet
             */
            to_contact: number;
        };
        /**
         * CampaignPatchIn
         * @description A draft's changes: only the fields sent change; the whole is checked again.
         * @example {
         *       "control_pct": 15,
         *       "ends_on": "2026-12-31"
         *     }
         */
        CampaignPatchIn: {
            channel?: components["schemas"]["ConsentChannel"] | null;
            /** Control Pct */
            control_pct?: number | null;
            /** Description */
            description?: string | null;
            /** Ends On */
            ends_on?: string | null;
            /** Name */
            name?: string | null;
            /** Product Code */
            product_code?: string | null;
            /** Segment Id */
            segment_id?: string | null;
            /** Starts On */
            starts_on?: string | null;
        };
        /** CampaignRefOut */
        CampaignRefOut: {
            channel: components["schemas"]["ConsentChannel"];
            /**
             * Ends On
             * Format: date
             */
            ends_on: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            product: components["schemas"]["ProductRefOut"];
            /**
             * Starts On
             * Format: date
             */
            starts_on: string;
            status: components["schemas"]["CampaignStatus"];
        };
        /**
         * CampaignStatus
         * @enum {string}
         */
        CampaignStatus: "draft" | "active" | "closed";
        /** CandidateOut */
        CandidateOut: {
            /** Birth Year */
            birth_year: number | null;
            /** Customer Number */
            customer_number: string;
            /** Display Name */
            display_name: string;
            /** Home Branch */
            home_branch: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Masked Phone */
            masked_phone: string | null;
            /** Provisional */
            provisional: boolean;
        };
        /**
         * CaseKind
         * @enum {string}
         */
        CaseKind: "complaint" | "service_request";
        /** CaseOut */
        CaseOut: {
            /**
             * Channel
             * @description Where the customer raised it
             * @example call_center
             */
            channel: string;
            /** Closed At */
            closed_at: string | null;
            /** Closed By */
            closed_by: string | null;
            /** Closed By Username */
            closed_by_username: string | null;
            customer: components["schemas"]["CustomerRefOut"];
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @example complaint
             */
            kind: string;
            /**
             * Opened At
             * Format: date-time
             */
            opened_at: string;
            /**
             * Opened By
             * @description Who logged it by hand; none for a feed's complaint
             */
            opened_by: string | null;
            /** Opened By Username */
            opened_by_username: string | null;
            /**
             * Overdue
             * @description Open and past its due time
             */
            overdue: boolean;
            /**
             * Resolution
             * @description What was done for the customer
             */
            resolution: string | null;
            /**
             * Satisfaction
             * @description 1 (very unhappy) to 5 (very happy), as the customer said
             */
            satisfaction: number | null;
            /**
             * Sla Due At
             * @description When the bank's answer is due (the service level)
             */
            sla_due_at: string | null;
            /**
             * Source Ref
             * @description The reference of the event that opened it
             */
            source_ref: string | null;
            /**
             * Status
             * @example open
             */
            status: string;
            /** Subject */
            subject: string;
        };
        /**
         * CaseStatus
         * @enum {string}
         */
        CaseStatus: "open" | "closed";
        /**
         * Channel
         * @enum {string}
         */
        Channel: "teller" | "card" | "pos" | "atm" | "call_center" | "online_banking" | "rm_visit" | "phone" | "email" | "sms";
        /** ChurnDriverOut */
        ChurnDriverOut: {
            /**
             * Driver
             * @example balance_outflow
             */
            driver: string;
            /**
             * Text
             * @example balances fell 20% over three months
             */
            text: string;
            /**
             * Weight
             * @description The part of the score this driver explains
             * @example 0.1200
             */
            weight: string;
        };
        /**
         * ConsentChannel
         * @enum {string}
         */
        ConsentChannel: "sms" | "email" | "phone" | "post" | "online" | "push";
        /** ContextAlertOut */
        ContextAlertOut: {
            /**
             * Data
             * @description The figures behind the alert (amounts as decimal strings, dates), as the alerts API gives them
             */
            data: {
                [key: string]: unknown;
            };
            /** Detail */
            detail: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Kind */
            kind: string;
            /**
             * Raised At
             * Format: date-time
             */
            raised_at: string;
            /** Severity */
            severity: string;
            /** Status */
            status: string;
            /** Title */
            title: string;
        };
        /** ContextCaseOut */
        ContextCaseOut: {
            /** Channel */
            channel: string;
            /** Closed At */
            closed_at: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "complaint" | "service_request";
            /**
             * Opened At
             * Format: date-time
             */
            opened_at: string;
            /**
             * Opened By Username
             * @description Who logged it by hand (a username); none for a complaint a feed reported
             */
            opened_by_username: string | null;
            /** Overdue */
            overdue: boolean;
            /**
             * Resolution
             * @description What was done for the customer, once closed
             */
            resolution: string | null;
            /** Satisfaction */
            satisfaction: number | null;
            /** Sla Due At */
            sla_due_at: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "open" | "closed";
            /** Subject */
            subject: string;
        };
        /** ContextCustomerOut */
        ContextCustomerOut: {
            /** Age Band */
            age_band: string;
            /** Birth Year */
            birth_year: number | null;
            /** Customer Number */
            customer_number: string;
            /** Display Name */
            display_name: string;
            /** Home Branch */
            home_branch: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            id_document: components["schemas"]["ContextIdDocumentOut"] | null;
            /** Income Band */
            income_band: string | null;
            /** Kind */
            kind: string;
            /** Lifecycle Stage */
            lifecycle_stage: string;
            /** Marketing Consent */
            marketing_consent: {
                [key: string]: boolean;
            };
            /** Masked Phone */
            masked_phone: string | null;
            /** Name Latin */
            name_latin: string | null;
            /** Name Zh */
            name_zh: string | null;
            /**
             * Phones
             * @description Masked unless the role sees them in full (admin)
             */
            phones: string[];
            /** Preferred Language */
            preferred_language: string;
            /** Provisional */
            provisional: boolean;
            relationship_manager: components["schemas"]["ContextRelationshipManagerOut"] | null;
            /** Risk Preference */
            risk_preference: string | null;
            /**
             * Segment Names
             * @description Each segment's name, by code, as marketing named it
             */
            segment_names: {
                [key: string]: string;
            };
            /**
             * Segments
             * @description Segment codes
             */
            segments: string[];
            /** Tier */
            tier: string;
        };
        /** ContextHoldingOut */
        ContextHoldingOut: {
            /**
             * Account Number
             * @description Masked unless the role sees it in full (admin)
             */
            account_number: string;
            /**
             * Balance
             * Format: decimal
             * @example 1234.50
             */
            balance: string;
            /** Balance As Of */
            balance_as_of: string | null;
            /** Category */
            category: string;
            /** Credit Limit */
            credit_limit: string | null;
            /** Currency */
            currency: string;
            /** Days To Maturity */
            days_to_maturity: number | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Maturity Date */
            maturity_date: string | null;
            /** Opened On */
            opened_on: string | null;
            /** Product Code */
            product_code: string;
            /** Product Name */
            product_name: string;
            /** Product Name Zh */
            product_name_zh: string | null;
            /** Rate */
            rate: string | null;
            /** Status */
            status: string;
        };
        /** ContextIdDocumentOut */
        ContextIdDocumentOut: {
            /**
             * Number
             * @description Masked unless the role sees it in full (admin)
             */
            number: string;
            /** Type */
            type: string;
        };
        /** ContextInteractionOut */
        ContextInteractionOut: {
            /** Actor */
            actor: string | null;
            /** Amount */
            amount: string | null;
            /** Channel */
            channel: string;
            /** Currency */
            currency: string | null;
            /**
             * Details
             * @description disposition, notes, satisfaction... when the channel sent them
             */
            details: {
                [key: string]: unknown;
            };
            /** Direction */
            direction: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /** Outcome */
            outcome: string | null;
            /** Source Ref */
            source_ref: string | null;
            /** Summary */
            summary: string | null;
            /** Type */
            type: string;
        };
        /** ContextRelationshipManagerOut */
        ContextRelationshipManagerOut: {
            /** Branch */
            branch: string | null;
            /** Display Name */
            display_name: string | null;
            /** Email */
            email: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Phone
             * @description The RM's work phone, to transfer the call
             */
            phone: string | null;
            /** Username */
            username: string | null;
        };
        /** ContextValueOut */
        ContextValueOut: {
            /**
             * Aum
             * Format: decimal
             * @example 1234.50
             */
            aum: string;
            /** Churn Drivers */
            churn_drivers: {
                [key: string]: unknown;
            }[];
            /**
             * Churn Risk
             * @description 0 to 1, a decimal string
             * @example 0.4200
             */
            churn_risk: string;
            /**
             * Contribution Monthly
             * Format: decimal
             * @example 1234.50
             */
            contribution_monthly: string;
            /** Currency */
            currency: string;
            /**
             * Deposit Balance
             * Format: decimal
             * @example 1234.50
             */
            deposit_balance: string;
            /** Lifecycle Reason */
            lifecycle_reason: string | null;
            /**
             * Loan Balance
             * Format: decimal
             * @example 1234.50
             */
            loan_balance: string;
            /**
             * Scored At
             * Format: date-time
             */
            scored_at: string;
            /** Tier Reason */
            tier_reason: string | null;
            /** Value Drivers */
            value_drivers: {
                [key: string]: unknown;
            }[] | {
                [key: string]: unknown;
            };
        };
        /**
         * CurrencyCode
         * @enum {string}
         */
        CurrencyCode: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XOF" | "XPF" | "YER" | "ZAR" | "ZMW" | "ZWG";
        /** CustomerCampaignOut */
        CustomerCampaignOut: {
            campaign: components["schemas"]["CampaignRefOut"];
            /**
             * Converted On
             * @description When they opened the offered product during the campaign
             */
            converted_on: string | null;
            /** @description target: to be contacted; control: held out, not to be contacted */
            group: components["schemas"]["Group"];
            /** Note */
            note: string | null;
            /** Responded At */
            responded_at: string | null;
            /** Responded By Username */
            responded_by_username: string | null;
            response: components["schemas"]["Response"] | null;
        };
        /**
         * CustomerCreate
         * @description A new customer. The customer number is assigned when not given.
         * @example {
         *       "birth_date": "1988-04-12",
         *       "gender": "female",
         *       "id_document": {
         *         "number": "E12345678",
         *         "type": "passport"
         *       },
         *       "income_band": "150k_300k",
         *       "marketing_consent": {
         *         "email": false,
         *         "sms": true
         *       },
         *       "name_latin": "Wang Fang",
         *       "name_zh": "王芳",
         *       "phones": [
         *         "+8613812345678"
         *       ],
         *       "risk_preference": "balanced"
         *     }
         */
        CustomerCreate: {
            address?: components["schemas"]["AddressIn"] | null;
            /** Birth Date */
            birth_date?: string | null;
            /** Customer Number */
            customer_number?: string | null;
            education?: components["schemas"]["Education"] | null;
            /**
             * Emails
             * @default []
             */
            emails: string[];
            gender?: components["schemas"]["Gender"] | null;
            /** Home Branch */
            home_branch?: string | null;
            id_document?: components["schemas"]["IdDocumentIn"] | null;
            income_band?: components["schemas"]["IncomeBand"] | null;
            /** @default individual */
            kind: components["schemas"]["CustomerKind"];
            /**
             * Marketing Consent
             * @default {}
             */
            marketing_consent: {
                [key: string]: boolean;
            };
            /** Name Latin */
            name_latin?: string | null;
            /** Name Zh */
            name_zh?: string | null;
            /** Occupation */
            occupation?: string | null;
            /**
             * Phones
             * @default []
             */
            phones: string[];
            /**
             * Preferred Language
             * @default zh-CN
             */
            preferred_language: string;
            /** Relationship Manager Id */
            relationship_manager_id?: string | null;
            risk_preference?: components["schemas"]["RiskPreference"] | null;
        };
        /** CustomerDetailOut */
        CustomerDetailOut: {
            address: components["schemas"]["AddressOut"] | null;
            /** Birth Date */
            birth_date: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Customer Number */
            customer_number: string;
            /** Display Name */
            display_name: string;
            education: components["schemas"]["Education"] | null;
            /** Emails */
            emails: string[];
            gender: components["schemas"]["Gender"] | null;
            /** Home Branch */
            home_branch: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            id_document: components["schemas"]["IdDocumentOut"] | null;
            /** Identities */
            identities: components["schemas"]["IdentityOut"][];
            income_band: components["schemas"]["IncomeBand"] | null;
            kind: components["schemas"]["CustomerKind"];
            lifecycle_stage: components["schemas"]["LifecycleStage"];
            /** Marketing Consent */
            marketing_consent: {
                [key: string]: boolean;
            };
            /** Masked Phone */
            masked_phone: string | null;
            /** Merged Into */
            merged_into: string | null;
            /** Name Latin */
            name_latin: string | null;
            /** Name Zh */
            name_zh: string | null;
            /** Occupation */
            occupation: string | null;
            /** Phones */
            phones: string[];
            /** Preferred Language */
            preferred_language: string;
            /** Provisional */
            provisional: boolean;
            /** Relations */
            relations: components["schemas"]["RelationOut"][];
            relationship_manager: components["schemas"]["RelationshipManagerOut"] | null;
            risk_preference: components["schemas"]["RiskPreference"] | null;
            /**
             * Segment Names
             * @description Each segment's name, by code, as marketing named it
             */
            segment_names: {
                [key: string]: string;
            };
            /** Segments */
            segments: string[];
            tier: components["schemas"]["Tier"];
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Version */
            version: number;
        };
        /**
         * CustomerKind
         * @enum {string}
         */
        CustomerKind: "individual" | "business";
        /**
         * CustomerPatch
         * @description Fields to change; leave out what stays. Send If-Match with the ETag of your last read.
         * @example {
         *       "emails": [
         *         "wf@example.com"
         *       ],
         *       "occupation": "Engineer"
         *     }
         */
        CustomerPatch: {
            address?: components["schemas"]["AddressIn"] | null;
            /** Birth Date */
            birth_date?: string | null;
            education?: components["schemas"]["Education"] | null;
            /**
             * Emails
             * @default []
             */
            emails: string[];
            gender?: components["schemas"]["Gender"] | null;
            /** Home Branch */
            home_branch?: string | null;
            id_document?: components["schemas"]["IdDocumentIn"] | null;
            income_band?: components["schemas"]["IncomeBand"] | null;
            /** @default individual */
            kind: components["schemas"]["CustomerKind"];
            /** @default new */
            lifecycle_stage: components["schemas"]["LifecycleStage"];
            /**
             * Marketing Consent
             * @default {}
             */
            marketing_consent: {
                [key: string]: boolean;
            };
            /** Name Latin */
            name_latin?: string | null;
            /** Name Zh */
            name_zh?: string | null;
            /** Occupation */
            occupation?: string | null;
            /**
             * Phones
             * @default []
             */
            phones: string[];
            /**
             * Preferred Language
             * @default zh-CN
             */
            preferred_language: string;
            /** Relationship Manager Id */
            relationship_manager_id?: string | null;
            risk_preference?: components["schemas"]["RiskPreference"] | null;
            /** @default ordinary */
            tier: components["schemas"]["Tier"];
        };
        /**
         * CustomerRefOut
         * @description The customer an alert or a case is about, named as the workbench shows them.
         */
        CustomerRefOut: {
            /** Customer Number */
            customer_number: string;
            /** Display Name */
            display_name: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
        };
        /** CustomerSummaryOut */
        CustomerSummaryOut: {
            /** Customer Number */
            customer_number: string;
            /** Display Name */
            display_name: string;
            /** Home Branch */
            home_branch: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            kind: components["schemas"]["CustomerKind"];
            lifecycle_stage: components["schemas"]["LifecycleStage"];
            /** Masked Phone */
            masked_phone: string | null;
            /** Provisional */
            provisional: boolean;
            relationship_manager: components["schemas"]["RelationshipManagerOut"] | null;
            tier: components["schemas"]["Tier"];
        };
        /** CustomerValueOut */
        CustomerValueOut: {
            /** Active Products */
            active_products: number;
            /**
             * Aum
             * Format: decimal
             * @example 1234.50
             */
            aum: string;
            /**
             * Aum 3M Ago
             * Format: decimal
             * @example 1234.50
             */
            aum_3m_ago: string;
            /**
             * Aum Change Share
             * @description (aum - aum_3m_ago) / aum_3m_ago; null when it was zero
             */
            aum_change_share: string | null;
            /**
             * Aum Trend
             * @description rising (+10% or more), falling (-10% or more) or flat over three months
             */
            aum_trend: string;
            /** Churn Drivers */
            churn_drivers: components["schemas"]["ChurnDriverOut"][];
            /**
             * Churn Risk
             * @description 0 to 1
             * @example 0.4700
             */
            churn_risk: string;
            /**
             * Contribution Breakdown
             * @description deposit_income, loan_income, investment_income, card_income, fee_income, cost_to_serve
             */
            contribution_breakdown: {
                [key: string]: string;
            };
            /**
             * Contribution Monthly
             * Format: decimal
             * @example 1234.50
             */
            contribution_monthly: string;
            /**
             * Currency
             * @description Reporting currency (USD converted at fx_usd_cny; others left out)
             */
            currency: string;
            /** Customer Id */
            customer_id: string;
            /**
             * Deposit Balance
             * Format: decimal
             * @example 1234.50
             */
            deposit_balance: string;
            /** Lifecycle Reason */
            lifecycle_reason: string | null;
            /** Lifecycle Stage */
            lifecycle_stage: string;
            /**
             * Loan Balance
             * Format: decimal
             * @example 1234.50
             */
            loan_balance: string;
            rfm: components["schemas"]["RfmOut"];
            /**
             * Scored At
             * Format: date-time
             */
            scored_at: string;
            /** Tier */
            tier: string;
            /** Tier History */
            tier_history: components["schemas"]["TierChangeOut"][];
            /** Tier Reason */
            tier_reason: string | null;
        };
        /** DiscardIn */
        DiscardIn: {
            /**
             * Reason
             * @example test event sent by mistake
             */
            reason: string;
        };
        /**
         * Education
         * @enum {string}
         */
        Education: "secondary" | "vocational" | "bachelor" | "master" | "doctorate" | "other";
        /** EffectOut */
        EffectOut: {
            /**
             * As Of
             * Format: date
             */
            as_of: string;
            /** Ci95 High Pp */
            ci95_high_pp: string | null;
            /**
             * Ci95 Low Pp
             * @description 95% interval of the uplift (Newcombe's hybrid score method)
             */
            ci95_low_pp: string | null;
            control: components["schemas"]["GroupOut"];
            /**
             * Converted By Response
             * @description Of those, how many converted
             */
            converted_by_response: {
                [key: string]: number;
            };
            /**
             * Enough Data
             * @description At least 5 expected conversions and 5 expected non-conversions in each group: below that the test cannot tell, and nothing is called significant
             */
            enough_data: boolean;
            /**
             * Final
             * @description The campaign is closed or past its last day: the figures no longer move
             */
            final: boolean;
            /**
             * Incremental Conversions
             * @description Conversions the campaign caused
             */
            incremental_conversions: string | null;
            /**
             * P Value
             * @description Two-sided, of the pooled two-proportion z-test
             */
            p_value: string | null;
            /**
             * Relative Lift
             * @description Uplift over control's rate; null when control is 0
             */
            relative_lift: string | null;
            /**
             * Responses
             * @description Target customers by recorded response ('none': not yet)
             */
            responses: {
                [key: string]: number;
            };
            /**
             * Significant
             * @description Enough data and p < 0.05: the difference is unlikely to be chance
             */
            significant: boolean;
            target: components["schemas"]["GroupOut"];
            /**
             * Uplift Pp
             * @description Target's conversion rate less control's, percentage points
             */
            uplift_pp: string | null;
        };
        /** EventResultOut */
        EventResultOut: {
            /** Errors */
            errors?: components["schemas"]["FieldErrorOut"][] | null;
            /** Index */
            index: number;
            /** Source Ref */
            source_ref: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "accepted" | "duplicate" | "rejected";
        };
        /**
         * ExcludedOut
         * @description Members of the segment left out at launch, by reason.
         */
        ExcludedOut: {
            /**
             * Already Holds
             * @description Hold the product already
             */
            already_holds: number;
            /**
             * No Consent
             * @description Had not agreed to be offered products over the campaign's channel
             */
            no_consent: number;
            /**
             * Unsuitable
             * @description The product's risk is above their assessed appetite
             */
            unsuitable: number;
        };
        /** FeedBatchOut */
        FeedBatchOut: {
            /** Accepted */
            accepted: number;
            /** Duplicates */
            duplicates: number;
            /** Rejected */
            rejected: number;
            /** Results */
            results: components["schemas"]["EventResultOut"][];
        };
        /**
         * FeedChannel
         * @description The five inbound feeds, named as in the URL.
         * @enum {string}
         */
        FeedChannel: "teller" | "card" | "pos-atm" | "call-center" | "online-banking";
        /** FieldErrorOut */
        FieldErrorOut: {
            /**
             * Field
             * @example amount
             */
            field: string;
            /**
             * Message
             * @example must be a decimal string such as "125.00", not a JSON number
             */
            message: string;
        };
        /**
         * Gender
         * @enum {string}
         */
        Gender: "female" | "male" | "other" | "undisclosed";
        /**
         * Group
         * @enum {string}
         */
        Group: "target" | "control";
        /** GroupOut */
        GroupOut: {
            /**
             * Conversion Rate
             * Format: decimal
             * @description converted / customers, 0 to 1
             * @example 0.0175
             */
            conversion_rate: string;
            /**
             * Converted
             * @description Opened the offered product during the campaign
             */
            converted: number;
            /**
             * Converted Balances
             * @description The balances of the products they opened
             */
            converted_balances: components["schemas"]["MoneyOut"][];
            /** Customers */
            customers: number;
        };
        /** HoldingOut */
        HoldingOut: {
            /**
             * Account Number
             * @description Masked unless the role sees it in full
             */
            account_number: string;
            /**
             * Balance
             * Format: decimal
             * @example 1234.50
             */
            balance: string;
            /** Balance History */
            balance_history: components["schemas"]["BalancePointOut"][];
            /** Category */
            category: string;
            /** Closed On */
            closed_on: string | null;
            /** Credit Limit */
            credit_limit: string | null;
            /** Currency */
            currency: string;
            /** Days To Maturity */
            days_to_maturity: number | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Maturity Date */
            maturity_date: string | null;
            /** Opened On */
            opened_on: string | null;
            /** Product Code */
            product_code: string;
            /** Product Name */
            product_name: string;
            /** Product Name Zh */
            product_name_zh: string | null;
            /** Rate */
            rate: string | null;
            /** Status */
            status: string;
        };
        /** HTTPValidationError */
        HTTPValidationError: {
            /** Detail */
            detail?: components["schemas"]["ValidationError"][];
        };
        /** IdDocumentIn */
        IdDocumentIn: {
            /** Number */
            number: string;
            type: components["schemas"]["IdDocumentType"];
        };
        /** IdDocumentOut */
        IdDocumentOut: {
            /**
             * Number
             * @description Masked unless the role sees it in full
             */
            number: string;
            /** Type */
            type: string;
        };
        /**
         * IdDocumentType
         * @enum {string}
         */
        IdDocumentType: "resident_id" | "passport" | "hk_macao_pass" | "taiwan_pass" | "foreign_permanent_resident" | "business_license" | "other";
        /** IdentityOut */
        IdentityOut: {
            /**
             * Key
             * @description Masked unless the role sees it in full
             */
            key: string;
            /** Source */
            source: string;
        };
        /**
         * IncomeBand
         * @description Annual income bands, in CNY equivalents.
         * @enum {string}
         */
        IncomeBand: "under_60k" | "60k_150k" | "150k_300k" | "300k_1m" | "over_1m";
        /** InteractionOut */
        InteractionOut: {
            /** Actor */
            actor: string | null;
            /** Amount */
            amount: string | null;
            /** Channel */
            channel: string;
            /** Currency */
            currency: string | null;
            /** Direction */
            direction: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /** Outcome */
            outcome: string | null;
            /** Source Ref */
            source_ref: string | null;
            /** Summary */
            summary: string | null;
            /** Type */
            type: string;
        };
        /**
         * LifecycleStage
         * @enum {string}
         */
        LifecycleStage: "prospect" | "new" | "growing" | "mature" | "declining" | "dormant" | "churned";
        /** MembersChangedOut */
        MembersChangedOut: {
            /** Changed */
            changed: number;
        };
        /**
         * MembersIn
         * @example {
         *       "customer_ids": [
         *         "0e47aeff-e162-4bc1-9cc0-865a9bca7b90"
         *       ]
         *     }
         */
        MembersIn: {
            /** Customer Ids */
            customer_ids: string[];
        };
        /** MeOut */
        MeOut: {
            /**
             * Bank Timezone
             * @description The bank's time zone (IANA): dates (due, overdue, days to maturity) are days in it
             * @example Asia/Shanghai
             */
            bank_timezone: string;
            /** Branch */
            branch: string | null;
            /** Display Name */
            display_name: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Role */
            role: string;
            /** Username */
            username: string;
        };
        /** MergeIn */
        MergeIn: {
            /**
             * Source Customer Id
             * Format: uuid
             * @description The provisional or duplicate customer to merge away
             */
            source_customer_id: string;
        };
        /** MergeOut */
        MergeOut: {
            /**
             * Merged Id
             * Format: uuid
             */
            merged_id: string;
            /**
             * Moved
             * @example {
             *       "holdings": 1,
             *       "identities": 2,
             *       "interactions": 14
             *     }
             */
            moved: {
                [key: string]: number;
            };
            /**
             * Survivor Id
             * Format: uuid
             */
            survivor_id: string;
        };
        /** MoneyOut */
        MoneyOut: {
            /**
             * Amount
             * Format: decimal
             * @example 1234.50
             */
            amount: string;
            /** Currency */
            currency: string;
        };
        /** NextBestActionOut */
        NextBestActionOut: {
            /**
             * Kind
             * @enum {string}
             */
            kind: "roll_over_maturity" | "address_alert" | "acknowledge_complaint" | "campaign_offer" | "offer_product";
            /**
             * Priority
             * @enum {string}
             */
            priority: "high" | "medium" | "low";
            /**
             * Reason
             * @description Why: the facts the rule acted on
             */
            reason: string;
            /**
             * Refs
             * @description What it concerns: holding_id, alert_id or case_id; for an offer the product (product_code, product_name, product_name_zh, category) and the facts of its reason (peer_share_pct, peers, risk_level, risk_preference); for a campaign's offer also campaign_id, campaign_name, ends_on and response (what the customer said so far, empty when not contacted yet; record the answer with PUT /api/v1/campaigns/{campaign_id}/members/{customer_id}/response)
             */
            refs: {
                [key: string]: string;
            };
            /** Title */
            title: string;
        };
        /**
         * OpenIn
         * @example {
         *       "channel": "teller",
         *       "customer_id": "0b6f8a52-3f0e-4d7a-9a31-52c1d2a4e7f0",
         *       "kind": "service_request",
         *       "subject": "Replacement debit card, the old one is worn"
         *     }
         */
        OpenIn: {
            /** @description Where the customer asked */
            channel: components["schemas"]["RequestChannel"];
            /**
             * Customer Id
             * Format: uuid
             */
            customer_id: string;
            /**
             * Kind
             * @description A service request (due within 5 days), or a complaint made to a person (due within 48 hours; it goes on the customer's timeline, counts for the churn risk and raises the RM's alert, as the call-center feed's complaints do)
             * @enum {string}
             */
            kind: "service_request" | "complaint";
            /** Subject */
            subject: string;
        };
        /** Page[AlertOut] */
        Page_AlertOut_: {
            /** Items */
            items: components["schemas"]["AlertOut"][];
            /**
             * Next Cursor
             * @description Pass as ?cursor= for the next page; null at the end.
             */
            next_cursor: string | null;
        };
        /** Page[AuditEntryOut] */
        Page_AuditEntryOut_: {
            /** Items */
            items: components["schemas"]["AuditEntryOut"][];
            /**
             * Next Cursor
             * @description Pass as ?cursor= for the next page; null at the end.
             */
            next_cursor: string | null;
        };
        /** Page[CampaignOut] */
        Page_CampaignOut_: {
            /** Items */
            items: components["schemas"]["CampaignOut"][];
            /**
             * Next Cursor
             * @description Pass as ?cursor= for the next page; null at the end.
             */
            next_cursor: string | null;
        };
        /** Page[CaseOut] */
        Page_CaseOut_: {
            /** Items */
            items: components["schemas"]["CaseOut"][];
            /**
             * Next Cursor
             * @description Pass as ?cursor= for the next page; null at the end.
             */
            next_cursor: string | null;
        };
        /** Page[CustomerSummaryOut] */
        Page_CustomerSummaryOut_: {
            /** Items */
            items: components["schemas"]["CustomerSummaryOut"][];
            /**
             * Next Cursor
             * @description Pass as ?cursor= for the next page; null at the end.
             */
            next_cursor: string | null;
        };
        /** Page[HoldingOut] */
        Page_HoldingOut_: {
            /** Items */
            items: components["schemas"]["HoldingOut"][];
            /**
             * Next Cursor
             * @description Pass as ?cursor= for the next page; null at the end.
             */
            next_cursor: string | null;
        };
        /** Page[InteractionOut] */
        Page_InteractionOut_: {
            /** Items */
            items: components["schemas"]["InteractionOut"][];
            /**
             * Next Cursor
             * @description Pass as ?cursor= for the next page; null at the end.
             */
            next_cursor: string | null;
        };
        /** Page[ProductOut] */
        Page_ProductOut_: {
            /** Items */
            items: components["schemas"]["ProductOut"][];
            /**
             * Next Cursor
             * @description Pass as ?cursor= for the next page; null at the end.
             */
            next_cursor: string | null;
        };
        /** Page[QuarantinedOut] */
        Page_QuarantinedOut_: {
            /** Items */
            items: components["schemas"]["QuarantinedOut"][];
            /**
             * Next Cursor
             * @description Pass as ?cursor= for the next page; null at the end.
             */
            next_cursor: string | null;
        };
        /** Page[SegmentOut] */
        Page_SegmentOut_: {
            /** Items */
            items: components["schemas"]["SegmentOut"][];
            /**
             * Next Cursor
             * @description Pass as ?cursor= for the next page; null at the end.
             */
            next_cursor: string | null;
        };
        /** Page[StaffOut] */
        Page_StaffOut_: {
            /** Items */
            items: components["schemas"]["StaffOut"][];
            /**
             * Next Cursor
             * @description Pass as ?cursor= for the next page; null at the end.
             */
            next_cursor: string | null;
        };
        /** Page[TaskOut] */
        Page_TaskOut_: {
            /** Items */
            items: components["schemas"]["TaskOut"][];
            /**
             * Next Cursor
             * @description Pass as ?cursor= for the next page; null at the end.
             */
            next_cursor: string | null;
        };
        /** ParameterOut */
        ParameterOut: {
            /** Default */
            default: string;
            /** Description */
            description: string;
            /** Maximum */
            maximum: string;
            /** Minimum */
            minimum: string;
            /** Name */
            name: string;
            /** Unit */
            unit: string;
            /** Updated At */
            updated_at: string | null;
            /**
             * Value
             * @example 0.0150
             */
            value: string;
        };
        /**
         * ParametersIn
         * @example {
         *       "cost_teller": "30.00",
         *       "ftp_spread_current": "0.0160"
         *     }
         */
        ParametersIn: {
            /**
             * Card Revolving Margin
             * @description margin on revolving credit-card debt (yearly fraction)
             */
            card_revolving_margin?: string | null;
            /**
             * Cost Atm
             * @description cost of an ATM transaction (CNY per interaction)
             */
            cost_atm?: string | null;
            /**
             * Cost Call Center
             * @description cost of a call-center contact (CNY per interaction)
             */
            cost_call_center?: string | null;
            /**
             * Cost Card
             * @description cost of a card authorisation or purchase (CNY per interaction)
             */
            cost_card?: string | null;
            /**
             * Cost Online Banking
             * @description cost of an online-banking session or action (CNY per interaction)
             */
            cost_online_banking?: string | null;
            /**
             * Cost Pos
             * @description cost of a POS transaction (CNY per interaction)
             */
            cost_pos?: string | null;
            /**
             * Cost Rm Visit
             * @description cost of a relationship manager's visit or call (CNY per interaction)
             */
            cost_rm_visit?: string | null;
            /**
             * Cost Teller
             * @description cost of a teller visit at a branch (CNY per interaction)
             */
            cost_teller?: string | null;
            /**
             * Ftp Spread Current
             * @description FTP spread earned on current-account balances (yearly fraction)
             */
            ftp_spread_current?: string | null;
            /**
             * Ftp Spread Savings
             * @description FTP spread earned on savings balances (yearly fraction)
             */
            ftp_spread_savings?: string | null;
            /**
             * Ftp Spread Time Deposit
             * @description FTP spread earned on time deposits (yearly fraction)
             */
            ftp_spread_time_deposit?: string | null;
            /**
             * Fx Usd Cny
             * @description fixed rate converting USD holdings to CNY (CNY per USD)
             */
            fx_usd_cny?: string | null;
            /**
             * Interchange Rate
             * @description interchange earned on card spend (fraction of card spend)
             */
            interchange_rate?: string | null;
            /**
             * Investment Fee Rate
             * @description fees on wealth products, funds, insurance (yearly fraction)
             */
            investment_fee_rate?: string | null;
            /**
             * Loan Margin Loan
             * @description net interest margin on consumer loans (yearly fraction)
             */
            loan_margin_loan?: string | null;
            /**
             * Loan Margin Mortgage
             * @description net interest margin on mortgages (yearly fraction)
             */
            loan_margin_mortgage?: string | null;
        };
        /** ParametersOut */
        ParametersOut: {
            /**
             * Currency
             * @default CNY
             */
            currency: string;
            /** Items */
            items: components["schemas"]["ParameterOut"][];
        };
        /** ParetoOut */
        ParetoOut: {
            /**
             * Currency
             * @default CNY
             */
            currency: string;
            /** Customers */
            customers: number;
            /** Points */
            points: components["schemas"]["ParetoPointOut"][];
            /**
             * Positive Contribution Monthly
             * Format: decimal
             * @example 1234.50
             */
            positive_contribution_monthly: string;
        };
        /** ParetoPointOut */
        ParetoPointOut: {
            /**
             * Contribution Monthly
             * Format: decimal
             * @example 1234.50
             */
            contribution_monthly: string;
            /**
             * Contribution Share
             * @description Share of positive contribution they make
             * @example 0.8100
             */
            contribution_share: string;
            /**
             * Customer Share
             * @description Share of customers, best contributors first
             * @example 0.2000
             */
            customer_share: string;
            /** Customers */
            customers: number;
        };
        /** PreviewOut */
        PreviewOut: {
            /**
             * Count
             * @description Customers in the caller's scope that match the rule now
             */
            count: number;
            /** Rule Json */
            rule_json: {
                [key: string]: unknown;
            };
        };
        /**
         * Problem
         * @description RFC 9457 problem details.
         */
        Problem: {
            /** Detail */
            detail: string;
            /** Errors */
            errors?: components["schemas"]["ProblemFieldError"][] | null;
            /** Instance */
            instance?: string | null;
            /** Status */
            status: number;
            /** Title */
            title: string;
            /**
             * Type
             * @example /problems/validation-error
             */
            type: string;
        } & {
            [key: string]: unknown;
        };
        /** ProblemFieldError */
        ProblemFieldError: {
            /**
             * Field
             * @example phones[0]
             */
            field: string;
            /**
             * Message
             * @example '123' is not an E.164 phone number
             */
            message: string;
        };
        /**
         * ProductCategory
         * @enum {string}
         */
        ProductCategory: "current" | "savings" | "time_deposit" | "loan" | "mortgage" | "credit_card" | "wealth_product" | "fund" | "insurance";
        /**
         * ProductIn
         * @example {
         *       "category": "time_deposit",
         *       "code": "TD-12M",
         *       "minimum_amount": "50.00",
         *       "name": "12-month time deposit",
         *       "name_zh": "一年期定期存款",
         *       "rate": "0.0175",
         *       "risk_level": 1,
         *       "term_months": 12
         *     }
         */
        ProductIn: {
            category: components["schemas"]["ProductCategory"];
            /** Code */
            code: string;
            /** @default CNY */
            currency: components["schemas"]["CurrencyCode"];
            /** Minimum Amount */
            minimum_amount?: string | null;
            /** Name */
            name: string;
            /** Name Zh */
            name_zh?: string | null;
            /** Rate */
            rate?: string | null;
            /**
             * Risk Level
             * @default 1
             */
            risk_level: number;
            /** Term Months */
            term_months?: number | null;
        };
        /** ProductOut */
        ProductOut: {
            /** Active */
            active: boolean;
            category: components["schemas"]["ProductCategory"];
            /** Code */
            code: string;
            /** Currency */
            currency: string;
            /** Minimum Amount */
            minimum_amount: string | null;
            /** Name */
            name: string;
            /** Name Zh */
            name_zh: string | null;
            /**
             * Rate
             * @description Yearly rate as a decimal fraction (0.0215 = 2.15%)
             */
            rate: string | null;
            /**
             * Risk Level
             * @description 1 (R1, lowest) to 5 (R5, highest)
             */
            risk_level: number;
            /** Term Months */
            term_months: number | null;
        };
        /** ProductRefOut */
        ProductRefOut: {
            /** Category */
            category: string;
            /** Code */
            code: string;
            /** Name */
            name: string;
            /** Name Zh */
            name_zh: string | null;
        };
        /** QuarantinedOut */
        QuarantinedOut: {
            /** Attempts */
            attempts: number;
            channel: components["schemas"]["FeedChannel"];
            /** Errors */
            errors: components["schemas"]["FieldErrorOut"][];
            /**
             * Event
             * @description The event as sent, with any card number replaced by its token and last four
             */
            event: unknown;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Received At
             * Format: date-time
             */
            received_at: string;
            /** Resolution Note */
            resolution_note?: string | null;
            /** Resolved At */
            resolved_at?: string | null;
            /** Resolved By */
            resolved_by?: string | null;
            /** Source Ref */
            source_ref: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "open" | "replayed" | "discarded";
        };
        /** RelationIn */
        RelationIn: {
            /**
             * Related Customer Id
             * Format: uuid
             */
            related_customer_id: string;
            type: components["schemas"]["RelationType"];
        };
        /** RelationOut */
        RelationOut: {
            /**
             * Related Customer Id
             * Format: uuid
             */
            related_customer_id: string;
            /** Since */
            since: string | null;
            type: components["schemas"]["RelationType"];
        };
        /** RelationshipManagerOut */
        RelationshipManagerOut: {
            /** Display Name */
            display_name: string | null;
            /** Email */
            email?: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Phone */
            phone?: string | null;
            /** Username */
            username: string;
        };
        /**
         * RelationType
         * @enum {string}
         */
        RelationType: "household" | "spouse" | "parent" | "child" | "guarantor" | "guaranteed_by" | "company_director" | "directed_company";
        /** ReplayIn */
        ReplayIn: {
            /**
             * Event
             * @description The corrected event; without it the stored event is replayed as it is
             */
            event?: {
                [key: string]: unknown;
            } | null;
        };
        /** ReplayOut */
        ReplayOut: {
            entry: components["schemas"]["QuarantinedOut"];
            result: components["schemas"]["EventResultOut"];
        };
        /**
         * RequestChannel
         * @enum {string}
         */
        RequestChannel: "call_center" | "email" | "online_banking" | "phone" | "rm_visit" | "teller";
        /**
         * ResolveIn
         * @example {
         *       "note": "Called the customer; funds moved to a mortgage."
         *     }
         */
        ResolveIn: {
            /** Note */
            note: string;
        };
        /**
         * Response
         * @description What a contacted customer said.
         * @enum {string}
         */
        Response: "contacted" | "interested" | "declined" | "unreachable";
        /**
         * ResponseFilter
         * @enum {string}
         */
        ResponseFilter: "none" | "contacted" | "interested" | "declined" | "unreachable";
        /**
         * ResponseIn
         * @example {
         *       "note": "Call back after payday",
         *       "response": "interested"
         *     }
         */
        ResponseIn: {
            /** Note */
            note?: string | null;
            response: components["schemas"]["Response"];
        };
        /** RfmOut */
        RfmOut: {
            /**
             * Frequency 90D
             * @description Transactions in the last 90 days
             */
            frequency_90d: number;
            /**
             * Monetary 90D
             * Format: decimal
             * @description Money moved in the last 90 days, CNY
             * @example 1234.50
             */
            monetary_90d: string;
            /**
             * Recency Days
             * @description Days since the last transaction; null if none
             */
            recency_days: number | null;
        };
        /**
         * RiskPreference
         * @description The customer's assessed risk appetite, C1 (conservative) to C5 (aggressive).
         * @enum {string}
         */
        RiskPreference: "conservative" | "moderately_conservative" | "balanced" | "growth" | "aggressive";
        /** RmPerformanceOut */
        RmPerformanceOut: {
            /**
             * Alert Median Hours
             * @description From raised to resolved, the median; null if none
             */
            alert_median_hours: string | null;
            /** Alerts Open */
            alerts_open: number;
            /**
             * Alerts Resolved
             * @description Resolved during the period
             */
            alerts_resolved: number;
            /**
             * Aum
             * Format: decimal
             * @example 1234.50
             */
            aum: string;
            /**
             * Aum Change 3M
             * Format: decimal
             * @description AUM now less AUM three months ago, over today's portfolio
             * @example 1234.50
             */
            aum_change_3m: string;
            /**
             * Campaign Contact Rate
             * @description campaign_contacted / campaign_targets, 0 to 1; null without targets
             */
            campaign_contact_rate: string | null;
            /**
             * Campaign Contacted
             * @description Of those targets, reached: a response recorded other than unreachable
             */
            campaign_contacted: number;
            /**
             * Campaign Converted
             * @description Of those targets, contacted or not, who opened the offered product during the campaign
             */
            campaign_converted: number;
            /**
             * Campaign Targets
             * @description Target customers of campaigns running during the period
             */
            campaign_targets: number;
            /**
             * Cases Closed
             * @description The portfolio's cases closed during the period, by anyone
             */
            cases_closed: number;
            /**
             * Cases Closed In Time
             * @description Of those, closed by their due time
             */
            cases_closed_in_time: number;
            /**
             * Cases Overdue
             * @description Open past their due time now
             */
            cases_overdue: number;
            /**
             * Contribution Monthly
             * Format: decimal
             * @description Summed over the portfolio, to the scores' four decimals
             * @example 1234.50
             */
            contribution_monthly: string;
            /**
             * Customers
             * @description The portfolio now
             */
            customers: number;
            /** Key Customers */
            key_customers: number;
            rm: components["schemas"]["RmRefOut"];
            /**
             * Satisfaction Avg
             * @description 1-5, as the customers said on closed cases
             */
            satisfaction_avg: string | null;
            /**
             * Sla Rate
             * @description cases_closed_in_time / cases_closed; null when none closed
             */
            sla_rate: string | null;
            /**
             * Visits
             * @description RM visits on the portfolio's timeline during the period
             */
            visits: number;
        };
        /** RmPerformanceReportOut */
        RmPerformanceReportOut: {
            /**
             * Currency
             * @default CNY
             */
            currency: string;
            /**
             * Rms
             * @description The best monthly contribution first
             */
            rms: components["schemas"]["RmPerformanceOut"][];
            /**
             * Since
             * Format: date-time
             */
            since: string;
            /**
             * Until
             * Format: date-time
             */
            until: string;
        };
        /** RmRefOut */
        RmRefOut: {
            /** Branch */
            branch: string | null;
            /** Display Name */
            display_name: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Username */
            username: string;
        };
        /**
         * Role
         * @enum {string}
         */
        Role: "admin" | "branch_manager" | "rm" | "agent" | "marketing" | "auditor";
        /**
         * RuleIn
         * @example {
         *       "rule": "age between 25 and 35 and aum > 500000 and not holds('credit_card')"
         *     }
         */
        RuleIn: {
            /**
             * Rule
             * @description The rule as text
             * @example age between 25 and 35 and aum > 500000 and not holds('credit_card')
             */
            rule?: string;
            /**
             * Rule Json
             * @description The rule as a JSON AST
             */
            rule_json?: {
                [key: string]: unknown;
            };
        } & (unknown | unknown);
        /**
         * SegmentIn
         * @example {
         *       "code": "young-affluent",
         *       "kind": "rule",
         *       "name": "Young affluent without a card",
         *       "rule": "age between 25 and 35 and aum > 500000 and not holds('credit_card')"
         *     }
         * @example {
         *       "code": "vip-event-2026",
         *       "kind": "static",
         *       "name": "Invited to the VIP evening"
         *     }
         */
        SegmentIn: {
            /**
             * Code
             * @example young-affluent
             */
            code: string;
            /** Description */
            description?: string | null;
            /**
             * Kind
             * @description rule (members follow the rule) or static
             */
            kind: string;
            /** Name */
            name: string;
            /**
             * Rule
             * @example age between 25 and 35 and aum > 500000 and not holds('credit_card')
             */
            rule?: string;
            /** Rule Json */
            rule_json?: {
                [key: string]: unknown;
            };
        } & (({
            /** @constant */
            kind?: "rule";
        } & (unknown | unknown)) | {
            /** @constant */
            kind?: "static";
        });
        /** SegmentOut */
        SegmentOut: {
            /** Code */
            code: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Description */
            description: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Kind */
            kind: string;
            /**
             * Member Count
             * @description All members, across portfolios
             */
            member_count: number;
            /** Name */
            name: string;
            /** Refreshed At */
            refreshed_at: string | null;
            /**
             * Rule
             * @description The rule as written (text), if it was given as text
             */
            rule: string | null;
            /** Rule Json */
            rule_json: {
                [key: string]: unknown;
            } | null;
            /** Updated At */
            updated_at: string | null;
        };
        /**
         * SegmentPatch
         * @example {
         *       "rule": "tier = 'key' and churn_risk >= 0.5"
         *     }
         */
        SegmentPatch: {
            /** Description */
            description?: string | null;
            /** Name */
            name?: string | null;
            /**
             * Rule
             * @example age between 25 and 35 and aum > 500000 and not holds('credit_card')
             */
            rule?: string;
            /** Rule Json */
            rule_json?: {
                [key: string]: unknown;
            };
        };
        /** SegmentRefOut */
        SegmentRefOut: {
            /** Code */
            code: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
        };
        /** StaffOut */
        StaffOut: {
            /**
             * Branch
             * @description Home branch code
             */
            branch: string | null;
            /** Branch Name */
            branch_name: string | null;
            /** Display Name */
            display_name: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            role: components["schemas"]["Role"];
            /** Username */
            username: string;
        };
        /** StaffRefOut */
        StaffRefOut: {
            /** Display Name */
            display_name: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Username */
            username: string;
        };
        /**
         * StatusFilter
         * @enum {string}
         */
        StatusFilter: "open" | "done" | "cancelled" | "closed";
        /**
         * TaskIn
         * @example {
         *       "customer_id": "0b6f8a52-3f0e-4d7a-9a31-52c1d2a4e7f0",
         *       "due_on": "2026-12-10",
         *       "title": "Call back about the mortgage rate"
         *     }
         */
        TaskIn: {
            /**
             * Assignee Id
             * @description Who is to do it: yourself by default; a branch manager may name someone of their branch; an agent's task goes to the customer's RM
             */
            assignee_id?: string | null;
            /**
             * Customer Id
             * @description The customer it is about (required for an agent)
             */
            customer_id?: string | null;
            /**
             * Due On
             * Format: date
             * @description Today or later
             */
            due_on: string;
            /** Note */
            note?: string | null;
            /** Title */
            title: string;
        };
        /** TaskOut */
        TaskOut: {
            assignee: components["schemas"]["StaffRefOut"];
            /** Closed At */
            closed_at: string | null;
            /** Closed By Username */
            closed_by_username: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By Username */
            created_by_username: string | null;
            customer: components["schemas"]["CustomerRefOut"] | null;
            /**
             * Due On
             * Format: date
             */
            due_on: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Note */
            note: string | null;
            /**
             * Outcome
             * @description What came of it, or why it was cancelled
             */
            outcome: string | null;
            /**
             * Overdue
             * @description Open after its day
             */
            overdue: boolean;
            status: components["schemas"]["TaskStatus"];
            /** Title */
            title: string;
        };
        /**
         * TaskPatchIn
         * @example {
         *       "due_on": "2026-12-12"
         *     }
         */
        TaskPatchIn: {
            /** Due On */
            due_on?: string | null;
            /** Note */
            note?: string | null;
            /** Title */
            title?: string | null;
        };
        /**
         * TaskStatus
         * @enum {string}
         */
        TaskStatus: "open" | "done" | "cancelled";
        /**
         * Tier
         * @enum {string}
         */
        Tier: "key" | "potential" | "ordinary";
        /** TierChangeOut */
        TierChangeOut: {
            /**
             * Changed At
             * Format: date-time
             */
            changed_at: string;
            /** From Tier */
            from_tier: string | null;
            /** Reason */
            reason: string;
            /** To Tier */
            to_tier: string;
        };
        /** TierRowOut */
        TierRowOut: {
            /**
             * Aum
             * Format: decimal
             * @example 1234.50
             */
            aum: string;
            /**
             * Contribution Monthly
             * Format: decimal
             * @example 1234.50
             */
            contribution_monthly: string;
            /** Customers */
            customers: number;
            /**
             * Share Of Contribution
             * @description Of the total (may be negative for loss-making tiers)
             */
            share_of_contribution: string;
            /**
             * Share Of Customers
             * @example 0.1500
             */
            share_of_customers: string;
            /** Tier */
            tier: string;
        };
        /** TiersOut */
        TiersOut: {
            /**
             * Aum
             * Format: decimal
             * @example 1234.50
             */
            aum: string;
            /**
             * Contribution Monthly
             * Format: decimal
             * @example 1234.50
             */
            contribution_monthly: string;
            /**
             * Currency
             * @default CNY
             */
            currency: string;
            /** Customers */
            customers: number;
            /** Tiers */
            tiers: components["schemas"]["TierRowOut"][];
        };
        /** TokenOut */
        TokenOut: {
            /** Access Token */
            access_token: string;
            /** Expires In */
            expires_in: number;
            /**
             * Token Type
             * @default bearer
             */
            token_type: string;
        };
        /** UniqueContextOut */
        UniqueContextOut: {
            /** Alerts */
            alerts: components["schemas"]["ContextAlertOut"][];
            customer: components["schemas"]["ContextCustomerOut"];
            /** Holdings */
            holdings: components["schemas"]["ContextHoldingOut"][];
            /**
             * Match
             * @constant
             */
            match: "unique";
            /** Next Best Actions */
            next_best_actions: components["schemas"]["NextBestActionOut"][];
            /** Open Cases */
            open_cases: components["schemas"]["ContextCaseOut"][];
            /**
             * Recent Interactions
             * @description The latest 10 on every channel
             */
            recent_interactions: components["schemas"]["ContextInteractionOut"][];
            /** @description Scores; null until the customer has been scored */
            value: components["schemas"]["ContextValueOut"] | null;
        };
        /** ValidationError */
        ValidationError: {
            /** Context */
            ctx?: Record<string, never>;
            /** Input */
            input?: unknown;
            /** Location */
            loc: (string | number)[];
            /** Message */
            msg: string;
            /** Error Type */
            type: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "alerts-list": {
        parameters: {
            query?: {
                /** @description `me`, or a user id */
                assigned_to?: string | null;
                /** @description next_cursor of the previous page */
                cursor?: string | null;
                customer_id?: string | null;
                kind?: components["schemas"]["AlertKind"] | null;
                /** @description Page size (default 50, max 500) */
                limit?: number;
                status?: components["schemas"]["AlertStatus"] | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_AlertOut_"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "alerts-acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alert_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    "alerts-assign": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alert_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "alerts-resolve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alert_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "analytics-pareto": {
        parameters: {
            query?: {
                /** @description How many points on the curve (default 20) */
                points?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParetoOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "analytics-rm-performance": {
        parameters: {
            query?: {
                /** @description Default 90 */
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RmPerformanceReportOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "analytics-tiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TiersOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "audit-list": {
        parameters: {
            query?: {
                /** @description Only this action */
                action?: components["schemas"]["AuditAction"] | null;
                /** @description Username, or key:<name> */
                actor?: string | null;
                /** @description next_cursor of the previous page */
                cursor?: string | null;
                /** @description Entries about this customer */
                customer_id?: string | null;
                /** @description Entries about the customer with this number (with `customer_id` too: only if it is theirs) */
                customer_number?: string | null;
                /** @description Page size (default 50, max 500) */
                limit?: number;
                /** @description From this time (RFC 3339 with offset) */
                since?: string | null;
                /** @description Before this time (RFC 3339 with offset) */
                until?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_AuditEntryOut_"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "auth-me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "auth-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["Body_auth-token"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "campaigns-list": {
        parameters: {
            query?: {
                /** @description next_cursor of the previous page */
                cursor?: string | null;
                /** @description Page size (default 50, max 500) */
                limit?: number;
                status?: components["schemas"]["CampaignStatus"] | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_CampaignOut_"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "campaigns-create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignDetailOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "campaigns-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignDetailOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "campaigns-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "campaigns-update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignPatchIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignDetailOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "campaigns-close": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignDetailOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "campaigns-launch": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignDetailOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "campaigns-members": {
        parameters: {
            query?: {
                /** @description next_cursor of the previous page */
                cursor?: string | null;
                group?: components["schemas"]["Group"] | null;
                /** @description Page size (default 50, max 500) */
                limit?: number;
                response?: components["schemas"]["ResponseFilter"] | null;
            };
            header?: never;
            path: {
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["api__schemas__common__Page_MemberOut___2"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "campaigns-respond": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaign_id: string;
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResponseIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["api__campaigns__MemberOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Refused: `/problems/campaign-not-active` when the campaign is not active (closed, or not launched), `/problems/customer-held-out` when the customer is in its control group */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "cases-list": {
        parameters: {
            query?: {
                /** @description next_cursor of the previous page */
                cursor?: string | null;
                customer_id?: string | null;
                kind?: components["schemas"]["CaseKind"] | null;
                /** @description Page size (default 50, max 500) */
                limit?: number;
                overdue?: boolean | null;
                status?: components["schemas"]["CaseStatus"] | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_CaseOut_"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "cases-open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "cases-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "cases-close": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["api__cases__CloseIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "contact-center-context": {
        parameters: {
            query?: {
                /** @description The call-center's call id: a system is audited once per call */
                call_id?: string | null;
                /** @description A card token from the card feed */
                card_token?: string | null;
                customer_number?: string | null;
                /** @description An ID document number, or type:number */
                id_number?: string | null;
                /** @description The caller's number, E.164 */
                phone?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One match (`unique`) or several (`ambiguous`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UniqueContextOut"] | components["schemas"]["AmbiguousContextOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not ready */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "contact-center-stream": {
        parameters: {
            query: {
                /** @description The customer the agent has open */
                customer_id: string;
                /** @description After `ready`, first send the customer's current state as events: the latest 10 interactions of the last 24 hours, the open and acknowledged alerts, the open cases, and every holding's balance. A client that read the context before opening the stream then misses nothing committed in between; it recognises what it already shows by the events' ids. */
                replay?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example retry: 3000
                     *     event: ready
                     *     data: {"customer_id":"3f2b8c1e-5d4a-4e2b-9c1d-7a6b5c4d3e2f"}
                     *
                     *     event: interaction
                     *     id: 5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b
                     *     data: {"id":"5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b","channel":"card","type":"purchase",...}
                     *
                     *     : heartbeat
                     *
                     *     event: balance
                     *     id: 0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f
                     *     data: {"id":"0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f","account_number":"****3445","balance":"9800.0000",...}
                     */
                    "text/event-stream": unknown;
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not ready */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "customers-search": {
        parameters: {
            query?: {
                /** @description next_cursor of the previous page */
                cursor?: string | null;
                /** @description Page size (default 50, max 500) */
                limit?: number;
                /** @description Name, customer number or phone */
                q?: string | null;
                /** @description RM user id or username */
                relationship_manager?: string | null;
                segment?: string | null;
                tier?: components["schemas"]["Tier"] | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_CustomerSummaryOut_"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "customers-create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerDetailOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "customers-get": {
        parameters: {
            query?: {
                /** @description Comma-separated identifiers to show in full: phone, id_number, account_number. Only for roles that may reveal; every reveal is audited. */
                reveal?: string | null;
            };
            header?: never;
            path: {
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerDetailOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "customers-update": {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
            };
            path: {
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerPatch"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerDetailOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The If-Match version is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "customers-campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerCampaignOut"][];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "customers-holdings": {
        parameters: {
            query?: {
                /** @description next_cursor of the previous page */
                cursor?: string | null;
                include_closed?: boolean;
                /** @description Page size (default 50, max 500) */
                limit?: number;
                /** @description Comma-separated identifiers to show in full: phone, id_number, account_number. Only for roles that may reveal; every reveal is audited. */
                reveal?: string | null;
            };
            header?: never;
            path: {
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_HoldingOut_"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "customers-merge": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MergeIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MergeOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "customers-next-best-actions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The actions, most urgent first (none: an empty list) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "kind": "address_alert",
                     *         "priority": "high",
                     *         "title": "Address alert: CNY 200,000.00 moved out in one day",
                     *         "reason": "open large_outflow alert raised 2026-11-22",
                     *         "refs": {
                     *           "alert_id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
                     *         }
                     *       },
                     *       {
                     *         "kind": "acknowledge_complaint",
                     *         "priority": "high",
                     *         "title": "Acknowledge the recent complaint",
                     *         "reason": "complaint of 2026-11-19 (Charged twice for annual card fee) is still open, past its service-level due time 2026-11-21T08:00+00:00",
                     *         "refs": {
                     *           "case_id": "7b8c9d0e-1f2a-4b3c-9d4e-5f6a7b8c9d0e"
                     *         }
                     *       },
                     *       {
                     *         "kind": "roll_over_maturity",
                     *         "priority": "medium",
                     *         "title": "Offer to roll over 12-month time deposit ****3445",
                     *         "reason": "12-month time deposit ****3445 (CNY 100,000.00) matures on 2026-12-10, in 17 days",
                     *         "refs": {
                     *           "holding_id": "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
                     *           "product_code": "TD-12M"
                     *         }
                     *       },
                     *       {
                     *         "kind": "offer_product",
                     *         "priority": "low",
                     *         "title": "Offer Steady Income Fund",
                     *         "reason": "46% of 1180 similar customers (same tier, age and income band) hold a fund product and this customer has none; risk level R3 suits the customer's balanced risk preference; the customer consents to phone offers",
                     *         "refs": {
                     *           "product_code": "FUND-BAL",
                     *           "category": "fund",
                     *           "product_name": "Steady Income Fund",
                     *           "product_name_zh": "稳健收益基金",
                     *           "peer_share_pct": "46",
                     *           "peers": "1180",
                     *           "risk_level": "3",
                     *           "risk_preference": "balanced"
                     *         }
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["NextBestActionOut"][];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "customers-relate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RelationIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RelationOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "customers-timeline": {
        parameters: {
            query?: {
                /** @description Only these channels */
                channel?: components["schemas"]["Channel"][] | null;
                /** @description next_cursor of the previous page */
                cursor?: string | null;
                /** @description Page size (default 50, max 500) */
                limit?: number;
                /** @description From this time (RFC 3339) */
                since?: string | null;
                /** @description Before this time (RFC 3339) */
                until?: string | null;
            };
            header?: never;
            path: {
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_InteractionOut_"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "value-customer": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerValueOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    "feeds-post": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel: components["schemas"]["FeedChannel"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The channel's events. Each is checked on its own and gets its own outcome in `results`, so the batch takes any values here (a non-object event is rejected on its own); `x-event-schema` describes a valid event. */
                    events: unknown[];
                };
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedBatchOut"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "feeds-quarantine-list": {
        parameters: {
            query?: {
                channel?: components["schemas"]["FeedChannel"] | null;
                cursor?: string | null;
                limit?: number;
                /** @description Text found in the reasons */
                reason?: string | null;
                /** @description Received at or after (RFC 3339) */
                since?: string | null;
                source_ref?: string | null;
                /** @description Default: all */
                status?: ("open" | "replayed" | "discarded") | null;
                /** @description Received before (RFC 3339) */
                until?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_QuarantinedOut_"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "feeds-quarantine-discard": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entry_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DiscardIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuarantinedOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "feeds-quarantine-replay": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entry_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ReplayIn"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "products-list": {
        parameters: {
            query?: {
                category?: components["schemas"]["ProductCategory"] | null;
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_ProductOut_"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "products-create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "segments-list": {
        parameters: {
            query?: {
                /** @description next_cursor of the previous page */
                cursor?: string | null;
                /** @description Page size (default 50, max 500) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_SegmentOut_"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "segments-create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SegmentIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "segments-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                segment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    "segments-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                segment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    "segments-update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                segment_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SegmentPatch"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "segments-members": {
        parameters: {
            query?: {
                /** @description next_cursor of the previous page */
                cursor?: string | null;
                /** @description Page size (default 50, max 500) */
                limit?: number;
            };
            header?: never;
            path: {
                segment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["api__schemas__common__Page_MemberOut___1"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "segments-members-add": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                segment_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MembersIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MembersChangedOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "segments-members-remove": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                segment_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MembersIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MembersChangedOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "segments-refresh": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                segment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "segments-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RuleIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreviewOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "staff-list": {
        parameters: {
            query?: {
                /** @description next_cursor of the previous page */
                cursor?: string | null;
                /** @description Only people who can see this customer (their RM, branch managers of their branch and the bank-wide roles), so work about the customer can go to them. 404 when the caller cannot see it. */
                for_customer?: string | null;
                /** @description Page size (default 100, max 500) */
                limit?: number;
                /** @description Start of a username or name */
                q?: string | null;
                /** @description Only these roles (repeat the parameter) */
                role?: components["schemas"]["Role"][] | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_StaffOut_"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "tasks-list": {
        parameters: {
            query?: {
                assignee_id?: string | null;
                /** @description next_cursor of the previous page */
                cursor?: string | null;
                customer_id?: string | null;
                /** @description Page size (default 50, max 500) */
                limit?: number;
                overdue?: boolean | null;
                status?: components["schemas"]["StatusFilter"] | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_TaskOut_"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "tasks-create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "tasks-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                task_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "tasks-update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                task_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskPatchIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "tasks-cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                task_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["api__tasks__CloseIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "tasks-done": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                task_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["api__tasks__CloseIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found, or outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "value-parameters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParametersOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "value-parameters-update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ParametersIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParametersOut"];
                };
            };
            /** @description No or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The credentials lack the role or scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Invalid input; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    "health-live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: string;
                    };
                };
            };
        };
    };
    "health-metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    "health-ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description The database is not reachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": unknown;
                };
            };
        };
    };
}
