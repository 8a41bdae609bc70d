# Peerbridge — build, run and test entry points. `make` alone prints help.
SHELL := /usr/bin/env bash
.DEFAULT_GOAL := help

.PHONY: help run test bench bench-go build lint clean db-stop

help: ## Show this help
	@echo "Peerbridge make targets:"
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-9s %s\n", $$1, $$2}'

run: ## Build everything, start local PostgreSQL (.data/pg), migrate, seed demo data, serve on 127.0.0.1:8080
	@bash scripts/run.sh

test: ## Go (vet + race tests), frontend (vitest + build) and Playwright e2e; ends with "N passed, M failed"
	@bash scripts/test.sh

bench: ## HTTP load test on generated data next to the same SQL run directly (BENCH_SIZE=small for a quick run)
	@bash scripts/bench.sh

bench-go: ## Go benchmarks (go test -bench) against a throwaway PostgreSQL (BENCH=regexp to filter)
	@bash scripts/bench-go.sh

build: ## Build frontend/dist and bin/peerbridge
	@bash scripts/build.sh

lint: ## gofmt -l (must be empty), go vet; frontend ESLint and tsc
	@bash scripts/lint.sh

db-stop: ## Stop the local PostgreSQL started by `make run` (data is kept)
	@bash scripts/db-stop.sh

clean: ## Remove build outputs and test results (keeps .data/pg, the local database)
	rm -rf bin frontend/dist frontend/test-results frontend/playwright-report .data/test-out coverage *.out
