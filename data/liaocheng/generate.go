//go:build ignore

// generate writes the demo registry of Liaocheng: users.yaml, permits.yaml and
// points.yaml. EVERY ROW IT WRITES IS INVENTED FOR THE DEMO (names, credit codes,
// volumes, positions, terminal addresses); only the counties, rivers, sources and
// the rules the rows obey (permit terms, online-metering thresholds) are real.
//
//	go run data/liaocheng/generate.go -out data/liaocheng
package main

import (
	"flag"
	"fmt"
	"log"
	"math/rand"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/sishui/sishui"
)

type county struct {
	code, name string
	lon, lat   float64
	yellow     bool // in the Yellow River irrigation area (east and south)
	sections   []string
	zone       string // groundwater zone code, if any
}

var counties = []county{
	{"371502", "东昌府区", 115.98, 36.45, true, []string{"thh_dongchang"}, "dongchang_deep"},
	{"371503", "茌平区", 116.25, 36.58, true, []string{"thh_chiping"}, ""},
	{"371521", "阳谷县", 115.79, 36.11, true, []string{"jdh_yanggu"}, ""},
	{"371522", "莘县", 115.67, 36.23, true, []string{"jdh_shenxian"}, "shen_shallow"},
	{"371524", "东阿县", 116.25, 36.33, true, nil, "donge_source"},
	{"371525", "冠县", 115.44, 36.48, false, []string{"mjh_guanxian", "wyh_guanxian"}, "guan_shallow"},
	{"371526", "高唐县", 116.23, 36.86, true, []string{"thh_gaotang"}, ""},
	{"371581", "临清市", 115.70, 36.84, false, []string{"mjh_linqing", "wyh_linqing"}, "linqing_deep"},
	{"371571", "经济技术开发区", 116.05, 36.42, false, nil, ""},
	{"371572", "高新区", 116.08, 36.48, false, nil, ""},
	{"371573", "度假区", 115.99, 36.43, false, nil, ""},
}

// keepsDeep are the counties whose firms and water works still draw deep
// confined groundwater. Shandong cut deep over-extraction by more than 70 % by
// 2021 and aimed to end it by 2025, replacing it with transferred water
// (DOMAIN.md §1.3); the demo keeps it in 冠县 (a county-wide deep confined
// over-extraction zone), 莘县 (the 莘县—夏津 zone) and 东昌府区 (the city's
// water works, a deep limited-extraction zone); elsewhere the same permits
// take Yangtze water. 临清's deep aquifer is a no-extraction zone.
var keepsDeep = map[string]bool{"371502": true, "371522": true, "371525": true}

// deepOr returns ground_deep where the county keeps deep extraction, else the
// Yangtze water that replaced it.
func deepOr(c county) string {
	if keepsDeep[c.code] {
		return sishui.SourceGroundDeep
	}
	return sishui.SourceYangtze
}

var firms = []string{"化工", "纺织", "造纸", "钢管", "轴承", "食品", "热电", "生物科技", "新材料", "有色金属", "汽车零部件", "医药"}

func creditCode(region string, n int) string {
	first := fmt.Sprintf("91%s%09d", region, 700000000+n)
	c, _ := sishui.CreditCodeCheck(first)
	return first + string(c)
}

// readSections returns the position (lon, lat) of every control section in sections.yaml.
func readSections(path string) map[string][2]float64 {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	var rows []struct {
		Code string  `yaml:"code"`
		Lon  float64 `yaml:"lon"`
		Lat  float64 `yaml:"lat"`
	}
	if err := yaml.Unmarshal(b, &rows); err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	out := map[string][2]float64{}
	for _, r := range rows {
		out[r.Code] = [2]float64{r.Lon, r.Lat}
	}
	return out
}

