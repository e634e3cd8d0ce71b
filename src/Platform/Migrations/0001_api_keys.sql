-- API keys for integrators. Only a SHA-256 of the secret part is stored; the key is shown once
-- when it is created. `prefix` is the public, random lookup id embedded in the key itself, so a
-- request finds its row with one index probe and then compares hashes in constant time.
CREATE TABLE platform.api_keys (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    prefix        text        NOT NULL UNIQUE,
    secret_hash   bytea       NOT NULL,
    business_id   bigint      NOT NULL,
    business_key  text        NOT NULL,
    role          text        NOT NULL,
    name          text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz NULL,
    revoked_at    timestamptz NULL,
    CONSTRAINT api_keys_prefix_format CHECK (prefix ~ '^[0-9a-f]{12}$'),
    CONSTRAINT api_keys_hash_length CHECK (octet_length(secret_hash) = 32)
);

CREATE INDEX api_keys_business ON platform.api_keys (business_id);
