package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/rights"
)

// The water-rights ledger and market. Every write runs in one transaction
// that first locks the rows it depends on (the listing or trade, then the
// holders in ID order, by bumping lock_version: a row lock on PostgreSQL, the
// write lock on SQLite), then loads the touched accounts' sums into a
// rights.Ledger, applies the pure rules and appends. Entries are never
// updated or deleted.

// SetNow replaces the store's clock (tests and replays).
func (s *DB) SetNow(now func() time.Time) { s.Now = now }

// RightsRules returns the market's configurable rules.
func (s *DB) RightsRules() rights.Config { return s.Rights }

// today is the store clock's date in Beijing (as a UTC-midnight date).
func (s *DB) today() time.Time { return beijingDay(s.Now()) }

func beijingDay(t time.Time) time.Time {
	bj := t.In(sishui.BeijingTime)
	return time.Date(bj.Year(), bj.Month(), bj.Day(), 0, 0, 0, 0, time.UTC)
}

const holderCols = `id, code, kind, name, region, water_user, permit, public_supplier, ecological, over_extraction`

func scanHolder(sc scanner) (*sishui.RightsHolder, error) {
	var h sishui.RightsHolder
	var region sql.NullString
	var user, permit sql.NullInt64
	err := sc.Scan(&h.ID, &h.Code, &h.Kind, &h.Name, &region, &user, &permit, &h.PublicSupplier, &h.Ecological, &h.OverExtraction)
	h.Region, h.WaterUser, h.Permit = region.String, user.Int64, permit.Int64
	return &h, err
}

func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

func int64Args(ids []int64) []any {
	out := make([]any, len(ids))
	for i, v := range ids {
		out[i] = v
	}
	return out
}

// canPostRights: direct ledger postings (allocation, buy-back, expiry, correction) are the city's.
func canPostRights(ctx context.Context, op string) error {
	switch sishui.ActorFrom(ctx).Role {
	case sishui.RoleAdmin, sishui.RoleCity, sishui.RoleSystem:
		return nil
	}
	return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "only city staff post allocations, buy-backs, expiries and corrections"}
}

// holderScope narrows w to the holders the actor sees (col is the holder-ID column).
func (s *DB) holderScope(ctx context.Context, w *where, col string) error {
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return err
	}
	switch {
	case sc.all:
	case sc.none:
		w.add("1 = 0")
	case sc.user > 0:
		w.add(col+" IN (SELECT id FROM rights_holders WHERE water_user = ?)", sc.user)
	default:
		args := make([]any, len(sc.regions))
		for i, r := range sc.regions {
			args[i] = r
		}
		w.add(col+" IN (SELECT id FROM rights_holders WHERE region IN ("+placeholders(len(args))+"))", args...)
	}
	return nil
}

// actsFor checks that the actor may act for a holder on the market: staff in
// whose scope the holder's region lies, or the enterprise owning it.
func (s *DB) actsFor(ctx context.Context, op string, h *sishui.RightsHolder) error {
	a := sishui.ActorFrom(ctx)
	if a.Role == sishui.RoleEnterprise {
		if a.WaterUser > 0 && h.WaterUser == a.WaterUser {
			return nil
		}
		return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "an enterprise acts only for its own rights"}
	}
	if !a.CanWrite() {
		return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "this account may not trade"}
	}
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return err
	}
	if !sc.all && !sc.allowsRegion(h.Region) {
		return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "holder " + h.Code + " is outside this account's scope"}
	}
	return nil
}

