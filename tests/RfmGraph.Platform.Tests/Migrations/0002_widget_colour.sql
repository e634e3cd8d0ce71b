-- Not idempotent on purpose: running it twice would fail, so "applied once" is observable.
ALTER TABLE widgets.widgets ADD COLUMN colour text NOT NULL DEFAULT 'blue';
INSERT INTO widgets.widgets (name) VALUES ('first');
