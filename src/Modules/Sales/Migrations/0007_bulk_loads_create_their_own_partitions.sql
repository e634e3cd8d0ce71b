-- A business's first import (and the demo seeder) fills fresh tables and attaches them as the business's
-- partitions. If the businesses trigger of migration 0006 had already created empty partitions, the loader
-- would have to DETACH them first, and DETACH takes an ACCESS EXCLUSIVE lock on the whole partitioned table:
-- it waits for every running query of every business (a scoring run can take many seconds) while all new
-- queries queue behind it. ATTACH alone only takes SHARE UPDATE EXCLUSIVE, which readers and writers pass.
-- So a transaction that creates a business and loads its rows itself says so, and the trigger leaves the
-- partitions to it:  SET LOCAL rfmgraph.business_partitions = 'loader';
CREATE OR REPLACE FUNCTION sales.create_business_partitions() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('rfmgraph.business_partitions', true), '') <> 'loader' THEN
        PERFORM sales.ensure_business_partitions(NEW.id);
    END IF;
    RETURN NULL;
END
$$;
