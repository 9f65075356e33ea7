-- Several routers on one database, one of them active by lease (#18): every member stores the
-- alerts it accepts, and only the lease holder groups, times and sends them. The lease's times are
-- the database's clock, the one clock the members share.

-- The lease: one row, who holds it and until when. Seeded expired, so the first member to ask
-- takes it; a member taking it over updates this row, which waits for intakes that lock it.
CREATE TABLE alert_router.fleet_lease (
  name       text PRIMARY KEY,
  holder     text        NOT NULL,
  expires_at timestamptz NOT NULL
);
INSERT INTO alert_router.fleet_lease (name, holder, expires_at) VALUES ('fleet', '', '-infinity')
  ON CONFLICT DO NOTHING;

-- The inbox: alerts accepted by a member that was not routing them, one row per intake of a
-- fingerprint, until the lease holder takes them (its read of the alert table gives their state).
CREATE TABLE alert_router.alert_change (
  id          bigserial PRIMARY KEY,
  fingerprint bigint NOT NULL
);