// UpsertRightsHolder creates or updates a holder by code.
func (s *DB) UpsertRightsHolder(ctx context.Context, h *sishui.RightsHolder) error {
	const op = "upsert rights holder"
	if err := h.Validate(); err != nil {
		return err
	}
	if err := canWriteVocabulary(ctx, op); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := scanHolder(tx.QueryRowContext(ctx, s.q(`SELECT `+holderCols+` FROM rights_holders WHERE code = ?`), h.Code))
		args := []any{h.Kind, h.Name, nullStr(h.Region), nullInt(h.WaterUser), nullInt(h.Permit), h.PublicSupplier, h.Ecological, h.OverExtraction}
		switch {
		case err == sql.ErrNoRows:
			before = nil
			h.ID, err = s.insertID(ctx, tx, `INSERT INTO rights_holders (kind, name, region, water_user, permit, public_supplier, ecological, over_extraction, code)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, append(args, h.Code)...)
		case err == nil:
			h.ID = before.ID
			_, err = tx.ExecContext(ctx, s.q(`UPDATE rights_holders SET kind = ?, name = ?, region = ?, water_user = ?, permit = ?, public_supplier = ?,
				ecological = ?, over_extraction = ? WHERE id = ?`), append(args, h.ID)...)
		}
		if err != nil {
			return err
		}
		action := "create"
		if before != nil {
			action = "update"
		}
		return s.audit(ctx, tx, action, "rights_holder", itoa64(h.ID), before, h, "")
	})
	return s.mapErr(op, err, "a holder with this code exists")
}

// ListRightsHolders lists the holders in the actor's scope.
func (s *DB) ListRightsHolders(ctx context.Context) ([]*sishui.RightsHolder, error) {
	var w where
	if err := s.holderScope(ctx, &w, "id"); err != nil {
		return nil, err
	}
	return all(ctx, s, `SELECT `+holderCols+` FROM rights_holders`+w.String()+` ORDER BY id`, w.args, scanHolder)
}

// SetRightsAllocable sets a source's allocable total for a year.
func (s *DB) SetRightsAllocable(ctx context.Context, a sishui.RightsAllocable) error {
	const op = "set allocable"
	if err := canWriteVocabulary(ctx, op); err != nil {
		return err
	}
	switch {
	case a.Source == "":
		return sishui.Invalid("source", "is required")
	case a.Year < 1990 || a.Year > 2100:
		return sishui.Invalid("year", "must be between 1990 and 2100")
	case a.VolumeM3 < 0:
		return sishui.Invalid("volume_m3", "must not be negative")
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM rights_allocable WHERE source = ? AND year = ?`), a.Source, a.Year); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO rights_allocable (source, year, volume_m3) VALUES (?, ?, ?)`), a.Source, a.Year, a.VolumeM3); err != nil {
			return err
		}
		return s.audit(ctx, tx, "update", "rights_allocable", fmt.Sprintf("%s/%d", a.Source, a.Year), nil, a, "")
	})
	return s.mapErr(op, err, "")
}

// ListRightsAllocable lists the allocable totals.
func (s *DB) ListRightsAllocable(ctx context.Context) ([]sishui.RightsAllocable, error) {
	return all(ctx, s, `SELECT source, year, volume_m3 FROM rights_allocable ORDER BY year, source`, nil, func(sc scanner) (sishui.RightsAllocable, error) {
		var a sishui.RightsAllocable
		return a, sc.Scan(&a.Source, &a.Year, &a.VolumeM3)
	})
}

// lockRow bumps a row's lock_version: the row is locked until the transaction ends.
func (s *DB) lockRow(ctx context.Context, tx *sql.Tx, table string, id int64) error {
	res, err := tx.ExecContext(ctx, s.q(`UPDATE `+table+` SET lock_version = lock_version + 1 WHERE id = ?`), id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return sishui.NotFound("%s %d", strings.TrimPrefix(strings.TrimSuffix(table, "s"), "rights_"), id)
	}
	return nil
}

// loadLedger locks the holders of rtx's entries in ID order and returns a
// ledger holding their accounts, the allocable totals and the reversal state.
func (s *DB) loadLedger(ctx context.Context, tx *sql.Tx, rtx *sishui.RightsTx) (*rights.Ledger, error) {
	var ids []int64
	type sy struct {
		source string
		year   int
	}
	keys := map[rights.Key]bool{}
	sys := map[sy]bool{}
	for _, e := range rtx.Entries {
		ids = append(ids, e.Holder)
		keys[rights.Key{Holder: e.Holder, Source: e.Source, Year: e.Year}] = true
		sys[sy{e.Source, e.Year}] = true
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	for _, id := range ids {
		if err := s.lockRow(ctx, tx, "rights_holders", id); err != nil {
			return nil, sishui.Invalid("entries", "unknown holder %d", id)
		}
	}
	l := rights.NewLedger()
	rows, err := tx.QueryContext(ctx, s.q(`SELECT `+holderCols+` FROM rights_holders WHERE id IN (`+placeholders(len(ids))+`)`), int64Args(ids)...)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		h, err := scanHolder(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		l.AddHolder(h)
	}
	rows.Close()
	years := map[int]bool{}
	for k := range sys {
		years[k.year] = true
	}
	var yargs []any
	for y := range years {
		yargs = append(yargs, y)
	}
	rows, err = tx.QueryContext(ctx, s.q(`SELECT holder_id, source, year, from_ms, to_ms, volume_m3 FROM rights_sums
		WHERE holder_id IN (`+placeholders(len(ids))+`) AND year IN (`+placeholders(len(yargs))+`)`), append(int64Args(ids), yargs...)...)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var k rights.Key
		var from, to, v int64
		if err := rows.Scan(&k.Holder, &k.Source, &k.Year, &from, &to, &v); err != nil {
			rows.Close()
			return nil, err
		}
		if keys[k] {
			l.Load(k, fromMS(from), fromMS(to), v)
		}
	}
	rows.Close()
	rows, err = tx.QueryContext(ctx, s.q(`SELECT source, year, volume_m3 FROM rights_allocable WHERE year IN (`+placeholders(len(yargs))+`)`), yargs...)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var k sy
		var v int64
		if err := rows.Scan(&k.source, &k.year, &v); err != nil {
			rows.Close()
			return nil, err
		}
		if sys[k] {
			l.SetAllocable(k.source, k.year, v)
		}
	}
	rows.Close()
	if rtx.Reverses > 0 {
		var n int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM rights_txs WHERE reverses = ?`), rtx.Reverses).Scan(&n); err != nil {
			return nil, err
		}
		if n > 0 {
			l.MarkReversed(rtx.Reverses)
		}
	}
	return l, nil
}

// addSums adds entries to the account sums: one upsert, then zero sums removed.
func (s *DB) addSums(ctx context.Context, tx *sql.Tx, es []sishui.RightsEntry) error {
	type key struct {
		holder   int64
		source   string
		year     int
		from, to int64
	}
	sums := map[key]int64{}
	var order []key
	var holders []int64
	for _, e := range es {
		k := key{e.Holder, e.Source, e.Year, ms(e.From), ms(e.To)}
		if _, ok := sums[k]; !ok {
			order = append(order, k)
			holders = append(holders, e.Holder)
		}
		sums[k] += e.VolumeM3
	}
	var b strings.Builder
	args := make([]any, 0, 6*len(order))
	b.WriteString(`INSERT INTO rights_sums (holder_id, source, year, from_ms, to_ms, volume_m3) VALUES `)
	for i, k := range order {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(?, ?, ?, ?, ?, ?)")
		args = append(args, k.holder, k.source, k.year, k.from, k.to, sums[k])
	}
	b.WriteString(` ON CONFLICT (holder_id, source, year, from_ms, to_ms) DO UPDATE SET volume_m3 = rights_sums.volume_m3 + excluded.volume_m3`)
	if _, err := tx.ExecContext(ctx, s.q(b.String()), args...); err != nil {
		return err
	}
	slices.Sort(holders)
	holders = slices.Compact(holders)
	_, err := tx.ExecContext(ctx, s.q(`DELETE FROM rights_sums WHERE volume_m3 = 0 AND holder_id IN (`+placeholders(len(holders))+`)`), int64Args(holders)...)
	return err
}

