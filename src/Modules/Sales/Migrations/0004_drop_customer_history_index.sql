-- Nothing reads sales by customer in time order: scoring aggregates a business's period (sales.counted_sales
-- by business_id and ordered_at) and the API lists customers, not their sales. The index was the most
-- expensive one to build after a bulk load (random keys: about 40% of the index time of a 10M-row import).
-- A feature that needs a customer's history can bring it back on sales.sales. See docs/adr/0006-sales-import-pipeline.md.
DROP INDEX sales.sales_customer_ordered_at_idx;
