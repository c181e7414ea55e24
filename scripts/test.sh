#!/usr/bin/env bash
# Sets up what is missing (the libraries, and the independent checkers the tests use: openpyxl and
# LibreOffice headless), builds, and runs the whole test suite. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
# The style the code keeps (.swift-format; swift-format ships with the Swift toolchain).
swift format lint --strict --recursive Sources Tests Benchmarks/Sources Package.swift
swift build --build-tests
swift test --skip-build
