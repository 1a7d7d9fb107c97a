# The two commands a newcomer needs: `make demo` runs the platform, `make test` runs every test.
GO ?= go
FUZZTIME ?= 10s
export CGO_ENABLED = 1

.PHONY: demo test build deps vet fuzz bench

demo: deps
	$(GO) run ./cmd/sishui demo $(ARGS)

build: deps
	$(GO) build -o sishui ./cmd/sishui

deps:
	scripts/deps.sh build

# Everything CI runs. PostgreSQL tests run when SISHUI_TEST_POSTGRES is set
# (.ci/run sets it); MQTT tests when a broker answers on 127.0.0.1:1883.
test:
	scripts/deps.sh test
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...
	$(GO) test -race -count=1 -timeout 20m ./...
	$(MAKE) fuzz

# Short fuzz runs of every decoder and framer; longer with FUZZTIME=5m.
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) ./internal/protocol/sl651
	$(GO) test -run '^$$' -fuzz '^FuzzSplitFrames$$' -fuzztime $(FUZZTIME) ./internal/protocol/sl651
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) ./internal/protocol/szy206
	$(GO) test -run '^$$' -fuzz '^FuzzSplitFrames$$' -fuzztime $(FUZZTIME) ./internal/protocol/szy206
	$(GO) test -run '^$$' -fuzz '^FuzzDerive$$' -fuzztime $(FUZZTIME) ./internal/meter

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
