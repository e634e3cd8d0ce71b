-- Directory views other modules may read (docs/contracts.md): plain projections of the base tables,
-- so predicates on business_id, customer_id, external_id reach their indexes.
CREATE VIEW sales.customer_directory AS
SELECT c.business_id,
       c.id AS customer_id,
       c.external_id,
       c.name,
       c.email,
       c.created_at
FROM sales.customers c;

CREATE VIEW sales.storefront_directory AS
SELECT f.business_id,
       f.id AS storefront_id,
       f.code,
       f.name
FROM sales.storefronts f;
