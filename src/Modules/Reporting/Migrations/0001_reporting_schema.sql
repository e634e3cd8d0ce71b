-- The Reporting module's own schema (one schema per module, docs/adr). Its tables — export jobs and the
-- report cache — arrive with the reporting issue; the schema exists from the start so that the module's
-- migration history, permissions and the architecture tests treat it like the others.
CREATE SCHEMA IF NOT EXISTS reporting;
