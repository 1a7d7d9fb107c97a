package sqlite_test

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"testing"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/auditsign"
	"github.com/sishui/sishui/internal/sqlite"
	"github.com/sishui/sishui/internal/storetest"
)

// BenchmarkAuditedWrite measures a registry write (one audit entry) with and
// without its signed checkpoint.
func BenchmarkAuditedWrite(b *testing.B) {
	for _, signed := range []bool{false, true} {
		b.Run(fmt.Sprintf("signed=%v", signed), func(b *testing.B) {
			ctx := context.Background()
			s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "b.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			storetest.Seed(b, s)
			if signed {
				k, _ := auditsign.NewKey()
				s.SetAuditSigner(k, io.Discard)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := s.UpsertRegion(ctx, &sishui.Region{Code: "371502", Name: fmt.Sprint("东昌府区", i%2), Level: sishui.LevelCounty, Parent: "371500"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
