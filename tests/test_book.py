"""The book builds from scratch with warnings as errors, and renders math with no network.

The build is the ``built_book`` fixture of conftest.py, shared with test_browser.py.
"""

import re


def test_every_toc_page_is_built(built_book, toc_files):
    for name in toc_files:
        assert (built_book / f"{name}.html").is_file(), name


def test_math_is_served_locally_and_nothing_comes_from_a_cdn(built_book):
    for page in built_book.rglob("*.html"):
        html = page.read_text()
        scripts = re.findall(r'<script[^>]*src="([^"]+)"', html)
        assert not [s for s in scripts if s.startswith(("http:", "https:", "//"))], page
    chapter = (built_book / "chapters" / "01-llg.html").read_text()
    assert "_static/mathjax/tex-chtml.js" in chapter
    assert (built_book / "_static" / "mathjax" / "tex-chtml.js").is_file()


# a docstring example in the API reference may show an exception on purpose; it is not output of the build
DOCTEST = re.compile(r'<div class="doctest[^"]*"><div class="highlight"><pre>.*?</pre></div>\s*</div>', re.S)


def test_pages_carry_no_error_output(built_book):
    for page in built_book.rglob("*.html"):
        html = DOCTEST.sub("", page.read_text())
        assert "Traceback (most recent call last)" not in html, page
        assert "output stderr" not in html, page
