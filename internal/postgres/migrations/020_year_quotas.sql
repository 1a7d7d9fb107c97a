-- Yearly surcharges of non-residential public-supply accounts and a user's
-- quota split across its permits (issue 15).
-- A non-residential account's plan for a year (计划用水, per account-year);
-- without one its year's plan is its monthly plan × the months it is open.
CREATE TABLE customer_account_plans (
	account_id BIGINT NOT NULL REFERENCES customer_accounts(id),
	year BIGINT NOT NULL,
	plan_m3 BIGINT NOT NULL,
	PRIMARY KEY (account_id, year)
);
-- A permit's part of its holder's declared output of a product (the weight
-- the holder's quota is split by across its permits; the quota itself stays
-- norm × the holder's output in output_declarations).
CREATE TABLE permit_outputs (
	permit_id BIGINT NOT NULL REFERENCES permits(id),
	year BIGINT NOT NULL,
	sector TEXT NOT NULL,
	product TEXT NOT NULL,
	output BIGINT NOT NULL,
	PRIMARY KEY (permit_id, year, sector, product)
);