// post checks rtx against the loaded ledger (pre, when given, first) and appends it with an audit entry.
func (s *DB) post(ctx context.Context, tx *sql.Tx, rtx *sishui.RightsTx, pre func(*rights.Ledger) error) error {
	if len(rtx.Entries) == 0 {
		return sishui.Invalid("entries", "a transaction has at least two entries")
	}
	l, err := s.loadLedger(ctx, tx, rtx)
	if err != nil {
		return err
	}
	if pre != nil {
		if err := pre(l); err != nil {
			return err
		}
	}
	if err := l.Post(rtx); err != nil {
		return err
	}
	rtx.Actor, rtx.Created = sishui.ActorFrom(ctx).Username, fromMS(ms(s.Now()))
	rtx.ID, err = s.insertID(ctx, tx, `INSERT INTO rights_txs (reason, ref, reverses, memo, actor, created_ms) VALUES (?, ?, ?, ?, ?, ?)`,
		rtx.Reason, rtx.Ref, nullInt(rtx.Reverses), rtx.Memo, rtx.Actor, ms(rtx.Created))
	if err != nil {
		return err
	}
	var b strings.Builder
	args := make([]any, 0, 7*len(rtx.Entries))
	b.WriteString(`INSERT INTO rights_entries (tx_id, holder_id, source, year, volume_m3, from_ms, to_ms) VALUES `)
	for i := range rtx.Entries {
		e := &rtx.Entries[i]
		e.Tx = rtx.ID
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(?, ?, ?, ?, ?, ?, ?)")
		args = append(args, e.Tx, e.Holder, e.Source, e.Year, e.VolumeM3, ms(e.From), ms(e.To))
	}
	b.WriteString(" RETURNING id")
	rows, err := tx.QueryContext(ctx, s.q(b.String()), args...)
	if err != nil {
		return err
	}
	for i := 0; rows.Next(); i++ {
		if err := rows.Scan(&rtx.Entries[i].ID); err != nil {
			rows.Close()
			return err
		}
	}
	rows.Close()
	if err := s.addSums(ctx, tx, rtx.Entries); err != nil {
		return err
	}
	return s.audit(ctx, tx, rtx.Reason, "rights_tx", itoa64(rtx.ID), nil, rtx, rtx.Memo)
}

// PostRightsTx checks and appends a direct transaction.
func (s *DB) PostRightsTx(ctx context.Context, rtx *sishui.RightsTx) error {
	const op = "post rights transaction"
	if err := rights.CheckDirect(rtx); err != nil {
		return err
	}
	if err := canPostRights(ctx, op); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if rtx.Reason == sishui.ReasonCorrection {
			orig, err := s.getTx(ctx, tx, rtx.Reverses)
			if err != nil {
				return sishui.Invalid("reverses", "no transaction %d", rtx.Reverses)
			}
			if err := rights.CheckReversible(orig); err != nil {
				return err
			}
			rtx.Entries = rights.Reversal(orig, rtx.Memo).Entries
			rtx.Ref = orig.Ref
		}
		return s.post(ctx, tx, rtx, nil)
	})
	return s.mapErr(op, err, "the transaction was already reversed")
}

const txCols = `id, reason, ref, reverses, memo, actor, created_ms`

func scanTx(sc scanner) (*sishui.RightsTx, error) {
	var t sishui.RightsTx
	var rev sql.NullInt64
	var created int64
	err := sc.Scan(&t.ID, &t.Reason, &t.Ref, &rev, &t.Memo, &t.Actor, &created)
	t.Reverses, t.Created = rev.Int64, fromMS(created)
	return &t, err
}

const entryCols = `id, tx_id, holder_id, source, year, volume_m3, from_ms, to_ms`

func scanEntry(sc scanner) (sishui.RightsEntry, error) {
	var e sishui.RightsEntry
	var from, to int64
	err := sc.Scan(&e.ID, &e.Tx, &e.Holder, &e.Source, &e.Year, &e.VolumeM3, &from, &to)
	e.From, e.To = fromMS(from), fromMS(to)
	return e, err
}

func (s *DB) getTx(ctx context.Context, tx *sql.Tx, id int64) (*sishui.RightsTx, error) {
	t, err := scanTx(tx.QueryRowContext(ctx, s.q(`SELECT `+txCols+` FROM rights_txs WHERE id = ?`), id))
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, s.q(`SELECT `+entryCols+` FROM rights_entries WHERE tx_id = ? ORDER BY id`), id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, err
		}
		t.Entries = append(t.Entries, e)
	}
	return t, rows.Err()
}

// ListRightsTxs lists transactions touching the actor's holders, newest first, with their entries.
func (s *DB) ListRightsTxs(ctx context.Context, f sishui.RightsFilter) ([]*sishui.RightsTx, int, error) {
	var ew where
	if err := s.holderScope(ctx, &ew, "holder_id"); err != nil {
		return nil, 0, err
	}
	if f.Holder > 0 {
		ew.add("holder_id = ?", f.Holder)
	}
	if f.Source != "" {
		ew.add("source = ?", f.Source)
	}
	if f.Year > 0 {
		ew.add("year = ?", f.Year)
	}
	var w where
	if len(ew.conds) > 0 {
		w.add("id IN (SELECT tx_id FROM rights_entries"+ew.String()+")", ew.args...)
	}
	txs, total, err := list(ctx, s, "rights_txs", txCols, &w, "id DESC", f.Page, scanTx)
	if err != nil || len(txs) == 0 {
		return txs, total, err
	}
	byID := map[int64]*sishui.RightsTx{}
	ids := make([]int64, len(txs))
	for i, t := range txs {
		byID[t.ID], ids[i] = t, t.ID
	}
	es, err := all(ctx, s, `SELECT `+entryCols+` FROM rights_entries WHERE tx_id IN (`+placeholders(len(ids))+`) ORDER BY id`, int64Args(ids), scanEntry)
	for _, e := range es {
		byID[e.Tx].Entries = append(byID[e.Tx].Entries, e)
	}
	return txs, total, err
}

