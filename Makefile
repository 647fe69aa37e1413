# The project's checks. `make check` runs every one of them (see the README).
PYTHON := .venv/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: check install lint test engines zensical html budget lighthouse

check: lint test engines zensical html budget lighthouse

install:
	python3 -m venv .venv
	.venv/bin/pip install -q -e '.[test,dev,pdf]'
	npm ci --no-audit --no-fund

lint: install
	.venv/bin/ruff check generator tests benchmarks checks
	.venv/bin/ruff format --check generator tests benchmarks checks
	.venv/bin/mypy

test: install
	$(PYTHON) -m pytest
	$(PYTHON) -m pytest -m slow

# Firefox ESR and WebKit, from Debian: apt-get install firefox-esr webkit2gtk-driver xvfb
engines: install
	cd tests/engines && npm ci --no-audit --no-fund
	$(PYTHON) checks/engines.py

zensical: install
	.venv/bin/pip install -q --upgrade zensical
	$(PYTHON) checks/zensical.py

html: install
	$(PYTHON) checks/html_valid.py

budget: install
	$(PYTHON) checks/budget.py

lighthouse: install
	$(PYTHON) benchmarks/lighthouse.py
