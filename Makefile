# resilint — common tasks. `make help` lists them.

GO      ?= go
BIN     := bin/resilint
EXAMPLE := examples/orderservice

.PHONY: help build install demo test test-short vet fmt-check fuzz clean golangci test-golangci corpus eval eval-score bench

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 16

build: ## build bin/resilint
	$(GO) build -o $(BIN) ./cmd/resilint

install: ## install resilint into $(go env GOBIN) or $(go env GOPATH)/bin
	$(GO) install ./cmd/resilint

demo: build ## build resilint and run it on the bundled example service
	@echo "== resilint ./... in $(EXAMPLE)"
	@cd $(EXAMPLE) && ../../$(BIN) ./... || [ $$? -eq 1 ]

test: fmt-check vet ## run every test (unit, analyzer, end-to-end)
	$(GO) test -timeout 30m ./...

test-short: ## the everyday loop: unit and analyzer tests, without the end-to-end ones (docs/performance.md)
	$(GO) test -short ./...

vet: ## go vet the project itself
	$(GO) vet ./...

fmt-check: ## fail if any Go file is not gofmt-formatted
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null | grep -v '/testdata/' || find . -name '*.go' -not -path '*/testdata/*')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

GOLANGCI := bin/golangci-lint-resilint
golangci: ## build golangci-lint v2 with the resilint plugin into bin/golangci-lint-resilint
	cd plugin/gcl && $(GO) build -o ../../$(GOLANGCI) .

test-golangci: golangci ## run the golangci-lint plugin integration test on the real binary
	RESILINT_GOLANGCI_BIN=$(CURDIR)/$(GOLANGCI) RESILINT_GOLANGCI_CUSTOM=1 $(GO) test -count=1 -timeout 30m -run 'GolangciLint' -v ./plugin/

corpus: ## download the pinned corpus (eval/corpus.txt) and apps (eval/apps.txt; from $$RESILINT_MIRROR if set) into $$RESILINT_CORPUS (default ~/.cache/resilint-corpus)
	$(GO) run ./eval corpus

eval: ## run resilint on the corpus, std and apps twice; reports and triage table (apps.md) in eval/results/ (fails on crashes or nondeterminism)
	$(GO) run ./eval run

eval-score: ## re-score the last make eval's saved app runs against eval/triage/ (seconds; no resilint run)
	$(GO) run ./eval score

bench: ## time and memory of resilint next to go vet, gosec and noctx on the corpus; rewrites docs/performance.md
	$(GO) run ./eval bench

FUZZTIME ?= 20s
fuzz: ## run every fuzz target for FUZZTIME each
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

GORELEASER ?= goreleaser
.PHONY: release-snapshot
release-snapshot: ## build every release archive into dist/ with goreleaser v2, publishing nothing (docs/release.md)
	$(GORELEASER) check
	$(GORELEASER) release --snapshot --clean --skip=publish

clean: ## remove build output
	rm -rf bin
