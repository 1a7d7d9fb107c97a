package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/auditsign"
)

// auditFiles names the audit key, public keys and checkpoint file: in
// --audit-dir, else beside a SQLite database, else in the working directory.
func auditFiles(cfg *Config) auditsign.Files {
	dir := cfg.AuditDir
	if dir == "" {
		if p, ok := strings.CutPrefix(cfg.DB, "sqlite:"); ok {
			dir = filepath.Dir(p)
		}
	}
	return auditsign.FilesIn(dir)
}

// signedStore closes the checkpoint file with the store.
type signedStore struct {
	sishui.Store
	log *os.File
}

// Unwrap returns the store it signs for, so that engine-specific settings
// (permit rules) reach it through the wrapper.
func (s signedStore) Unwrap() sishui.Store { return s.Store }

func (s signedStore) Close() error {
	err := s.Store.Close()
	if cerr := s.log.Close(); err == nil {
		err = cerr
	}
	return err
}

// signAudit turns on checkpoint signing with the configured key, creating a
// key (and its public half in the ring) when there is none yet.
func signAudit(st sishui.Store, cfg *Config) (sishui.Store, error) {
	files := auditFiles(cfg)
	key, _, err := files.LoadOrCreate(cfg.AuditKey)
	if err == nil {
		var log *os.File
		if log, err = auditsign.OpenLog(files.Checkpoints); err == nil {
			st.SetAuditSigner(key, log)
			return signedStore{Store: st, log: log}, nil
		}
	}
	st.Close()
	return nil, fmt.Errorf("audit signing key: %w (set --audit-dir or SISHUI_AUDIT_KEY)", err)
}

func cmdAudit(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "verify" && args[0] != "rotate-key" {
		return fmt.Errorf("usage: sishui audit verify [--db DSN] [--unsigned] | sishui audit rotate-key [--lost --reason TEXT]")
	}
	sub, args := args[0], args[1:]
	fset, cfg, err := e.newFlags("audit "+sub, args)
	if err != nil {
		return err
	}
	unsigned := fset.Bool("unsigned", false, "verify: check only the hash chain when no signed checkpoints or public keys are found")
	lost := fset.Bool("lost", false, "rotate-key: the current key is lost; start a new signed segment (needs --reason)")
	reason := fset.String("reason", "", "rotate-key: why, for the audit log")
	if err := fset.Parse(args); err != nil {
		return err
	}
	if sub == "rotate-key" {
		return rotateKey(ctx, e, cfg, *lost, *reason)
	}
	st, err := openDB(ctx, cfg.DB) // verifying writes nothing and signs nothing
	if err != nil {
		return err
	}
	defer st.Close()
	files := auditFiles(cfg)
	ring, err := auditsign.LoadKeyring(files.Public)
	if err != nil && !(*unsigned && errors.Is(err, fs.ErrNotExist)) {
		return fmt.Errorf("audit public keys: %w (run from the server's directory or give --audit-dir; --unsigned checks the chain only)", err)
	}
	cps, err := auditsign.ReadLog(files.Checkpoints)
	if err != nil && !(*unsigned && errors.Is(err, fs.ErrNotExist)) {
		return fmt.Errorf("audit checkpoints: %w (run from the server's directory or give --audit-dir; --unsigned checks the chain only)", err)
	}
	r, err := auditsign.Verify(ctx, st, ring, cps, *unsigned)
	if err != nil {
		return err
	}
	for _, p := range r.Problems {
		fmt.Fprintln(e.stdout, "BROKEN:", p)
	}
	if len(r.Problems) > 0 {
		return exitError(1)
	}
	switch {
	case r.Checkpoints == 0:
		fmt.Fprintf(e.stdout, "audit chain intact: %d entries, UNSIGNED (no checkpoints checked)\n", r.Entries)
	default:
		fmt.Fprintf(e.stdout, "audit chain intact: %d entries; %d signed checkpoints (keys %s) cover entries %d–%d\n",
			r.Entries, r.Checkpoints, strings.Join(r.Keys, ", "), r.FirstSigned, r.LastSigned)
	}
	return nil
}

// rotateKey installs a new signing key (the old public key stays in the ring)
// and records the change in the audit log, signed by the new key.
func rotateKey(ctx context.Context, e *env, cfg *Config, lost bool, reason string) error {
	files := auditFiles(cfg)
	old, err := auditsign.LoadKey(files.Key, cfg.AuditKey)
	action, after := "rotate_key", map[string]any{}
	switch {
	case lost:
		if strings.TrimSpace(reason) == "" {
			return fmt.Errorf("--lost needs --reason (recorded in the audit log)")
		}
		action = "rekey"
		if err == nil {
			after["previous"] = old.ID
		}
	case err != nil:
		return fmt.Errorf("current audit key: %w (if it is lost, use --lost --reason TEXT)", err)
	default:
		after["previous"] = old.ID
	}
	if cfg.AuditKey != "" {
		return fmt.Errorf("the key comes from SISHUI_AUDIT_KEY: put a new key there (audit.key files are rotated here)")
	}
	key, err := auditsign.NewKey()
	if err != nil {
		return err
	}
	if err := files.Install(key); err != nil {
		return err
	}
	after["public_key"] = fmt.Sprintf("%x", key.Public())
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.RecordAudit(ctx, action, "audit_key", key.ID, after, reason); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "audit key %s installed in %s; its public key was added to %s (old keys stay there for verification)\n", key.ID, files.Key, files.Public)
	return nil
}
