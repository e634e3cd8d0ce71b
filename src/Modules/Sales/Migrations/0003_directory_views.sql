-- Read contracts for other modules' APIs (docs/contracts.md): who a customer is and which storefronts a
-- business has. Scoring's customerScores filters and sorts on customer name, email and external id, and
-- its requestRfmRecalculation checks a storefront belongs to the caller, without reading Sales' tables.
-- Plain projections with no joins, so predicates on (business_id, customer_id | storefront_id) reach the
-- tables' indexes.
CREATE VIEW sales.customer_directory AS
SELECT c.business_id,
       c.id AS customer_id,
       c.external_id,
       c.name,
       c.email,
       c.created_at
FROM sales.customers c;

CREATE VIEW sales.storefront_directory AS
SELECT s.business_id,
       s.id AS storefront_id,
       s.code,
       s.name
FROM sales.storefronts s;
