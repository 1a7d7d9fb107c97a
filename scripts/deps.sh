#!/usr/bin/env bash
# Installs what sishui needs on a Debian machine, only when it is missing:
# COIN-OR CLP for the allocation model, glpk-utils (glpsol) as an independent
# LP check in tests, Chromium for the browser tests, the CJK TrueType font of
# permit certificates (fonts-droid-fallback) and pdftotext (poppler-utils) to read
# them back in tests, and the web UI's npm packages.
# Usage: scripts/deps.sh [build|test]
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-build}

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

need=(coinor-libclp-dev pkg-config fonts-droid-fallback)
if [ "$what" = test ]; then need+=(glpk-utils chromium fonts-wqy-microhei poppler-utils); fi
missing=()
for p in "${need[@]}"; do
	dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "deps: installing ${missing[*]}"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

go mod download

# The web UI: built into internal/web/dist, which go:embed serves. The build is
# committed: install the npm packages and build only when the sources changed.
if [ -f web/package.json ] && node web/scripts/sourcehash.js --stale; then
	if [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules ]; then
		(cd web && npm ci --no-audit --no-fund --loglevel=error)
	fi
	(cd web && npm run build --silent >/dev/null)
fi
