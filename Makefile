# The two commands a new user needs (README): `make demo` and `make test`.
SWIFT ?= swift
KEDJA = .build/release/kedja

.PHONY: setup build demo test bench clean-reports

setup:
	scripts/setup.sh

build: setup
	$(SWIFT) build -c release --product kedja

## Sets up, builds and runs the main job on the bundled sample data, writing into Reports/.
demo: build
	$(KEDJA) inspect SampleData/leverantorsreskontra-2025.csv
	$(KEDJA) run SampleData/leverantorsreskontra-2025.csv --suppliers SampleData/leverantorer.csv --out-dir Reports

## Sets up, builds and runs the whole test suite.
test:
	scripts/setup.sh --test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench:
	scripts/setup.sh --test
	Benchmarks/run.sh

clean-reports:
	find Reports -type f ! -name .gitkeep -delete
