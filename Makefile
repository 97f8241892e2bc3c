# One word for each routine task. Everything runs from the project's own virtual environment.
PY := .venv/bin/python

.PHONY: install test validate fmt bench docs golden messages mermaid-check clean

install:            ## create .venv and install planverk with its test tools
	python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]'

test: install       ## the README's test command
	.venv/bin/pytest -q

validate:           ## every bundled example plan, warnings included, and its layout
	.venv/bin/planverk validate --strict plans/*/
	.venv/bin/planverk fmt --check plans/*/

fmt:                ## write the example plans in planverk's layout
	.venv/bin/planverk fmt plans/*/

bench:              ## benchmarks with ratios against their floors (see benchmarks/README.md)
	$(PY) benchmarks/bench_validate.py
	$(PY) benchmarks/bench_ical.py

docs:               ## regenerate the generated docs and the plan schema
	$(PY) -c 'from planverk.diagnostics import codes_markdown as m; print(m(), end="")' > docs/checks.md
	.venv/bin/planverk schema -o schema/planverk-plan.schema.json
	$(PY) -c 'from planverk.render.reference import templates_markdown as m; print(m(), end="")' > docs/templates.md
	$(PY) -c 'import pathlib, planverk.model.words as w; p = pathlib.Path("docs/plan-format.md"); p.write_text(w.splice_words_table(p.read_text("utf-8")), "utf-8")'

I18N := src/planverk/i18n

messages:           ## extract findings' texts into planverk.pot, update the nb/nn catalogs, compile them (.mo are committed)
	.venv/bin/pybabel extract --no-default-keywords -k tr -k plural:1,2 --no-location --sort-output \
		--project planverk --omit-header -o $(I18N)/planverk.pot src/planverk
	for lang in nb nn; do \
		.venv/bin/pybabel update --no-fuzzy-matching --ignore-obsolete --ignore-pot-creation-date --no-wrap -i $(I18N)/planverk.pot \
			-d $(I18N)/locale -D planverk -l $$lang; done
	.venv/bin/pybabel compile --statistics -d $(I18N)/locale -D planverk

golden:             ## rewrite the golden files (render and status) after a deliberate change; then read git diff
	PLANVERK_UPDATE_GOLDEN=1 .venv/bin/pytest -q tests/test_golden.py tests/test_status.py -k golden

# Draws every Mermaid block planverk renders (the example plans and the hostile-label case)
# with Mermaid itself in headless Chromium, as GitHub does. Not in CI (no browser there);
# tests/test_diagrams.py checks the same against Mermaid's grammar rules in Python.
# Once: apt-get install -y chromium; in a scratch folder, npm install mermaid@11.
MERMAID_JS ?= /tmp/mermaid/node_modules/mermaid/dist/mermaid.min.js
MERMAID_CHECK ?= ../shared/tools/mermaid_check.py
mermaid-check:      ## draw every rendered Mermaid diagram with Mermaid itself (MERMAID_JS, MERMAID_CHECK)
	rm -rf .mermaid-check
	for plan in plans/*/ tests/cases/valid/mermaid-labels/; do \
	  .venv/bin/planverk render $$plan --as-of 2026-06-30 -o .mermaid-check/$$(basename $$plan) > /dev/null || exit 1; \
	done
	python3 $(MERMAID_CHECK) .mermaid-check $(MERMAID_JS) .mermaid-check/texts.json

clean:
	rm -rf .venv build dist site .pytest_cache .hypothesis .mermaid-check
