package events

// The schema the package carries, as migrations keep it in Go constants:
// its unique keys bound lookups by columns other than id.
const schema = `
CREATE TABLE IF NOT EXISTS devices (
	id bigserial PRIMARY KEY,
	mac text NOT NULL UNIQUE,
	kind text NOT NULL,
	application_id bigint NOT NULL,
	UNIQUE (kind, application_id)
);`