// EachRightsTx streams every transaction in ID order.
func (s *DB) EachRightsTx(ctx context.Context, fn func(*sishui.RightsTx) error) error {
	switch sishui.ActorFrom(ctx).Role {
	case sishui.RoleAdmin, sishui.RoleCity, sishui.RoleAuditor, sishui.RoleSystem:
	default:
		return &sishui.Error{Code: sishui.EFORBIDDEN, Op: "rights ledger", Message: "only city staff and auditors read the whole ledger"}
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT t.id, t.reason, t.ref, t.reverses, t.memo, t.actor, t.created_ms,
		e.id, e.tx_id, e.holder_id, e.source, e.year, e.volume_m3, e.from_ms, e.to_ms
		FROM rights_txs t JOIN rights_entries e ON e.tx_id = t.id ORDER BY t.id, e.id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var cur *sishui.RightsTx
	for rows.Next() {
		var t sishui.RightsTx
		var rev sql.NullInt64
		var created, from, to int64
		var e sishui.RightsEntry
		if err := rows.Scan(&t.ID, &t.Reason, &t.Ref, &rev, &t.Memo, &t.Actor, &created,
			&e.ID, &e.Tx, &e.Holder, &e.Source, &e.Year, &e.VolumeM3, &from, &to); err != nil {
			return err
		}
		e.From, e.To = fromMS(from), fromMS(to)
		if cur == nil || cur.ID != t.ID {
			if cur != nil {
				if err := fn(cur); err != nil {
					return err
				}
			}
			t.Reverses, t.Created = rev.Int64, fromMS(created)
			cur = &t
		}
		cur.Entries = append(cur.Entries, e)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if cur != nil {
		return fn(cur)
	}
	return nil
}

// CapShifts returns what settled regional trades add to each region's caps on a day.
func (s *DB) CapShifts(ctx context.Context, day time.Time) (map[string]sishui.CapShift, error) {
	return s.capShifts(ctx, s.DB, day)
}

type sqlQueryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func (s *DB) capShifts(ctx context.Context, q sqlQueryer, day time.Time) (map[string]sishui.CapShift, error) {
	d := ms(rights.Day(day))
	rows, err := q.QueryContext(ctx, s.q(`SELECT t.buyer, hb.region, t.seller, hs.region, t.source, t.volume_m3, t.from_ms, t.to_ms, s.groundwater
		FROM rights_trades t JOIN rights_holders hb ON hb.id = t.buyer JOIN rights_holders hs ON hs.id = t.seller JOIN sources s ON s.code = t.source
		WHERE t.type = ? AND t.status = ? AND t.from_ms <= ? AND t.to_ms >= ?`), sishui.TradeRegional, sishui.TradeSettled, d, d)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var trades []*sishui.RightsTrade
	regionOf := map[int64]string{}
	ground := map[string]bool{}
	for rows.Next() {
		t := &sishui.RightsTrade{Type: sishui.TradeRegional, Status: sishui.TradeSettled}
		var br, sr sql.NullString
		var from, to int64
		var gw bool
		if err := rows.Scan(&t.Buyer, &br, &t.Seller, &sr, &t.Source, &t.VolumeM3, &from, &to, &gw); err != nil {
			return nil, err
		}
		t.From, t.To = fromMS(from), fromMS(to)
		if br.Valid {
			regionOf[t.Buyer] = br.String
		}
		if sr.Valid {
			regionOf[t.Seller] = sr.String
		}
		ground[t.Source] = gw
		trades = append(trades, t)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return s.Rights.CapShifts(trades, regionOf, ground, day), nil
}

// VerifyRights replays the stored ledger under the rules.
func (s *DB) VerifyRights(ctx context.Context) (*sishui.RightsVerification, error) {
	hs, err := s.ListRightsHolders(ctx)
	if err != nil {
		return nil, err
	}
	al, err := s.ListRightsAllocable(ctx)
	if err != nil {
		return nil, err
	}
	v := rights.NewVerifier(hs, al)
	if err := s.EachRightsTx(ctx, v.Add); err != nil {
		return nil, err
	}
	open, err := all(ctx, s, `SELECT `+listingCols+` FROM rights_listings WHERE status = ?`, []any{sishui.ListingOpen}, scanListing)
	if err != nil {
		return nil, err
	}
	notice, err := all(ctx, s, `SELECT `+tradeCols+` FROM `+tradeFrom+` WHERE t.status = ?`, []any{sishui.TradeNotice}, scanTrade)
	if err != nil {
		return nil, err
	}
	out := &sishui.RightsVerification{Transactions: v.Transactions, Entries: v.Entries}
	if out.Accounts, err = v.Finish(open, notice); err != nil {
		return out, err
	}
	var bad int
	if err := s.DB.QueryRowContext(ctx, `SELECT COUNT(*) FROM (
		SELECT holder_id, source, year, from_ms, to_ms, SUM(volume_m3) AS v FROM rights_entries GROUP BY holder_id, source, year, from_ms, to_ms
	) e FULL OUTER JOIN rights_sums s USING (holder_id, source, year, from_ms, to_ms) WHERE COALESCE(e.v, 0) <> COALESCE(s.volume_m3, 0)`).Scan(&bad); err != nil {
		return out, err
	}
	if bad > 0 {
		return out, &sishui.Error{Code: sishui.ECONFLICT, Message: fmt.Sprintf("%d account sums differ from their entries", bad), Err: rights.ErrUnbalanced}
	}
	return out, nil
}

// RightsBalances derives the balances of the actor's accounts on a day.
func (s *DB) RightsBalances(ctx context.Context, f sishui.RightsFilter, day time.Time) ([]sishui.RightsBalance, error) {
	var w where
	if err := s.holderScope(ctx, &w, "holder_id"); err != nil {
		return nil, err
	}
	if f.Holder > 0 {
		w.add("holder_id = ?", f.Holder)
	}
	if f.Source != "" {
		w.add("source = ?", f.Source)
	}
	if f.Year > 0 {
		w.add("year = ?", f.Year)
	}
	rows, err := s.DB.QueryContext(ctx, s.q(`SELECT holder_id, source, year, from_ms, to_ms, volume_m3 FROM rights_sums`+w.String()), w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	l := rights.NewLedger()
	for rows.Next() {
		var k rights.Key
		var from, to, v int64
		if err := rows.Scan(&k.Holder, &k.Source, &k.Year, &from, &to, &v); err != nil {
			return nil, err
		}
		l.Load(k, fromMS(from), fromMS(to), v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	keys := l.Keys()
	slices.SortFunc(keys, func(a, b rights.Key) int {
		if a.Holder != b.Holder {
			return int(a.Holder - b.Holder)
		}
		if a.Year != b.Year {
			return a.Year - b.Year
		}
		return strings.Compare(a.Source, b.Source)
	})
	out := make([]sishui.RightsBalance, 0, len(keys))
	for _, k := range keys {
		d := rights.Date(k.Year, 0)
		if !day.IsZero() && day.Year() == k.Year {
			d = rights.Day(day)
		}
		lo, hi := l.MinMax(k)
		out = append(out, sishui.RightsBalance{Holder: k.Holder, Source: k.Source, Year: k.Year, VolumeM3: l.Balance(k.Holder, k.Source, d), MinM3: lo, MaxM3: hi})
	}
	return out, nil
}

// ---- market

func (s *DB) holder(ctx context.Context, q sqlQuerier, id int64) (*sishui.RightsHolder, error) {
	h, err := scanHolder(q.QueryRowContext(ctx, s.q(`SELECT `+holderCols+` FROM rights_holders WHERE id = ?`), id))
	if err == sql.ErrNoRows {
		return nil, nil
	}
	return h, err
}

func (s *DB) sourceInfo(ctx context.Context, q sqlQuerier, code string) (rights.SourceInfo, error) {
	var gw bool
	err := q.QueryRowContext(ctx, s.q(`SELECT groundwater FROM sources WHERE code = ?`), code).Scan(&gw)
	if err == sql.ErrNoRows {
		return rights.SourceInfo{}, nil
	}
	return rights.SourceInfo{Code: code, Groundwater: gw}, err
}

func (s *DB) escrowID(ctx context.Context, q sqlQuerier) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, s.q(`SELECT id FROM rights_holders WHERE kind = ? ORDER BY id LIMIT 1`), sishui.HolderEscrow).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, &sishui.Error{Code: sishui.ECONFLICT, Message: "no escrow account: create a holder of kind escrow first"}
	}
	return id, err
}

const listingCols = `id, type, mode, method, seller, buyer, source, volume_m3, price_fen, from_ms, to_ms, remaining_m3, status, hold_tx, note, actor, created_ms`

func scanListing(sc scanner) (*sishui.Listing, error) {
	var l sishui.Listing
	var buyer, hold sql.NullInt64
	var from, to, created int64
	err := sc.Scan(&l.ID, &l.Type, &l.Mode, &l.Method, &l.Seller, &buyer, &l.Source, &l.VolumeM3, &l.PriceFen, &from, &to,
		&l.RemainingM3, &l.Status, &hold, &l.Note, &l.Actor, &created)
	l.Buyer, l.HoldTx, l.From, l.To, l.Created = buyer.Int64, hold.Int64, fromMS(from), fromMS(to), fromMS(created)
	return &l, err
}

func (s *DB) listing(ctx context.Context, q sqlQuerier, id int64) (*sishui.Listing, error) {
	l, err := scanListing(q.QueryRowContext(ctx, s.q(`SELECT `+listingCols+` FROM rights_listings WHERE id = ?`), id))
	if err == sql.ErrNoRows {
		return nil, sishui.NotFound("listing %d", id)
	}
	return l, err
}

// CreateListing checks a listing and freezes its volume in escrow.
func (s *DB) CreateListing(ctx context.Context, l *sishui.Listing) error {
	const op = "create listing"
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		seller, err := s.holder(ctx, tx, l.Seller)
		if err != nil {
			return err
		}
		src, err := s.sourceInfo(ctx, tx, l.Source)
		if err != nil {
			return err
		}
		if err := s.Rights.CheckListing(l, seller, src); err != nil {
			return err
		}
		if err := s.actsFor(ctx, op, seller); err != nil {
			return err
		}
		if l.Method == sishui.MethodAgreement {
			buyer, err := s.holder(ctx, tx, l.Buyer)
			if err != nil {
				return err
			}
			if err := s.Rights.CheckBuyer(l, buyer, src); err != nil {
				return err
			}
		}
		escrow, err := s.escrowID(ctx, tx)
		if err != nil {
			return err
		}
		l.From, l.To, l.RemainingM3, l.Status = rights.Day(l.From), rights.Day(l.To), l.VolumeM3, sishui.ListingOpen
		l.Actor, l.Created = sishui.ActorFrom(ctx).Username, fromMS(ms(s.Now()))
		l.ID, err = s.insertID(ctx, tx, `INSERT INTO rights_listings (type, mode, method, seller, buyer, source, volume_m3, price_fen, from_ms, to_ms,
			remaining_m3, status, note, actor, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			l.Type, l.Mode, l.Method, l.Seller, nullInt(l.Buyer), l.Source, l.VolumeM3, l.PriceFen, ms(l.From), ms(l.To), l.RemainingM3, l.Status, l.Note, l.Actor, ms(l.Created))
		if err != nil {
			return err
		}
		hold := rights.HoldTx(l, escrow)
		if err := s.post(ctx, tx, hold, func(led *rights.Ledger) error {
			if un := led.Unsold(l.Seller, l.Source, l.From, l.To); un < l.VolumeM3 {
				return &sishui.Error{Code: sishui.ECONFLICT, Message: fmt.Sprintf("listing %d m³, unsold %d m³", l.VolumeM3, un), Err: rights.ErrOversell}
			}
			return nil
		}); err != nil {
			return err
		}
		l.HoldTx = hold.ID
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE rights_listings SET hold_tx = ? WHERE id = ?`), hold.ID, l.ID); err != nil {
			return err
		}
		return s.audit(ctx, tx, "create", "rights_listing", itoa64(l.ID), nil, l, l.Note)
	})
	return s.mapErr(op, err, "")
}

