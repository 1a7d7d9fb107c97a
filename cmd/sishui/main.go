// Command sishui is the one binary of the sishui water-resources platform.
// It is the only place where the internal packages meet.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/postgres"
	"github.com/sishui/sishui/internal/sqlite"
)

// Version is set at build time with -ldflags "-X main.Version=…".
var Version = "dev"

const usage = `sishui — 四水四定 water-resources platform

Usage: sishui <command> [flags]

Commands:
  demo        run the whole platform on a fresh SQLite file with the Liaocheng data and simulated terminals
  serve       run the API, web UI and gateways against --db
  migrate     bring the database schema up to date
  import DIR  load a city directory (e.g. data/liaocheng) into --db
  decode      decode SL 651 / SZY 206 frames given as hex (arguments or stdin, one per line) to JSON
  simulate    virtual RTUs against a gateway: sishui simulate --gateway ADDR --protocol szy206 --stations N --interval D
  audit verify|rotate-key   check the audit log against its signed checkpoints; replace the signing key
  backup      copy a SQLite database online to a file (PostgreSQL: pg_dump, see README)
  user add|list|disable|enable|passwd   manage accounts (sishui user add --role county --region 371502 NAME)
  token create|list|revoke              API tokens for machines (shown once, stored hashed)
  model allocate|forecast|supply|capacity …   run a model on a scenario file (default: the Liaocheng demo) to JSON
  billing run|issue|import|rules …   prices and bills: sishui billing run --period 2026-11
  tax run|send|export …              水资源税 取用水量核定: sishui tax run --period 2026Q4
  budget derive|report …             水预算 from caps and permits, execution against metered use
  rights allocate|verify|export|report  water rights: initial allocation (--year Y [--adopt]), ledger check, xlsx export, monthly/annual report
  rights allocate|verify|export         water rights: initial allocation (--year Y [--adopt]), ledger check, xlsx export
  dispatch plan|list|orders|ack|actual  dispatch (调度): a daily or 旬 schedule from live data, its orders, acknowledgement, plan vs actual
  permit import FILE    register existing certificates from CSV or xlsx (per-row errors; --dry-run)
  account [--from D] [--to D]   rebuild the daily and monthly use rollups from the samples (resumable)
  terminal command|commands|cancel   downlink commands to terminals (queued in the store)
  serve --role gateway|writer|api|worker   one role of a province-scale deployment (--nats URLS, PostgreSQL --db; see docs/deployment.md)
  nats-node FILE.conf   run one JetStream node from the built-in nats-server (sync_interval: always)
  version     print the version

Run 'sishui <command> -h' for a command's flags. Every flag can also be set with
SISHUI_<NAME> in the environment or in a YAML file given by --config.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// env bundles a command's surroundings so that commands are testable.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmds := map[string]func(context.Context, *env, []string) error{
		"version": func(ctx context.Context, e *env, args []string) error {
			fmt.Fprintln(e.stdout, "sishui", Version)
			return nil
		},
		"migrate":  cmdMigrate,
		"import":   cmdImport,
		"serve":    cmdServe,
		"demo":     cmdDemo,
		"decode":   cmdDecode,
		"simulate": cmdSimulate,
		"audit":    cmdAudit,
		"backup":   cmdBackup,
		"user":     cmdUser,
		"token":    cmdToken,
		"model":    cmdModel,
		"billing":  cmdBilling,
		"tax":      cmdTax,
		"budget":   cmdBudget,
		"rights":   cmdRights,
		"dispatch": cmdDispatch,
		"permit":   cmdPermit,
		"account":  cmdAccount,
		"terminal": cmdTerminal,
		// Province scale (issue 18).
		"nats-node": cmdNATSNode,
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
			fmt.Fprint(stdout, usage)
			return 0
		}
		fmt.Fprintf(stderr, "sishui: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	if err := cmd(ctx, e, args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		var ex exitError
		if errors.As(err, &ex) {
			return int(ex)
		}
		fmt.Fprintln(stderr, "sishui:", err)
		return 1
	}
	return 0
}

// exitError ends a command with a status and no message (it printed its own).
type exitError int

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// newFlags returns a flag set and the configuration it fills.
func (e *env) newFlags(name string, args []string) (*flag.FlagSet, *Config, error) {
	fs := flag.NewFlagSet("sishui "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	cfg, err := loadConfig(fs, args, e.getenv)
	return fs, cfg, err
}

func (e *env) logger(cfg *Config) *slog.Logger {
	var lvl slog.Level
	_ = lvl.UnmarshalText([]byte(cfg.LogLevel))
	opts := &slog.HandlerOptions{Level: lvl}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(e.stderr, opts))
	}
	return slog.New(slog.NewTextHandler(e.stderr, opts))
}

// openStore opens and migrates the store cfg.DB names, with the audit log
// signed by the key of cfg's audit directory (created on first use).
func openStore(ctx context.Context, cfg *Config) (sishui.Store, error) {
	st, err := openDB(ctx, cfg.DB)
	if err != nil {
		return nil, err
	}
	return signAudit(st, cfg)
}

// openDB opens and migrates the store a DSN names.
func openDB(ctx context.Context, dsn string) (sishui.Store, error) {
	switch {
	case strings.HasPrefix(dsn, "sqlite:"):
		return sqlite.Open(ctx, strings.TrimPrefix(dsn, "sqlite:"))
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return postgres.Open(ctx, dsn)
	}
	return nil, fmt.Errorf("--db %q: must start with sqlite: or postgres://", dsn)
}

func cmdMigrate(ctx context.Context, e *env, args []string) error {
	fs, cfg, err := e.newFlags("migrate", args)
	if err != nil {
		return err
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	fmt.Fprintln(e.stdout, "schema up to date")
	return nil
}
