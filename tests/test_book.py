"""The book builds from scratch with warnings as errors, and renders math with no network."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def built_book(tmp_path_factory):
    """A clean build (empty execution cache, so every notebook runs against the current sttlab)."""
    out = tmp_path_factory.mktemp("book")
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    result = subprocess.run(
        [str(jupyter_book), "build", str(ROOT), "--path-output", str(out), "--warningiserror", "--keep-going"],
        capture_output=True, text=True, timeout=1800,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-6000:]
    return out / "_build" / "html"


def _toc_files():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]]
    for part in toc.get("parts", []):
        files += [chapter["file"] for chapter in part["chapters"]]
    return files


def test_every_toc_page_is_built(built_book):
    for name in _toc_files():
        assert (built_book / f"{name}.html").is_file(), name


def test_math_is_served_locally_and_nothing_comes_from_a_cdn(built_book):
    for page in built_book.rglob("*.html"):
        html = page.read_text()
        scripts = re.findall(r'<script[^>]*src="([^"]+)"', html)
        assert not [s for s in scripts if s.startswith(("http:", "https:", "//"))], page
    chapter = (built_book / "chapters" / "01-llg.html").read_text()
    assert "_static/mathjax/tex-chtml.js" in chapter
    assert (built_book / "_static" / "mathjax" / "tex-chtml.js").is_file()


def test_pages_carry_no_error_output(built_book):
    for page in built_book.rglob("*.html"):
        html = page.read_text()
        assert "Traceback (most recent call last)" not in html, page
        assert "output stderr" not in html, page
