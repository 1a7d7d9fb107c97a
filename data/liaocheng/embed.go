// Package liaocheng embeds the city data of 聊城市 so that `sishui demo` works
// from any directory. The files are the reviewable source; see README.md there.
package liaocheng

import "embed"

// FS holds the YAML files of this directory.
//
//go:embed *.yaml
var FS embed.FS
