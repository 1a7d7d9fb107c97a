-- Dispatch plans (调度计划) and their orders per work and step; an order is
-- acknowledged once by an operator (audited in the audit chain).
CREATE TABLE dispatch_plans (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	created_ms INTEGER NOT NULL,
	actor TEXT NOT NULL,
	start_day TEXT NOT NULL,
	step TEXT NOT NULL,
	steps INTEGER NOT NULL,
	objective REAL NOT NULL,
	solve_ms REAL NOT NULL,
	note TEXT NOT NULL DEFAULT '',
	body TEXT NOT NULL
);
CREATE TABLE dispatch_orders (
	plan_id INTEGER NOT NULL REFERENCES dispatch_plans(id),
	work TEXT NOT NULL REFERENCES works(code),
	day TEXT NOT NULL,
	days INTEGER NOT NULL,
	action TEXT NOT NULL,
	volume_m3 REAL NOT NULL,
	flow_m3s REAL NOT NULL,
	target_level_m REAL NOT NULL DEFAULT 0,
	forecast_demand_m3 REAL NOT NULL DEFAULT 0,
	forecast_inflow_m3 REAL NOT NULL DEFAULT 0,
	ack_by TEXT NOT NULL DEFAULT '',
	ack_ms INTEGER,
	ack_note TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (plan_id, work, day)
);
CREATE INDEX dispatch_orders_day ON dispatch_orders (plan_id, day, work);