// GetListing returns a listing (any signed-in account sees the market).
func (s *DB) GetListing(ctx context.Context, id int64) (*sishui.Listing, error) {
	if err := seesMarket(ctx); err != nil {
		return nil, err
	}
	return s.listing(ctx, s.DB, id)
}

func seesMarket(ctx context.Context) error {
	if sishui.ActorFrom(ctx).Role == sishui.RolePublic {
		return &sishui.Error{Code: sishui.EUNAUTHORIZED, Message: "sign in to see the market; the notice board is public"}
	}
	return nil
}

// ListListings lists listings, newest first.
func (s *DB) ListListings(ctx context.Context, f sishui.ListingFilter) ([]*sishui.Listing, int, error) {
	if err := seesMarket(ctx); err != nil {
		return nil, 0, err
	}
	var w where
	if f.Status != "" {
		w.add("status = ?", f.Status)
	}
	if f.Seller > 0 {
		w.add("seller = ?", f.Seller)
	}
	return list(ctx, s, "rights_listings", listingCols, &w, "id DESC", f.Page, scanListing)
}

// lockListing locks and reads a listing.
func (s *DB) lockListing(ctx context.Context, tx *sql.Tx, id int64) (*sishui.Listing, error) {
	if err := s.lockRow(ctx, tx, "rights_listings", id); err != nil {
		return nil, err
	}
	return s.listing(ctx, tx, id)
}

