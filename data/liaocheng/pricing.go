package liaocheng

import "embed"

// Pricing holds the demo rule tables (tariffs, surcharges, tax tables and
// water-use norms) loaded by `sishui billing rules load`: every number is
// marked demo or unverified (see pricing/README.md).
//
//go:embed pricing/*.json
var Pricing embed.FS
