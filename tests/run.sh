#!/usr/bin/env bash
# The one command that runs every test, from a fresh clone: builds and installs the package
# (with its test dependencies) into .venv, checks formatting and lints, then runs the Rust unit
# tests and pytest (which also runs the docstring examples and the notebooks). Exit status is non-zero on any failure,
# including pytest finding no tests (its exit code 5).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet ".[test]"

echo "== cargo fmt, clippy"
# The house style and lints ([lints] in Cargo.toml) hold for the core and the binding alike.
if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
    rustup component add rustfmt clippy
fi
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --all-targets --features python -- -D warnings
cargo clippy --quiet --all-targets --features count-heap -- -D warnings

echo "== cargo test"
cargo test --quiet
# The live-heap count of the memory bench (src/allocator.rs) is built only with its feature.
cargo test --quiet --features count-heap --lib allocator::

echo "== pytest"
set +e
.venv/bin/python -m pytest -q -p no:cacheprovider \
    --doctest-modules --pyargs congress_corpus --ignore-glob='*__main__.py' tests "$@"
status=$?
if [ "$status" -eq 0 ]; then
    echo "== notebooks"
    # Re-executed top to bottom from their own folder, as a reader would run them.
    .venv/bin/python -m pytest -q -p no:cacheprovider --nbmake notebooks
    status=$?
fi
set -e
if [ "$status" -eq 5 ]; then
    echo "pytest collected no tests: failing" >&2
    exit 1
fi
exit "$status"
