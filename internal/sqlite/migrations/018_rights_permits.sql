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
