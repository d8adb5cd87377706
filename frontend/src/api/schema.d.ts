// Generated from ../openapi.yaml by `npm run generate-client`. Do not edit.

export interface paths {
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
        /** Sign in with username and password (OAuth2 password form) */
        post: operations["auth-token"];
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
        /**
         * Channel
         * @enum {string}
         */
        Channel: "teller" | "card" | "pos" | "atm" | "call_center" | "online_banking" | "rm_visit" | "phone" | "email" | "sms";
        /**
         * ConsentChannel
         * @enum {string}
         */
        ConsentChannel: "sms" | "email" | "phone" | "post" | "online" | "push";
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
            /** Emails */
            emails?: string[] | null;
            gender?: components["schemas"]["Gender"] | null;
            /** Home Branch */
            home_branch?: string | null;
            id_document?: components["schemas"]["IdDocumentIn"] | null;
            income_band?: components["schemas"]["IncomeBand"] | null;
            kind?: components["schemas"]["CustomerKind"] | null;
            /** Marketing Consent */
            marketing_consent?: {
                [key: string]: boolean;
            } | null;
            /** Name Latin */
            name_latin?: string | null;
            /** Name Zh */
            name_zh?: string | null;
            /** Occupation */
            occupation?: string | null;
            /** Phones */
            phones?: string[] | null;
            /** Preferred Language */
            preferred_language?: string | null;
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
            /** Emails */
            emails?: string[] | null;
            gender?: components["schemas"]["Gender"] | null;
            /** Home Branch */
            home_branch?: string | null;
            id_document?: components["schemas"]["IdDocumentIn"] | null;
            income_band?: components["schemas"]["IncomeBand"] | null;
            kind?: components["schemas"]["CustomerKind"] | null;
            lifecycle_stage?: components["schemas"]["LifecycleStage"] | null;
            /** Marketing Consent */
            marketing_consent?: {
                [key: string]: boolean;
            } | null;
            /** Name Latin */
            name_latin?: string | null;
            /** Name Zh */
            name_zh?: string | null;
            /** Occupation */
            occupation?: string | null;
            /** Phones */
            phones?: string[] | null;
            /** Preferred Language */
            preferred_language?: string | null;
            /** Relationship Manager Id */
            relationship_manager_id?: string | null;
            risk_preference?: components["schemas"]["RiskPreference"] | null;
            tier?: components["schemas"]["Tier"] | null;
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
        /**
         * Education
         * @enum {string}
         */
        Education: "secondary" | "vocational" | "bachelor" | "master" | "doctorate" | "other";
        /**
         * Gender
         * @enum {string}
         */
        Gender: "female" | "male" | "other" | "undisclosed";
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
        /** MeOut */
        MeOut: {
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
            /**
             * Currency
             * @default CNY
             */
            currency: string;
            /** Minimum Amount */
            minimum_amount?: number | string | null;
            /** Name */
            name: string;
            /** Name Zh */
            name_zh?: string | null;
            /** Rate */
            rate?: number | string | null;
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
        /**
         * RiskPreference
         * @description The customer's assessed risk appetite, C1 (conservative) to C5 (aggressive).
         * @enum {string}
         */
        RiskPreference: "conservative" | "moderately_conservative" | "balanced" | "growth" | "aggressive";
        /**
         * Tier
         * @enum {string}
         */
        Tier: "key" | "potential" | "ordinary";
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
                tier?: string | null;
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
    "customers-holdings": {
        parameters: {
            query?: {
                /** @description next_cursor of the previous page */
                cursor?: string | null;
                include_closed?: boolean;
                /** @description Page size (default 50, max 500) */
                limit?: number;
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