// PlaceBid records a bid on an open bidding listing.
func (s *DB) PlaceBid(ctx context.Context, b *sishui.Bid) error {
	const op = "place bid"
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		l, err := s.lockListing(ctx, tx, b.Listing)
		if err != nil {
			return err
		}
		if err := rights.CheckBid(l, b); err != nil {
			return err
		}
		buyer, err := s.holder(ctx, tx, b.Buyer)
		if err != nil {
			return err
		}
		src, err := s.sourceInfo(ctx, tx, l.Source)
		if err != nil {
			return err
		}
		if err := s.Rights.CheckBuyer(l, buyer, src); err != nil {
			return err
		}
		if err := s.actsFor(ctx, op, buyer); err != nil {
			return err
		}
		b.Status, b.AwardedM3, b.Actor, b.Created = sishui.BidOpen, 0, sishui.ActorFrom(ctx).Username, fromMS(ms(s.Now()))
		b.ID, err = s.insertID(ctx, tx, `INSERT INTO rights_bids (listing_id, buyer, volume_m3, price_fen, status, awarded_m3, actor, created_ms) VALUES (?, ?, ?, ?, ?, 0, ?, ?)`,
			b.Listing, b.Buyer, b.VolumeM3, b.PriceFen, b.Status, b.Actor, ms(b.Created))
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, "create", "rights_bid", itoa64(b.ID), nil, b, "")
	})
	return s.mapErr(op, err, "")
}

const bidCols = `id, listing_id, buyer, volume_m3, price_fen, status, awarded_m3, actor, created_ms`

func scanBid(sc scanner) (*sishui.Bid, error) {
	var b sishui.Bid
	var created int64
	err := sc.Scan(&b.ID, &b.Listing, &b.Buyer, &b.VolumeM3, &b.PriceFen, &b.Status, &b.AwardedM3, &b.Actor, &created)
	b.Created = fromMS(created)
	return &b, err
}

// ListBids lists a listing's bids: staff see all, others their own.
func (s *DB) ListBids(ctx context.Context, listing int64) ([]*sishui.Bid, error) {
	if err := seesMarket(ctx); err != nil {
		return nil, err
	}
	var w where
	w.add("listing_id = ?", listing)
	if err := s.holderScope(ctx, &w, "buyer"); err != nil {
		return nil, err
	}
	return all(ctx, s, `SELECT `+bidCols+` FROM rights_bids`+w.String()+` ORDER BY id`, w.args, scanBid)
}

