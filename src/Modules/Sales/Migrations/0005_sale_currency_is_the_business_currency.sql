-- A business records every sale in its own currency (sales.businesses.currency): the import rejects rows in
-- another currency and recordSale answers CURRENCY_MISMATCH. A per-row copy of that code added nothing but
-- cost: a bulk load spent about a quarter of its COPY time decoding the char(3) value and running its regular
-- expression check on ten million identical rows (docs/benchmarks.md, "Sales import"). The currency of a sale
-- is read from its business.
ALTER TABLE sales.sales DROP COLUMN currency;
