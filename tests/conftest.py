"""Fixtures shared by several test files: the built book and its table of contents (test_book.py and
test_browser.py)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def built_book(tmp_path_factory):
    """The book's HTML, built once per test session from scratch (empty execution cache, so every
    notebook runs against the current sttlab), with warnings as errors.

    ``STTLAB_BUILT_BOOK=path/to/_build/html`` uses a book built beforehand instead, to iterate on the
    tests that read it; ``make test`` never sets it.
    """
    prebuilt = os.environ.get("STTLAB_BUILT_BOOK")
    if prebuilt:
        html = Path(prebuilt).resolve()
        assert (html / "index.html").is_file(), f"STTLAB_BUILT_BOOK={prebuilt} holds no built book"
        return html
    out = tmp_path_factory.mktemp("book")
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    result = subprocess.run(
        [str(jupyter_book), "build", str(ROOT), "--path-output", str(out), "--warningiserror", "--keep-going"],
        capture_output=True, text=True, timeout=1800,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-6000:]
    return out / "_build" / "html"


@pytest.fixture(scope="session")
def toc_files():
    """The documents of ``_toc.yml`` in reading order (the root first), without suffix."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]]

    def walk(entries):
        for entry in entries:
            if "file" in entry:
                files.append(entry["file"])
            for key in ("chapters", "sections"):
                walk(entry.get(key, []))

    walk(toc.get("parts", []))
    walk(toc.get("chapters", []))
    walk(toc.get("sections", []))
    return files
