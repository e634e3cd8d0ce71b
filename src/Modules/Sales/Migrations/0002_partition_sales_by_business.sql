-- Sales are partitioned by business (LIST on business_id, one partition per business).
-- Why: a business's first bulk load (CSV import or demo data, often millions of rows) can then be
-- written into a fresh table without indexes, indexed by sort afterwards and attached, several
-- times faster than maintaining four btrees row by row; replacing the demo data swaps one
-- partition; scoring scans only its tenant's partition. See docs/import-format.md and docs/benchmarks.md.
-- External ids compare bytewise (COLLATE "C"): they are identifiers, and C comparisons make the
-- unique indexes and the import's joins much cheaper than locale-aware ones.

DROP VIEW sales.counted_sales;
ALTER TABLE sales.sale_items DROP CONSTRAINT sale_items_sale_id_fkey;
ALTER TABLE sales.payments DROP CONSTRAINT payments_sale_id_fkey;
ALTER TABLE sales.customers ALTER COLUMN external_id TYPE text COLLATE "C";
ALTER TABLE sales.storefronts ALTER COLUMN code TYPE text COLLATE "C";

CREATE TEMP TABLE sales_before_partitioning ON COMMIT DROP AS SELECT * FROM sales.sales;
DROP TABLE sales.sales;

CREATE SEQUENCE sales.sales_id_seq AS bigint;

CREATE TABLE sales.sales (
    id              bigint        NOT NULL DEFAULT nextval('sales.sales_id_seq'),
    business_id     bigint        NOT NULL,
    storefront_id   bigint        NOT NULL,
    customer_id     bigint        NOT NULL,
    -- The source system's sale id (CSV "sale_id"); re-importing it updates the row.
    external_id     text          COLLATE "C" NOT NULL CHECK (length(external_id) BETWEEN 1 AND 200),
    ordered_at      timestamptz   NOT NULL,
    status          text          NOT NULL CHECK (status IN ('completed', 'refunded', 'voided')),
    amount          numeric(18,2) NOT NULL CHECK (amount >= 0),
    -- Partial refunds recorded against a completed sale; a full refund is its own 'refunded' row.
    refunded_amount numeric(18,2) NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= amount),
    currency        char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT sales_pkey PRIMARY KEY (business_id, id),
    CONSTRAINT sales_business_external_id_key UNIQUE (business_id, external_id)
) PARTITION BY LIST (business_id);
ALTER SEQUENCE sales.sales_id_seq OWNED BY sales.sales.id;

-- Within a partition business_id is constant, so the scans scoring needs ((business_id, ordered_at)
-- and (business_id, customer_id, ordered_at)) are partition pruning plus these narrower indexes.
CREATE INDEX sales_ordered_at_idx ON sales.sales (ordered_at);
CREATE INDEX sales_customer_ordered_at_idx ON sales.sales (customer_id, ordered_at);

-- The partition of one business, created empty on first use (writers call this before writing).
CREATE FUNCTION sales.ensure_sales_partition(p_business_id bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    -- Serialises concurrent first writers of one business (both would otherwise try to create it).
    PERFORM pg_advisory_xact_lock(hashtextextended('rfmgraph.sales.partition', p_business_id));
    IF to_regclass(format('sales.sales_b%s', p_business_id)) IS NULL THEN
        EXECUTE format('CREATE TABLE sales.sales_b%s PARTITION OF sales.sales FOR VALUES IN (%s)', p_business_id, p_business_id);
    END IF;
END
$$;

SELECT sales.ensure_sales_partition(id) FROM sales.businesses;
INSERT INTO sales.sales (id, business_id, storefront_id, customer_id, external_id, ordered_at, status, amount, refunded_amount, currency)
SELECT id, business_id, storefront_id, customer_id, external_id, ordered_at, status, amount, refunded_amount, currency
FROM sales_before_partitioning;
SELECT setval('sales.sales_id_seq', coalesce((SELECT max(id) FROM sales.sales), 0) + 1, false);

CREATE INDEX sale_items_business_sale_idx ON sales.sale_items (business_id, sale_id);
ALTER TABLE sales.sale_items ADD CONSTRAINT sale_items_sale_fkey
    FOREIGN KEY (business_id, sale_id) REFERENCES sales.sales (business_id, id) ON DELETE CASCADE;
CREATE INDEX payments_business_sale_idx ON sales.payments (business_id, sale_id);
DROP INDEX sales.payments_sale_idx;
ALTER TABLE sales.payments ADD CONSTRAINT payments_sale_fkey
    FOREIGN KEY (business_id, sale_id) REFERENCES sales.sales (business_id, id) ON DELETE CASCADE;

-- The read contract for scoring (docs/contracts.md), unchanged: a plain projection with no joins so
-- that predicates on business_id, customer_id and ordered_at reach the partition and its indexes.
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
