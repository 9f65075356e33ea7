-- The router's shared state (alert-router-store-postgresql). Times are timestamptz (microseconds),
-- fingerprints Alertmanager's 64-bit label-set hashes as bigint.

-- What each robot's chat last received from each alert group (Alertmanager's notification log).
CREATE TABLE alert_router.notification_log (
  group_key text        NOT NULL,
  robot_id  text        NOT NULL,
  firing    bigint[]    NOT NULL,
  resolved  bigint[]    NOT NULL,
  at        timestamptz NOT NULL,
  PRIMARY KEY (group_key, robot_id)
);

-- One row per robot: the lock every instance takes to count a send, and the platform's penalty.
CREATE TABLE alert_router.rate_window (
  robot_key     text PRIMARY KEY,
  penalty_until timestamptz
);

-- The sends still inside a robot's longest window.
CREATE TABLE alert_router.rate_send (
  robot_key text        NOT NULL,
  sent_at   timestamptz NOT NULL
);
CREATE INDEX rate_send_by_robot ON alert_router.rate_send (robot_key, sent_at);

-- Escalation episodes and their acknowledgements, one per alert group.
CREATE TABLE alert_router.escalation (
  group_key       text PRIMARY KEY,
  first_notice_at timestamptz NOT NULL,
  acknowledged_by text,
  acknowledged_at timestamptz,
  resolved        boolean     NOT NULL
);

-- The escalation slots an episode has fired, and when.
CREATE TABLE alert_router.escalation_fired (
  group_key  text        NOT NULL REFERENCES alert_router.escalation ON DELETE CASCADE,
  step_index int         NOT NULL,
  repeat     int         NOT NULL,
  loop       int         NOT NULL,
  fired_at   timestamptz NOT NULL,
  PRIMARY KEY (group_key, step_index, repeat, loop)
);

-- On-call handoffs announced: the first instance to insert one announces it.
CREATE TABLE alert_router.handoff (
  schedule_id text        NOT NULL,
  handoff_at  timestamptz NOT NULL,
  PRIMARY KEY (schedule_id, handoff_at)
);

-- Action-link nonces used, until their link expires.
CREATE TABLE alert_router.used_token (
  nonce      text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);

-- Mobile numbers contacts proved theirs, one per contact and platform.
CREATE TABLE alert_router.binding (
  contact_id text        NOT NULL,
  platform   text        NOT NULL,
  mobile     text        NOT NULL,
  bound_at   timestamptz NOT NULL,
  PRIMARY KEY (contact_id, platform)
);
