-- Alerts and run-time silences (#18): what a router accepted survives the process.
-- Labels, annotations and matchers are JSON text, not jsonb: jsonb refuses the NUL character a
-- label value may carry, and nothing here queries inside them.

-- The alerts the routers accepted, by fingerprint.
CREATE TABLE alert_router.alert (
  fingerprint   bigint PRIMARY KEY,
  labels        text        NOT NULL,
  annotations   text        NOT NULL,
  starts_at     timestamptz NOT NULL,
  ends_at       timestamptz NOT NULL,
  generator_url text
);
CREATE INDEX alert_by_end ON alert_router.alert (ends_at);

-- Silences added at run time, by id.
CREATE TABLE alert_router.silence (
  id         text PRIMARY KEY,
  matchers   text        NOT NULL,
  starts_at  timestamptz NOT NULL,
  ends_at    timestamptz NOT NULL,
  created_by text        NOT NULL,
  comment    text        NOT NULL
);
