#!/usr/bin/env bash
# The one command that runs every test, from a fresh clone: builds and installs the package
# (with its test dependencies) into .venv, then runs the Rust unit tests and pytest (which also
# runs the docstring examples and the notebooks). Exit status is non-zero on any failure,
# including pytest finding no tests (its exit code 5).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet ".[test]"

echo "== cargo test"
cargo test --quiet

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
