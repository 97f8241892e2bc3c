# One word for each routine task. Everything runs from the project's own virtual environment.
PY := .venv/bin/python

.PHONY: install test validate bench docs clean

install:            ## create .venv and install planverk with its test tools
	python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]'

test: install       ## the README's test command
	.venv/bin/pytest -q

validate:           ## every bundled example plan, warnings included
	.venv/bin/planverk validate --strict plans/*/

bench:              ## benchmarks with ratios against their floors (see benchmarks/README.md)
	$(PY) benchmarks/bench_validate.py
	$(PY) benchmarks/bench_ical.py

docs:               ## regenerate the generated docs
	$(PY) -c 'from planverk.diagnostics import codes_markdown as m; print(m(), end="")' > docs/checks.md

clean:
	rm -rf .venv build dist site .pytest_cache .hypothesis
