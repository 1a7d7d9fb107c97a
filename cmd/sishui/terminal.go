package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/sishui/sishui"
)

// cmdTerminal queues, lists and cancels downlink commands (下行命令). A
// running `sishui serve` sends a queued command when its terminal is online
// (at once if connected) and records the reply.
func cmdTerminal(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("terminal: command, commands or cancel")
	}
	sub, args := args[0], args[1:]
	fs, cfg, err := e.newFlags("terminal "+sub, args)
	if err != nil {
		return err
	}
	switch sub {
	case "command":
		point := fs.String("point", "", "terminal address (code) of the point")
		protocol := fs.String("protocol", "", "the point's protocol when the code is held by more than one")
		kind := fs.String("kind", "", strings.Join(sishui.CommandKinds[sishui.ProtocolSL651], ", "))
		password := fs.String("password", "", "set_password: the new terminal password (4 hex digits)")
		interval := fs.Int("interval-h", 0, "set_interval: the timed-report interval in hours")
		st, ctx, err := openAsSystem(ctx, fs, cfg, args)
		if err != nil {
			return err
		}
		defer st.Close()
		pts, _, err := st.ListPoints(ctx, sishui.PointFilter{Code: *point, Protocol: *protocol, Page: sishui.Page{Limit: 10}})
		if err != nil {
			return err
		}
		if *point == "" || len(pts) != 1 {
			return fmt.Errorf("--point %q names %d points; give a terminal code (and --protocol when several hold it)", *point, len(pts))
		}
		c := &sishui.TerminalCommand{PointID: pts[0].ID, Kind: *kind, Password: *password, IntervalH: *interval}
		if err := st.CreateTerminalCommand(ctx, c); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "command %d queued: %s to %s %s (sent when the terminal is online)\n", c.ID, c.Kind, c.Protocol, c.Station)
		return nil
	case "commands":
		status := fs.String("status", "", "queued, sent, answered, timeout, cancelled or failed")
		st, ctx, err := openAsSystem(ctx, fs, cfg, args)
		if err != nil {
			return err
		}
		defer st.Close()
		cs, err := st.ListTerminalCommands(ctx, sishui.TerminalCommandFilter{Status: *status, Limit: sishui.MaxPageLimit})
		if err != nil {
			return err
		}
		enc := json.NewEncoder(e.stdout)
		for _, c := range cs {
			if err := enc.Encode(c); err != nil {
				return err
			}
		}
		return nil
	case "cancel":
		st, ctx, err := openAsSystem(ctx, fs, cfg, args)
		if err != nil {
			return err
		}
		defer st.Close()
		if fs.NArg() != 1 {
			return fmt.Errorf("terminal cancel ID")
		}
		id, err := strconv.ParseInt(fs.Arg(0), 10, 64)
		if err != nil {
			return fmt.Errorf("terminal cancel: %q is not a command id", fs.Arg(0))
		}
		c, err := st.GetTerminalCommand(ctx, id)
		if err != nil {
			return err
		}
		c.Status = sishui.CommandCancelled
		if err := st.UpdateTerminalCommand(ctx, c, sishui.CommandQueued); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "command %d cancelled\n", id)
		return nil
	}
	return fmt.Errorf("terminal: unknown subcommand %q (command, commands or cancel)", sub)
}