func main() {
	out := flag.String("out", "data/liaocheng", "output directory")
	flag.Parse()
	sections := readSections(filepath.Join(*out, "sections.yaml"))
	rng := rand.New(rand.NewSource(20261128))
	var users, permits, points strings.Builder
	hdr := "# INVENTED FOR THE DEMO by data/liaocheng/generate.go: every name, code, volume and position here is made up.\n"
	users.WriteString(hdr)
	permits.WriteString(hdr)
	points.WriteString(hdr)
	points.WriteString("# Reporting intervals (invented): metered intakes, farm wells, reclaimed water and geothermal wells every 4 h,\n" +
		"# groundwater wells every 6 h, rain, river and reservoir stations hourly; the demo's made-up history follows them.\n")
	jitter := func() float64 { return (rng.Float64() - 0.5) * 0.16 }
	nUser, nPermit := 0, 0
	szyStation := map[string]int{}
	slStation := map[string]int{}
	szyCode := func(region string) string {
		szyStation[region]++
		n := szyStation[region]
		return fmt.Sprintf("%s%02X%02X", region, n&0xFF, n>>8) // mode-1 address as sent: A1 BCD, A2 low byte first
	}
	slCode := func(region string) string {
		slStation[region]++
		return fmt.Sprintf("%s%04d", region, slStation[region])
	}
	addPermit := func(c county, holder, holderName string, year int, source, sector, purpose string, annual int64, lon, lat float64) {
		nPermit++
		number := fmt.Sprintf("取水(聊)字[%d]第%04d号", year, nPermit)
		from := year
		fmt.Fprintf(&permits, "- {number: %q, holder: %q, region: %q, source: %s, sector: %s, purpose: %s, intake_name: %s取水口, lon: %.4f, lat: %.4f, annual_m3: %d, valid_from: \"%d-01-01\", valid_to: \"%d-12-31\", status: active}\n",
			number, holder, c.code, source, sector, purpose, purpose, lon, lat, annual, from, from+4)
		kind, proto, code := sishui.PointWithdrawal, sishui.ProtocolSZY206, szyCode(c.code)
		fmt.Fprintf(&points, "- {code: %q, name: %s%s计量点, kind: %s, protocol: %s, region: %q, permit: %q, lon: %.4f, lat: %.4f, multiplier: 1, rollover_m3: 100000000, interval_seconds: 14400}\n",
			code, holderName, purpose, kind, proto, c.code, number, lon, lat)
	}
	for ci, c := range counties {
		zoneOnly := strings.HasPrefix(c.code, "3715") && c.code[4] == '7'
		nFirms := 9
		if zoneOnly {
			nFirms = 5
		}
		for i := 0; i < nFirms; i++ {
			nUser++
			cc := creditCode(c.code, nUser)
			lon, lat := c.lon+jitter(), c.lat+jitter()
			name := fmt.Sprintf("聊城%s%s有限公司", strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(c.name, "区"), "县"), "市"), firms[(ci+i)%len(firms)])
			fmt.Fprintf(&users, "- {name: %s, credit_code: %q, region: %q, sector: industry, address: %s某路%d号, lon: %.4f, lat: %.4f, contact: 张工, phone: \"0635-8%06d\"}\n",
				name, cc, c.code, c.name, 10+i, lon, lat, rng.Intn(1000000))
			src := []string{sishui.SourceYangtze, sishui.SourceReclaimed, deepOr(c), sishui.SourceSurface}[i%4]
			annual := int64(100_000 + rng.Intn(40)*50_000)
			addPermit(c, cc, name, 2022+nUser%5, src, "industry", "生产用水", annual, lon, lat)
			if i%3 == 0 {
				addPermit(c, cc, name, 2022+nUser%4, sishui.SourceReclaimed, "industry", "循环冷却", annual/2, lon+0.003, lat+0.002)
			}
		}
		if zoneOnly {
			continue
		}
		// The county's water-supply company, an irrigation district office and villages.
		nUser++
		cc := creditCode(c.code, nUser)
		lon, lat := c.lon+jitter(), c.lat+jitter()
		fmt.Fprintf(&users, "- {name: %s自来水有限公司, credit_code: %q, region: %q, sector: domestic_urban, lon: %.4f, lat: %.4f, contact: 王经理}\n", c.name, cc, c.code, lon, lat)
		addPermit(c, cc, c.name+"自来水公司", 2023, deepOr(c), "domestic_urban", "城镇供水", int64(3_000_000+rng.Intn(20)*100_000), lon, lat)
		addPermit(c, cc, c.name+"自来水公司", 2023, sishui.SourceYangtze, "domestic_urban", "城镇供水", int64(5_000_000+rng.Intn(20)*200_000), lon+0.01, lat)
		nUser++
		cc = creditCode(c.code, nUser)
		lon, lat = c.lon+jitter(), c.lat+jitter()
		fmt.Fprintf(&users, "- {name: %s灌区管理所, credit_code: %q, region: %q, sector: irrigation, lon: %.4f, lat: %.4f}\n", c.name, cc, c.code, lon, lat)
		irrigSrc := sishui.SourceYellowRiver
		if !c.yellow {
			irrigSrc = sishui.SourceSurface
		}
		addPermit(c, cc, c.name+"灌区", 2022, irrigSrc, "irrigation", "农田灌溉", int64(20_000_000+rng.Intn(30)*1_000_000), lon, lat)
		for v := 0; v < 3; v++ {
			nUser++
			cc = creditCode(c.code, nUser)
			lon, lat = c.lon+jitter(), c.lat+jitter()
			fmt.Fprintf(&users, "- {name: %s第%d村股份经济合作社, credit_code: %q, region: %q, sector: domestic_rural, lon: %.4f, lat: %.4f}\n", c.name, v+1, cc, c.code, lon, lat)
			addPermit(c, cc, fmt.Sprintf("%s第%d村", c.name, v+1), 2024, sishui.SourceGroundShallow, "domestic_rural", "农村供水", int64(30_000+rng.Intn(10)*5_000), lon, lat)
		}
		// Farm wells metered by electricity (以电折水), linked to the irrigation permit's region.
		for w := 0; w < 5; w++ {
			fmt.Fprintf(&points, "- {code: %q, name: %s农灌机井%d（以电折水）, kind: electricity, protocol: szy206, region: %q, source: ground_shallow, lon: %.4f, lat: %.4f, multiplier: 1, interval_seconds: 14400}\n",
				szyCode(c.code), c.name, w+1, c.code, c.lon+jitter(), c.lat+jitter())
		}
		// Groundwater monitoring wells, rain gauges, river sections, a reclaimed-water plant.
		for w := 0; w < 8; w++ {
			zone := ""
			if c.zone != "" && w < 5 {
				zone = ", zone: " + c.zone
			}
			fmt.Fprintf(&points, "- {code: %q, name: %s地下水监测井%02d, kind: groundwater, protocol: sl651, region: %q%s, lon: %.4f, lat: %.4f, multiplier: 1, interval_seconds: 21600}\n",
				slCode(c.code), c.name, w+1, c.code, zone, c.lon+jitter(), c.lat+jitter())
		}
		for g := 0; g < 2; g++ {
			fmt.Fprintf(&points, "- {code: %q, name: %s雨量站%d, kind: rain, protocol: sl651, region: %q, lon: %.4f, lat: %.4f, multiplier: 1, interval_seconds: 3600}\n",
				slCode(c.code), c.name, g+1, c.code, c.lon+jitter(), c.lat+jitter())
		}
		for _, s := range c.sections {
			_, _ = jitter(), jitter() // keep the random sequence of earlier versions
			at, ok := sections[s]
			if !ok {
				log.Fatalf("section %s is not in sections.yaml", s)
			}
			// A river station sits at its control section.
			fmt.Fprintf(&points, "- {code: %q, name: %s水文站, kind: river, protocol: sl651, region: %q, section: %s, lon: %.4f, lat: %.4f, multiplier: 1, interval_seconds: 3600}\n",
				slCode(c.code), s, c.code, s, at[0], at[1])
		}
		fmt.Fprintf(&points, "- {code: %q, name: %s再生水厂出水计量, kind: reclaimed, protocol: szy206, region: %q, source: reclaimed, lon: %.4f, lat: %.4f, multiplier: 1, interval_seconds: 14400}\n",
			szyCode(c.code), c.name, c.code, c.lon+jitter(), c.lat+jitter())
		if c.code == "371502" || c.code == "371524" || c.code == "371526" {
			fmt.Fprintf(&points, "- {code: %q, name: %s地热井（采灌）, kind: geothermal, protocol: szy206, region: %q, source: ground_deep, lon: %.4f, lat: %.4f, multiplier: 1, interval_seconds: 14400}\n",
				szyCode(c.code), c.name, c.code, c.lon+jitter(), c.lat+jitter())
		}
		if c.code == "371525" || c.code == "371522" {
			fmt.Fprintf(&points, "- {code: %q, name: %s水库, kind: reservoir, protocol: sl651, region: %q, lon: %.4f, lat: %.4f, multiplier: 1, interval_seconds: 3600}\n",
				slCode(c.code), c.name, c.code, c.lon+jitter(), c.lat+jitter())
		}
	}
	for name, b := range map[string]*strings.Builder{"users.yaml": &users, "permits.yaml": &permits, "points.yaml": &points} {
		if err := os.WriteFile(filepath.Join(*out, name), []byte(b.String()), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
