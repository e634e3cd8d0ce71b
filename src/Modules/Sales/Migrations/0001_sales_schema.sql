-- Sales facts: businesses (tenants), storefronts, customers, sales with line items and payments,
-- and the read contract for scoring (sales.counted_sales, see docs/contracts.md).
CREATE SCHEMA IF NOT EXISTS sales;

CREATE TABLE sales.businesses (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key         text        NOT NULL UNIQUE CHECK (key ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    currency    char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sales.storefronts (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id bigint      NOT NULL REFERENCES sales.businesses (id) ON DELETE CASCADE,
    -- The storefront as the source system names it (the CSV "storefront" column).
    code        text        NOT NULL CHECK (length(code) BETWEEN 1 AND 200),
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT storefronts_business_code_key UNIQUE (business_id, code)
);

CREATE TABLE sales.customers (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id bigint      NOT NULL REFERENCES sales.businesses (id) ON DELETE CASCADE,
    -- The source system's customer id, exactly as imported.
    external_id text        NOT NULL CHECK (length(external_id) BETWEEN 1 AND 200),
    name        text,
    email       text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT customers_business_external_id_key UNIQUE (business_id, external_id)
);

-- No foreign keys from sales to customers/storefronts: row-by-row RI checks would dominate bulk
-- loads of millions of rows. The only writers (import, demo seeder, ingest mutations) resolve both
-- ids by joining on (business_id, ...) inside the same transaction, so the references hold by construction.
CREATE TABLE sales.sales (
    id              bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id     bigint        NOT NULL,
    storefront_id   bigint        NOT NULL,
    customer_id     bigint        NOT NULL,
    -- The source system's sale id (CSV "sale_id"); re-importing it updates the row.
    external_id     text          NOT NULL CHECK (length(external_id) BETWEEN 1 AND 200),
    ordered_at      timestamptz   NOT NULL,
    status          text          NOT NULL CHECK (status IN ('completed', 'refunded', 'voided')),
    amount          numeric(18,2) NOT NULL CHECK (amount >= 0),
    -- Partial refunds recorded against a completed sale; a full refund is its own 'refunded' row.
    refunded_amount numeric(18,2) NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= amount),
    currency        char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT sales_business_external_id_key UNIQUE (business_id, external_id)
);

-- Scoring scans a business by period, and a customer's history in order. Storefront-scoped scoring
-- filters the period scan: one index fewer keeps bulk imports fast (every index costs each row).
CREATE INDEX sales_business_ordered_at_idx ON sales.sales (business_id, ordered_at);
CREATE INDEX sales_business_customer_ordered_at_idx ON sales.sales (business_id, customer_id, ordered_at);

CREATE TABLE sales.sale_items (
    id          bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id bigint        NOT NULL,
    sale_id     bigint        NOT NULL REFERENCES sales.sales (id) ON DELETE CASCADE,
    line_no     integer       NOT NULL CHECK (line_no >= 1),
    sku         text          NOT NULL,
    description text,
    quantity    numeric(12,3) NOT NULL CHECK (quantity > 0),
    unit_price  numeric(18,2) NOT NULL CHECK (unit_price >= 0),
    amount      numeric(18,2) NOT NULL CHECK (amount >= 0),
    CONSTRAINT sale_items_sale_line_key UNIQUE (sale_id, line_no)
);
CREATE INDEX sale_items_business_sku_idx ON sales.sale_items (business_id, sku);

CREATE TABLE sales.payments (
    id          bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id bigint        NOT NULL,
    sale_id     bigint        NOT NULL REFERENCES sales.sales (id) ON DELETE CASCADE,
    method      text          NOT NULL CHECK (method IN ('cash', 'card', 'voucher', 'transfer', 'other')),
    amount      numeric(18,2) NOT NULL,
    paid_at     timestamptz   NOT NULL
);
CREATE INDEX payments_sale_idx ON sales.payments (sale_id);

-- The read contract for scoring (docs/contracts.md). Kept a plain projection with no joins so that
-- predicates on business_id, customer_id and ordered_at reach the base table's indexes.
CREATE VIEW sales.counted_sales AS
SELECT s.business_id,
       s.storefront_id,
       s.customer_id,
       s.id AS sale_id,
       s.ordered_at,
       CASE WHEN s.status = 'completed' THEN s.amount - s.refunded_amount ELSE -s.amount END::numeric(18,2) AS net_amount,
       s.status = 'completed' AS counts_as_order
FROM sales.sales s
WHERE s.status IN ('completed', 'refunded');
