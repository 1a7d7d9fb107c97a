# The two commands a newcomer needs: `make demo` runs the platform, `make test` runs every test.
GO ?= go
FUZZTIME ?= 10s
export CGO_ENABLED = 1

.PHONY: demo test build deps vet fuzz bench drills fault
.PHONY: demo test build deps vet fuzz bench drills bench-terminals

# PostgreSQL tests run whenever a server answers on 127.0.0.1:5432 (unless
# SISHUI_TEST_POSTGRES already names one); in CI (CI=true) a PostgreSQL test
# that would skip fails instead, and so does one whose ../shared/testdata is missing.
ifeq ($(SISHUI_TEST_POSTGRES),)
ifeq ($(shell pg_isready -q -h 127.0.0.1 -p 5432 >/dev/null 2>&1 && echo up),up)
export SISHUI_TEST_POSTGRES = postgres://postgres@127.0.0.1:5432/test?sslmode=disable
endif
endif

demo: deps
	$(GO) run ./cmd/sishui demo $(ARGS)

build: deps
	$(GO) build -o sishui ./cmd/sishui

deps:
	scripts/deps.sh build

# Everything CI runs. PostgreSQL tests run when SISHUI_TEST_POSTGRES is set
# (set above when the local server answers; .ci/run sets it); MQTT tests when
# a broker answers on 127.0.0.1:1883.
test:
	scripts/deps.sh test
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...
	$(GO) test -race -count=1 -timeout 20m ./...
	$(MAKE) fuzz
	$(MAKE) fault

# Fault drills (slow; not part of make test): kill -9 during a CSV import,
# SQLite disk full during ingest, kill -9 of the gateway while terminals send,
# kill -9 during the accounting sweep. Figures are in the -v output (FIGURES lines).
drills:
	$(GO) test -tags drills -count=1 -timeout 30m -run '^TestDrill' -v ./cmd/sishui

# The province-scale fault test (issue 18): 3 NATS JetStream nodes, 2 gateways,
# 2 writers, 2 API nodes and 2 workers as processes against PostgreSQL; kill -9
# of a NATS node, a writer, a gateway and the worker leader while SL 651
# terminals report. About 2 minutes; figures in the -v output (FIGURES lines).
fault:
	$(GO) test -tags fault -count=1 -timeout 5m -run '^TestFault' -v ./cmd/sishui

# Short fuzz runs of every decoder and framer; longer with FUZZTIME=5m.
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) ./internal/protocol/sl651
	$(GO) test -run '^$$' -fuzz '^FuzzSplitFrames$$' -fuzztime $(FUZZTIME) ./internal/protocol/sl651
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) ./internal/protocol/szy206
	$(GO) test -run '^$$' -fuzz '^FuzzSplitFrames$$' -fuzztime $(FUZZTIME) ./internal/protocol/szy206
	$(GO) test -run '^$$' -fuzz '^FuzzDerive$$' -fuzztime $(FUZZTIME) ./internal/meter

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# 19,000 SL 651 terminals connected at once (SISHUI_BENCH_CONNS to change):
# confirm latency p50/p99, server CPU per report, peak memory per terminal.
bench-terminals:
	$(GO) test -run '^$$' -bench '^BenchmarkManyTerminals$$' -benchtime 1x -timeout 30m ./internal/gateway
