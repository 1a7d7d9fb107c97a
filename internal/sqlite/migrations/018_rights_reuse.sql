-- Permits changed by settled withdrawal-right trades (取水权交易): the seller's
-- annual volume down, the buyer's up, or the buyer's new permit that cites the
-- trade (the 限批 exception, 取水许可条例 art. 27). Append-only; one buyer row per trade.
CREATE TABLE rights_trade_permits (
	id INTEGER PRIMARY KEY,
	trade_id INTEGER NOT NULL REFERENCES rights_trades(id),
	permit_id INTEGER NOT NULL REFERENCES permits(id),
	side TEXT NOT NULL CHECK (side IN ('seller', 'buyer')),
	before_m3 INTEGER NOT NULL,
	after_m3 INTEGER NOT NULL,
	created_ms INTEGER NOT NULL,
	UNIQUE (trade_id, side)
);
CREATE INDEX rights_trade_permits_permit ON rights_trade_permits(permit_id);

-- Indicator 8's register (规模以上工业用水重复利用率, issue 16): one report per
-- enterprise and year; a new filing replaces it (audited).
CREATE TABLE industrial_reuse (
	id INTEGER PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES water_users(id),
	year INTEGER NOT NULL,
	intake_m3 INTEGER NOT NULL CHECK (intake_m3 >= 0),
	reused_m3 INTEGER NOT NULL CHECK (reused_m3 >= 0),
	above_size BOOLEAN NOT NULL,
	basis TEXT NOT NULL,
	note TEXT NOT NULL DEFAULT '',
	actor TEXT NOT NULL,
	created_ms INTEGER NOT NULL,
	UNIQUE (user_id, year)
);
