"""The layering of docs/architecture.md, checked on every run of the suite.

``lint-imports`` checks the contracts in ``pyproject.toml`` (layers, forbidden imports);
the test below it walks the import graph of every module for cycles between the project's
top-level packages, which no contract type of import-linter states directly.
"""

import itertools
import tomllib
from pathlib import Path

import grimp
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent
# Packages that are not part of the site: the test suite and the load benchmark.
NOT_APPLICATION = {"tests", "bench"}


def root_packages():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return config["tool"]["importlinter"]["root_packages"]


def test_every_project_package_is_under_the_contracts():
    packages = {
        path.parent.name
        for path in ROOT.glob("*/__init__.py")
        if path.parent.name not in NOT_APPLICATION
    }
    missing = packages - set(root_packages())
    assert not missing, f"add {sorted(missing)} to [tool.importlinter] root_packages"


def test_the_import_contracts_are_kept(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml")) == 0, (
        "import contracts broken: run `.venv/bin/lint-imports` for the details"
    )


def test_no_import_cycle_between_top_level_packages():
    packages = root_packages()
    graph = grimp.build_graph(*packages)
    edges = {
        (importer, imported)
        for importer, imported in itertools.permutations(packages, 2)
        if graph.find_shortest_chain(importer=importer, imported=imported, as_packages=True)
    }
    cycles = sorted((a, b) for a, b in edges if (b, a) in edges and a < b)
    assert not cycles, f"packages importing each other (even indirectly): {cycles}"
