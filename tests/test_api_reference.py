"""The API reference part of the book covers the package, and every public name has a runnable example.

The reference pages (``reference/api/*.md``) are written by hand, one per public module, each an
``automodule`` directive, so a new module needs a page and a ``_toc.yml`` entry; this test says which.
The examples themselves are run by ``--doctest-modules``.
"""

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest
import yaml

import sttlab

ROOT = Path(__file__).resolve().parents[1]
API = ROOT / "reference" / "api"

def _public_modules():
    names = ["sttlab"]
    for info in pkgutil.walk_packages(sttlab.__path__, "sttlab."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            names.append(info.name)
    return names


def _toc_files():
    def walk(entries):
        for entry in entries:
            yield entry["file"]
            yield from walk(entry.get("sections", []))

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    return {toc["root"], *(f for part in toc.get("parts", []) for f in walk(part["chapters"]))}


def _documented_modules():
    """Module -> page for every ``automodule`` directive of a reference page in the table of contents."""
    pages = {}
    for page in sorted(API.glob("*.md")):
        if str(page.relative_to(ROOT).with_suffix("")) in _toc_files():
            for name in re.findall(r"^\.\. automodule:: (\S+)$", page.read_text(), re.M):
                pages[name] = page.name
    return pages


def _public_names(module):
    """Functions and classes defined in ``module`` (not imported into it) whose names do not start with _."""
    for name, value in vars(module).items():
        if name.startswith("_") or getattr(value, "__module__", None) != module.__name__:
            continue
        if inspect.isclass(value) or inspect.isroutine(value) or hasattr(value, "__wrapped__"):
            yield name, value


def test_every_public_module_has_a_page_in_the_book():
    documented = _documented_modules()
    missing = [name for name in _public_modules() if name not in documented]
    assert not missing, f"add a reference/api page with `.. automodule::` and a _toc.yml entry for {missing}"


def test_every_page_documents_an_existing_module():
    for name, page in _documented_modules().items():
        importlib.import_module(name)  # raises for a page of a module that was renamed or removed


@pytest.mark.parametrize("module_name", _public_modules())
def test_every_public_function_and_class_has_an_example(module_name):
    module = importlib.import_module(module_name)
    lacking = [name for name, value in _public_names(module)
               if not re.search(r"^\s*Examples\n\s*-{8}\n(.|\n)*?>>> ", inspect.getdoc(value) or "", re.M)]
    assert not lacking, f"{module_name}: add an Examples section with a doctest to {lacking}"


def test_the_check_finds_a_name_without_example():
    """The example check is not vacuous: a function without an Examples section is reported."""
    def undocumented():
        """No example here."""

    def documented():
        """One.

        Examples
        --------
        >>> 1 + 1
        2
        """

    pattern = r"^\s*Examples\n\s*-{8}\n(.|\n)*?>>> "
    assert not re.search(pattern, inspect.getdoc(undocumented), re.M)
    assert re.search(pattern, inspect.getdoc(documented), re.M)
