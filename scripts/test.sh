#!/usr/bin/env bash
# Sets up what is missing (the libraries, and the independent checkers the tests use: openpyxl and
# LibreOffice headless), builds, and runs the whole test suite. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
swift build --build-tests
swift test --skip-build