func (s *DB) insertTrade(ctx context.Context, tx *sql.Tx, t *sishui.RightsTrade) error {
	t.Created = fromMS(ms(s.Now()))
	var err error
	t.ID, err = s.insertID(ctx, tx, `INSERT INTO rights_trades (listing_id, bid_id, type, mode, seller, buyer, source, volume_m3, price_fen, amount_fen,
		from_ms, to_ms, status, route, notice_from_ms, notice_to_ms, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		t.Listing, nullInt(t.Bid), t.Type, t.Mode, t.Seller, t.Buyer, t.Source, t.VolumeM3, t.PriceFen, t.AmountFen,
		ms(t.From), ms(t.To), t.Status, t.Route, ms(t.NoticeFrom), ms(t.NoticeTo), ms(t.Created))
	if err != nil {
		return err
	}
	return s.audit(ctx, tx, "create", "rights_trade", itoa64(t.ID), nil, t, "public notice until "+t.NoticeTo.Format(time.DateOnly))
}

func (s *DB) closeListing(ctx context.Context, tx *sql.Tx, l *sishui.Listing, status, why string) error {
	if _, err := tx.ExecContext(ctx, s.q(`UPDATE rights_listings SET status = ?, remaining_m3 = 0 WHERE id = ?`), status, l.ID); err != nil {
		return err
	}
	before := *l
	l.Status, l.RemainingM3 = status, 0
	return s.audit(ctx, tx, status, "rights_listing", itoa64(l.ID), before, l, why)
}

// canCloseListing: the seller's side or staff.
func (s *DB) canActOnListing(ctx context.Context, tx *sql.Tx, op string, holder int64) error {
	h, err := s.holder(ctx, tx, holder)
	if err != nil {
		return err
	}
	if h == nil {
		return sishui.NotFound("holder %d", holder)
	}
	return s.actsFor(ctx, op, h)
}

// CloseBidding awards the bids by price-time priority and makes the trades.
func (s *DB) CloseBidding(ctx context.Context, id int64) ([]*sishui.RightsTrade, error) {
	const op = "close bidding"
	var out []*sishui.RightsTrade
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		l, err := s.lockListing(ctx, tx, id)
		if err != nil {
			return err
		}
		if l.Method != sishui.MethodBidding || l.Status != sishui.ListingOpen {
			return &sishui.Error{Code: sishui.ECONFLICT, Message: fmt.Sprintf("listing %d is not open to bidding", id)}
		}
		if err := s.canActOnListing(ctx, tx, op, l.Seller); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, s.q(`SELECT `+bidCols+` FROM rights_bids WHERE listing_id = ? ORDER BY id`), id)
		if err != nil {
			return err
		}
		var bids []*sishui.Bid
		for rows.Next() {
			b, err := scanBid(rows)
			if err != nil {
				rows.Close()
				return err
			}
			bids = append(bids, b)
		}
		rows.Close()
		escrow, err := s.escrowID(ctx, tx)
		if err != nil {
			return err
		}
		if left := rights.Award(l, bids); left > 0 {
			if err := s.post(ctx, tx, rights.ReleaseTx(l, escrow, left, "unsold at the close of bidding"), nil); err != nil {
				return err
			}
		}
		today := s.today()
		for _, b := range bids {
			if _, err := tx.ExecContext(ctx, s.q(`UPDATE rights_bids SET status = ?, awarded_m3 = ? WHERE id = ?`), b.Status, b.AwardedM3, b.ID); err != nil {
				return err
			}
			if b.AwardedM3 > 0 {
				t := s.Rights.NewTrade(l, b.Buyer, b.ID, b.AwardedM3, b.PriceFen, today)
				if err := s.insertTrade(ctx, tx, t); err != nil {
					return err
				}
				out = append(out, t)
			}
		}
		return s.closeListing(ctx, tx, l, sishui.ListingClosed, "bidding closed")
	})
	return out, s.mapErr(op, err, "")
}

// AcceptAgreement makes the trade of an agreement listing.
func (s *DB) AcceptAgreement(ctx context.Context, id int64) (*sishui.RightsTrade, error) {
	const op = "accept agreement"
	var t *sishui.RightsTrade
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		l, err := s.lockListing(ctx, tx, id)
		if err != nil {
			return err
		}
		if l.Method != sishui.MethodAgreement || l.Status != sishui.ListingOpen {
			return &sishui.Error{Code: sishui.ECONFLICT, Message: fmt.Sprintf("listing %d is not an open agreement", id)}
		}
		if err := s.canActOnListing(ctx, tx, op, l.Buyer); err != nil {
			return err
		}
		t = s.Rights.NewTrade(l, l.Buyer, 0, l.VolumeM3, l.PriceFen, s.today())
		if err := s.insertTrade(ctx, tx, t); err != nil {
			return err
		}
		return s.closeListing(ctx, tx, l, sishui.ListingClosed, "agreement accepted")
	})
	return t, s.mapErr(op, err, "")
}

// CancelListing withdraws an open listing and releases its volume.
func (s *DB) CancelListing(ctx context.Context, id int64, reason string) error {
	const op = "cancel listing"
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		l, err := s.lockListing(ctx, tx, id)
		if err != nil {
			return err
		}
		if l.Status != sishui.ListingOpen {
			return &sishui.Error{Code: sishui.ECONFLICT, Message: fmt.Sprintf("listing %d is %s", id, l.Status)}
		}
		if err := s.canActOnListing(ctx, tx, op, l.Seller); err != nil {
			return err
		}
		escrow, err := s.escrowID(ctx, tx)
		if err != nil {
			return err
		}
		if err := s.post(ctx, tx, rights.ReleaseTx(l, escrow, l.RemainingM3, "listing cancelled"), nil); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE rights_bids SET status = ? WHERE listing_id = ?`), sishui.BidLost, id); err != nil {
			return err
		}
		return s.closeListing(ctx, tx, l, sishui.ListingCancelled, reason)
	})
	return s.mapErr(op, err, "")
}

const tradeCols = `t.id, t.listing_id, t.bid_id, t.type, t.mode, t.seller, t.buyer, t.source, t.volume_m3, t.price_fen, t.amount_fen, t.from_ms, t.to_ms,
	t.status, t.route, t.notice_from_ms, t.notice_to_ms, t.settle_tx, t.created_ms, hs.name, hb.name`

const tradeFrom = `rights_trades t JOIN rights_holders hs ON hs.id = t.seller JOIN rights_holders hb ON hb.id = t.buyer`

func scanTrade(sc scanner) (*sishui.RightsTrade, error) {
	var t sishui.RightsTrade
	var bid, settle sql.NullInt64
	var from, to, nf, nt, created int64
	err := sc.Scan(&t.ID, &t.Listing, &bid, &t.Type, &t.Mode, &t.Seller, &t.Buyer, &t.Source, &t.VolumeM3, &t.PriceFen, &t.AmountFen, &from, &to,
		&t.Status, &t.Route, &nf, &nt, &settle, &created, &t.SellerName, &t.BuyerName)
	t.Bid, t.SettleTx = bid.Int64, settle.Int64
	t.From, t.To, t.NoticeFrom, t.NoticeTo, t.Created = fromMS(from), fromMS(to), fromMS(nf), fromMS(nt), fromMS(created)
	return &t, err
}

func (s *DB) trade(ctx context.Context, q sqlQuerier, id int64, w *where) (*sishui.RightsTrade, error) {
	args := append([]any{id}, w.args...)
	cond := " WHERE t.id = ?"
	if len(w.conds) > 0 {
		cond += " AND " + strings.Join(w.conds, " AND ")
	}
	t, err := scanTrade(q.QueryRowContext(ctx, s.q(`SELECT `+tradeCols+` FROM `+tradeFrom+cond), args...))
	if err == sql.ErrNoRows {
		return nil, sishui.NotFound("trade %d", id)
	}
	return t, err
}

// tradeScope narrows w to trades with a party the actor sees.
func (s *DB) tradeScope(ctx context.Context, w *where) error {
	var a, b where
	if err := s.holderScope(ctx, &a, "t.seller"); err != nil {
		return err
	}
	if len(a.conds) == 0 {
		return nil
	}
	if err := s.holderScope(ctx, &b, "t.buyer"); err != nil {
		return err
	}
	w.add("(("+strings.Join(a.conds, " AND ")+") OR ("+strings.Join(b.conds, " AND ")+"))", append(a.args, b.args...)...)
	return nil
}

