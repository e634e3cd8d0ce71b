-- customerScores' usual page: one run, one segment, richest first, keyset-paged
--   WHERE run_id = $1 AND segment_code = $2 [AND monetary <= $m AND (monetary < $m OR customer_id > $c)]
--   ORDER BY monetary DESC, customer_id LIMIT n
-- run_id selects the partition, so the index leaves it out; within the partition this index is the seek and
-- the order (scanned backwards it also serves monetary ASC, customer_id DESC). Defined on the partitioned
-- parent: existing partitions get it now, and a run's new table gets it when it is attached (if it does not
-- already have a matching index).
CREATE INDEX customer_scores_segment_monetary ON scoring.customer_scores (segment_code, monetary DESC, customer_id);
