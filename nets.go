package sishui

import (
	"net/netip"
	"strings"
)

// MaxAllowedNets is the most source networks a point may list.
const MaxAllowedNets = 32

// ParseAllowedNets parses source networks: CIDR prefixes ("10.20.0.0/16") or
// single addresses ("10.20.1.7", read as /32 or /128). field names the input
// in the error.
func ParseAllowedNets(field string, nets []string) ([]netip.Prefix, error) {
	if len(nets) > MaxAllowedNets {
		return nil, Invalid(field, "at most %d networks, got %d", MaxAllowedNets, len(nets))
	}
	out := make([]netip.Prefix, 0, len(nets))
	for i, s := range nets {
		s = strings.TrimSpace(s)
		var p netip.Prefix
		var err error
		if strings.Contains(s, "/") {
			p, err = netip.ParsePrefix(s)
		} else {
			var a netip.Addr
			if a, err = netip.ParseAddr(s); err == nil {
				p = netip.PrefixFrom(a, a.BitLen())
			}
		}
		if err != nil || len(s) > 64 {
			return nil, Invalid(field, "item %d: %q is not a network in CIDR notation (e.g. 10.20.0.0/16) or an address", i, truncate(s, 64))
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// CheckAllowedNets checks source networks (see ParseAllowedNets).
func CheckAllowedNets(field string, nets []string) error {
	_, err := ParseAllowedNets(field, nets)
	return err
}

// NetsAllow reports whether addr lies in one of nets; no nets allow any.
func NetsAllow(nets []netip.Prefix, addr netip.Addr) bool {
	if len(nets) == 0 {
		return true
	}
	addr = addr.Unmap()
	for _, p := range nets {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}