// GetTrade returns a trade one of whose parties the actor sees.
func (s *DB) GetTrade(ctx context.Context, id int64) (*sishui.RightsTrade, error) {
	var w where
	if err := s.tradeScope(ctx, &w); err != nil {
		return nil, err
	}
	return s.trade(ctx, s.DB, id, &w)
}

// ListTrades lists the trades of the actor's holders, newest first.
func (s *DB) ListTrades(ctx context.Context, f sishui.TradeFilter) ([]*sishui.RightsTrade, int, error) {
	var w where
	if err := s.tradeScope(ctx, &w); err != nil {
		return nil, 0, err
	}
	if f.Status != "" {
		w.add("t.status = ?", f.Status)
	}
	if f.Holder > 0 {
		w.add("(t.seller = ? OR t.buyer = ?)", f.Holder, f.Holder)
	}
	return list(ctx, s, tradeFrom, tradeCols, &w, "t.id DESC", f.Page, scanTrade)
}

// NoticeBoard lists trades in or after public notice: readable by anyone.
func (s *DB) NoticeBoard(ctx context.Context, p sishui.Page) ([]*sishui.RightsTrade, int, error) {
	var w where
	w.add("t.status <> ?", sishui.TradeCancelled)
	return list(ctx, s, tradeFrom, tradeCols, &w, "t.notice_from_ms DESC, t.id DESC", p, scanTrade)
}

// AddObjection records an objection to a trade during its notice.
func (s *DB) AddObjection(ctx context.Context, o *sishui.Objection) error {
	const op = "add objection"
	if sishui.ActorFrom(ctx).Role == sishui.RolePublic {
		return &sishui.Error{Code: sishui.EUNAUTHORIZED, Op: op, Message: "sign in to raise an objection"}
	}
	if strings.TrimSpace(o.Name) == "" {
		return sishui.Invalid("name", "is required: who objects")
	}
	if strings.TrimSpace(o.Text) == "" {
		return sishui.Invalid("text", "is required: the grounds of the objection")
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		t, err := s.trade(ctx, tx, o.Trade, &where{})
		if err != nil {
			return err
		}
		if t.Status != sishui.TradeNotice || s.today().After(t.NoticeTo) {
			return &sishui.Error{Code: sishui.ECONFLICT, Message: fmt.Sprintf("trade %d is not in public notice", t.ID)}
		}
		o.Created = fromMS(ms(s.Now()))
		o.ID, err = s.insertID(ctx, tx, `INSERT INTO rights_objections (trade_id, name, text, actor, created_ms) VALUES (?, ?, ?, ?, ?)`,
			o.Trade, o.Name, o.Text, sishui.ActorFrom(ctx).Username, ms(o.Created))
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, "object", "rights_trade", itoa64(o.Trade), nil, o, "")
	})
	return s.mapErr(op, err, "")
}

// ListObjections lists a trade's objections (public, as the notice is).
func (s *DB) ListObjections(ctx context.Context, trade int64) ([]*sishui.Objection, error) {
	return all(ctx, s, `SELECT id, trade_id, name, text, created_ms FROM rights_objections WHERE trade_id = ? ORDER BY id`, []any{trade},
		func(sc scanner) (*sishui.Objection, error) {
			var o sishui.Objection
			var c int64
			err := sc.Scan(&o.ID, &o.Trade, &o.Name, &o.Text, &c)
			o.Created = fromMS(c)
			return &o, err
		})
}

// DecideTrade records the authority's decision and settles or refuses the trade, once.
func (s *DB) DecideTrade(ctx context.Context, a *sishui.TradeApproval) (*sishui.RightsTrade, error) {
	const op = "decide trade"
	actor := sishui.ActorFrom(ctx)
	var t *sishui.RightsTrade
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.lockRow(ctx, tx, "rights_trades", a.Trade); err != nil {
			return err
		}
		var err error
		if t, err = s.trade(ctx, tx, a.Trade, &where{}); err != nil {
			return err
		}
		escrow, err := s.escrowID(ctx, tx)
		if err != nil {
			return err
		}
		rtx, status, err := rights.Decision(s.Rights, t, a, actor.Role, s.today(), escrow)
		if err != nil {
			return err
		}
		if actor.Role == sishui.RoleCounty {
			if err := s.canActOnListing(ctx, tx, op, t.Seller); err != nil {
				return err
			}
		}
		if err := s.post(ctx, tx, rtx, nil); err != nil {
			return err
		}
		before := *t
		t.Status = status
		if status == sishui.TradeSettled {
			t.SettleTx = rtx.ID
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE rights_trades SET status = ?, settle_tx = ? WHERE id = ?`), t.Status, nullInt(t.SettleTx), t.ID); err != nil {
			return err
		}
		if err := s.settlePermits(ctx, tx, t); err != nil {
			return err
		}
		a.Actor, a.Created = actor.Username, fromMS(ms(s.Now()))
		if a.ID, err = s.insertID(ctx, tx, `INSERT INTO rights_approvals (trade_id, decision, savings_verified, note, actor, created_ms) VALUES (?, ?, ?, ?, ?, ?)`,
			a.Trade, a.Decision, a.SavingsVerified, a.Note, a.Actor, ms(a.Created)); err != nil {
			return err
		}
		return s.audit(ctx, tx, a.Decision, "rights_trade", itoa64(t.ID), before, t, a.Note)
	})
	return t, s.mapErr(op, err, "")
}

// ListTradeApprovals lists the decisions on a trade.
func (s *DB) ListTradeApprovals(ctx context.Context, trade int64) ([]*sishui.TradeApproval, error) {
	if _, err := s.GetTrade(ctx, trade); err != nil {
		return nil, err
	}
	return all(ctx, s, `SELECT id, trade_id, decision, savings_verified, note, actor, created_ms FROM rights_approvals WHERE trade_id = ? ORDER BY id`, []any{trade},
		func(sc scanner) (*sishui.TradeApproval, error) {
			var a sishui.TradeApproval
			var c int64
			err := sc.Scan(&a.ID, &a.Trade, &a.Decision, &a.SavingsVerified, &a.Note, &a.Actor, &c)
			a.Created = fromMS(c)
			return &a, err
		})
}
