package dispatch

import "github.com/sishui/sishui/internal/allocate"

func allocateVerify(sc *allocate.Scenario, res *allocate.Result) error {
	return allocate.Verify(sc, res, 1e-4)
}
