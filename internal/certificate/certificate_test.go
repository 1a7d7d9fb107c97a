package certificate

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func font(t *testing.T) []byte {
	b, err := LoadFont("")
	if err != nil {
		t.Skipf("no CJK font (scripts/deps.sh installs fonts-droid-fallback): %v", err)
	}
	return b
}

// TestRenderReadBack renders a certificate and reads it back with pdftotext.
func TestRenderReadBack(t *testing.T) {
	f := font(t)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed; scripts/deps.sh test installs it")
	}
	d := Data{Number: "取水(聊东)字[2026]第101号", Holder: "聊城市某食品有限公司", CreditCode: "913715020000000017",
		Project: "年产10万吨食品扩建项目", IntakeName: "厂区1号井", Lon: 115.98, Lat: 36.45, SourceType: "地下水（浅层）",
		Purpose: "工业生产", AnnualM3: 60_000, ReturnPoint: "城市污水管网", ReturnMethod: "经处理后排入管网", ReturnM3: 20_000,
		ValidFrom: time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC), ValidTo: time.Date(2031, 12, 2, 0, 0, 0, 0, time.UTC),
		Authority: "聊城市水利局", IssuedOn: time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)}
	var buf bytes.Buffer
	if err := Render(&buf, d, f); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	path := filepath.Join(t.TempDir(), "c.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), "")
	for _, want := range []string{"取水许可证", "取水(聊东)字[2026]第101号", "聊城市某食品有限公司", "地下水（浅层）", "工业生产",
		"6万立方米（60000m³）", "城市污水管网", "经处理后排入管网", "2万立方米（20000m³）", "2026年12月3日至2031年12月2日", "聊城市水利局", "厂区1号井"} {
		if !strings.Contains(text, want) {
			t.Errorf("certificate text lacks %q:\n%s", want, out)
		}
	}
}

func TestLoadFontRejectsCollection(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.ttc")
	if err := os.WriteFile(path, []byte("ttcf\x00\x01"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFont(path); err == nil || !strings.Contains(err.Error(), ".ttc") {
		t.Fatalf("collection accepted: %v", err)
	}
	if _, err := LoadFont(filepath.Join(t.TempDir(), "none.ttf")); err == nil {
		t.Fatal("missing font accepted")
	}
}

func BenchmarkRender(b *testing.B) {
	f, err := LoadFont("")
	if err != nil {
		b.Skip(err)
	}
	d := Data{Number: "X-1", Holder: "某公司", AnnualM3: 1, IssuedOn: time.Now()}
	for b.Loop() {
		if err := Render(&bytes.Buffer{}, d, f); err != nil {
			b.Fatal(err)
		}
	}
}
