-- Generation feed for the water-resource tax's generation-based lines (issue 15).
CREATE TABLE generation_reports (
	id INTEGER PRIMARY KEY,
	permit_id INTEGER NOT NULL REFERENCES permits(id),
	month INTEGER NOT NULL,
	kind TEXT NOT NULL,
	kwh INTEGER NOT NULL,
	version INTEGER NOT NULL,
	source TEXT NOT NULL,
	note TEXT NOT NULL DEFAULT '',
	actor TEXT NOT NULL,
	created_ms INTEGER NOT NULL,
	UNIQUE (permit_id, month, kind, version)
);
CREATE INDEX generation_reports_month ON generation_reports(month);
