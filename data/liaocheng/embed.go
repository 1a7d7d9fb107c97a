// Package liaocheng embeds the city data of 聊城市 so that `sishui demo` works
// from any directory. The files are the reviewable source; see README.md there.
package liaocheng

import "embed"

// FS holds the YAML files of this directory.
//
//go:embed *.yaml
var FS embed.FS

// Models holds the demo scenarios of the models (models/allocate.yaml,
// forecast.yaml, supply.yaml and capacity.yaml), read by `sishui model` and the
// /api/v1/models endpoints.
//
//go:embed models/*.yaml
var Models embed.FS
