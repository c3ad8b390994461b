#!/usr/bin/env bash
# Run the cleaner/extractor fuzz target for a bounded time: bash bench/fuzz.sh [SECONDS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release --quiet --example fuzz -- "${1:-300}" "${2:-11400714819323198485}"
