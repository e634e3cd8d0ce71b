-- Customers are partitioned by business like sales (migration 0002), for the same reason: a business's first
-- import fills a fresh table created in its own transaction (no WAL with wal_level=minimal, indexes built by
-- sort afterwards, the foreign key to sales.businesses checked once by one join when the table is attached)
-- instead of inserting a million rows through two btrees and a per-row foreign-key trigger. It also keeps
-- each tenant's customers physically apart. See docs/adr/0006-sales-import-pipeline.md.
--
-- Every business gets both partitions when it is created (trigger below), so writers never have to create
-- one first; sales.ensure_business_partitions stays callable for tests and tools that insert businesses
-- with the trigger disabled.
DROP VIEW sales.customer_directory;

CREATE TEMP TABLE customers_before_partitioning ON COMMIT DROP AS SELECT * FROM sales.customers;
DROP TABLE sales.customers;

CREATE SEQUENCE sales.customers_id_seq AS bigint;

CREATE TABLE sales.customers (
    id          bigint      NOT NULL DEFAULT nextval('sales.customers_id_seq'),
    business_id bigint      NOT NULL REFERENCES sales.businesses (id) ON DELETE CASCADE,
    -- The source system's customer id, exactly as imported.
    external_id text        COLLATE "C" NOT NULL CHECK (length(external_id) BETWEEN 1 AND 200),
    name        text,
    email       text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT customers_pkey PRIMARY KEY (business_id, id),
    CONSTRAINT customers_business_external_id_key UNIQUE (business_id, external_id)
) PARTITION BY LIST (business_id);
ALTER SEQUENCE sales.customers_id_seq OWNED BY sales.customers.id;

DROP FUNCTION sales.ensure_sales_partition(bigint);

CREATE FUNCTION sales.ensure_business_partitions(p_business_id bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    -- Serialises concurrent first writers of one business (both would otherwise try to create them).
    PERFORM pg_advisory_xact_lock(hashtextextended('rfmgraph.sales.partition', p_business_id));
    IF to_regclass(format('sales.sales_b%s', p_business_id)) IS NULL THEN
        EXECUTE format('CREATE TABLE sales.sales_b%s PARTITION OF sales.sales FOR VALUES IN (%s)', p_business_id, p_business_id);
    END IF;
    IF to_regclass(format('sales.customers_b%s', p_business_id)) IS NULL THEN
        EXECUTE format('CREATE TABLE sales.customers_b%s PARTITION OF sales.customers FOR VALUES IN (%s)', p_business_id, p_business_id);
    END IF;
END
$$;

CREATE FUNCTION sales.create_business_partitions() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM sales.ensure_business_partitions(NEW.id);
    RETURN NULL;
END
$$;

CREATE TRIGGER businesses_create_partitions AFTER INSERT ON sales.businesses
    FOR EACH ROW EXECUTE FUNCTION sales.create_business_partitions();

SELECT sales.ensure_business_partitions(id) FROM sales.businesses;
INSERT INTO sales.customers (id, business_id, external_id, name, email, created_at)
SELECT id, business_id, external_id, name, email, created_at FROM customers_before_partitioning;
SELECT setval('sales.customers_id_seq', coalesce((SELECT max(id) FROM sales.customers), 0) + 1, false);

CREATE VIEW sales.customer_directory AS
SELECT c.business_id,
       c.id AS customer_id,
       c.external_id,
       c.name,
       c.email,
       c.created_at
FROM sales.customers c;
