-- The outbox (#18): each robot's deliveries from the moment they are queued until their end is
-- committed, so that what a member that dies had queued or out is sent by the member that takes
-- over. Only the lease holder sends; it keeps the waiting rows in memory between a reload and a
-- release, and writes through here (docs/decisions.md, "The outbox in PostgreSQL").

-- One sequence for both columns below: a new entry takes one number as its id and its position.
CREATE SEQUENCE alert_router.outbox_seq;

-- One row per entry not yet ended. position orders a robot's queue; an entry that replaces a
-- waiting one (same entry_key) takes a new id but keeps the position, so a member that still
-- ends the old id (its request was out when it stepped down) cannot delete the newer entry.
-- entry_key is the router's key as Db.key writes it (group keys hold NUL); entry is OutboxJson
-- text, not jsonb, which refuses the \u0000 a group key or label value carries.
CREATE TABLE alert_router.outbox (
  id         bigint      PRIMARY KEY,
  position   bigint      NOT NULL,
  robot_key  text        NOT NULL,
  entry_key  text,
  entry      text        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_by_robot ON alert_router.outbox (robot_key, position);
