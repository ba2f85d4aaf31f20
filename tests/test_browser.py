"""The built book as a reader meets it: every page opened from disk in a real browser, with no network.

Playwright (PyPI) drives Debian's Chromium (``make test`` installs it; no browser is downloaded).
Every HTML page of the built book (the ``built_book`` fixture of conftest.py) is loaded from
``file://`` with every other request blocked and counted. Once MathJax has typeset the page, the
checks read what the reader sees: no request left the file system and no local file failed to load;
no raw TeX and no MathJax error; every image loaded, with a non-zero natural size and alt text; no
traceback, error output or widget repr; every explorer's cell comes after its static figure and a
note on running it live; no console error; every local link and anchor resolves; the navigation
reaches every document of ``_toc.yml``, in order; every notebook page offers its notebook for download. A full-page screenshot of each page is saved under ``_build/screenshots/``
(or ``$STTLAB_SCREENSHOTS``) to look at; it is not committed.

Without Chromium the tests skip locally and fail on CI (``CI=true``).
"""

import functools
import os
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = Path(os.environ.get("STTLAB_SCREENSHOTS", ROOT / "_build" / "screenshots"))
# the flags that keep Chromium itself from calling home (updates, sync, field trials, QUIC probes)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic", "--disable-default-apps",
                 "--disable-domain-reliability", "--metrics-recording-only", "--no-pings"]
# MathJax loads its fonts and extensions lazily; a page that has not typeset in this time is broken
MATHJAX_TIMEOUT_MS = 30_000


def _unavailable(message):
    """Fail on CI, where the browser test is part of the contract; skip elsewhere."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


# Everything the tests read from a page, gathered in the page after MathJax has finished.
# Text is read only outside code, scripts and typeset math, where a reader would see it as prose.
INSPECT = r"""
() => {
  const skip = 'script, style, pre, code, kbd, textarea, mjx-container, .highlight, .pre';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const prose = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement.closest(skip)) prose.push(node.textContent);
  }
  const text = (selector) => [...document.querySelectorAll(selector)].map(e => e.textContent.trim().slice(0, 200));
  return {
    prose: prose.join(' '),
    untypeset: [...document.querySelectorAll('.math')].filter(e => !e.querySelector('mjx-container'))
                 .map(e => e.textContent.trim().slice(0, 120)),
    mathErrors: text('mjx-merror'),
    images: [...document.images].map(img => ({src: img.currentSrc || img.src, alt: img.getAttribute('alt'),
              complete: img.complete, width: img.naturalWidth, height: img.naturalHeight})),
    figuresWithoutImage: [...document.querySelectorAll('figure')].filter(f => !f.querySelector('img, svg'))
                           .map(f => f.textContent.trim().slice(0, 120)),
    errorOutputs: text('.output.stderr, .output.traceback, .output.error, .stderr, .traceback'),
    outputs: text('.cell_output'),
    widgets: document.querySelectorAll('.jupyter-widgets, .widget-area, ' +
                                       'script[type="application/vnd.jupyter.widget-view+json"]').length,
    links: [...document.querySelectorAll('a[href]')].map(a => a.href),
    sidebar: [...document.querySelectorAll('nav.bd-docs-nav a.reference.internal')].map(a => a.href),
    next: document.querySelector('a.right-next') ? document.querySelector('a.right-next').href : null,
    downloads: [...document.querySelectorAll('a[href$=".ipynb"]')].map(a => a.href),
    studentNotebooks: [...document.querySelectorAll('a[download$=".ipynb"]')].map(a => a.download),
    // each explorer cell (its code shown, its output removed), with what precedes it back to the previous cell
    explorers: [...document.querySelectorAll('div.cell')]
      .filter(cell => /\w_explorer\(/.test(cell.textContent))
      .map(cell => {
        const before = [];
        for (let e = cell.previousElementSibling; e && !e.matches('div.cell'); e = e.previousElementSibling) {
          before.push({figure: e.matches('figure') && !!e.querySelector('img'), text: e.textContent});
        }
        return {code: cell.textContent.trim(), before: before};
      }),
  };
}
"""

WAIT_FOR_MATHJAX = """
async (timeout) => {
  if (!document.querySelector('.math')) return 'no math';
  const start = Date.now();
  while (!(window.MathJax && MathJax.startup && MathJax.startup.promise)) {
    if (Date.now() - start > timeout) return 'MathJax never loaded';
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  await MathJax.startup.promise;
  await document.fonts.ready;
  return 'typeset';
}
"""


def _path(url):
    """The file a ``file://`` URL names (no query, no fragment)."""
    return Path(unquote(urlsplit(url).path))


@functools.lru_cache(maxsize=None)
def _ids(path):
    return set(re.findall(r'\bid="([^"]+)"', path.read_text(errors="replace")))


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium under Playwright, with every request that does not read a file blocked and counted."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed: pip install -e '.[test]'")
    executable = shutil.which("chromium")
    if executable is None:
        _unavailable("Debian's chromium is not installed; `make test` installs it "
                     "(apt-get install -y chromium fonts-dejavu-core)")
    with sync_playwright() as playwright:
        # a new, empty profile per launch (Playwright's default)
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Visit:
    """One page load with its blocked requests, failed local loads, console errors and page contents."""

    def __init__(self, browser, url):
        self.blocked, self.failed, self.console = [], [], []
        context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
        context.route("**/*", self._route)
        page = context.new_page()
        page.on("console", lambda message: message.type == "error" and self.console.append(message.text))
        page.on("pageerror", lambda error: self.console.append(f"uncaught: {error}"))
        page.on("requestfailed", lambda request: request.url.startswith("file:")
                and self.failed.append(f"{request.url} ({request.failure})"))
        self.page, self.context = page, context
        if url is not None:
            page.goto(url, wait_until="load")
            redirect = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', _path(url).read_text(), re.I)
            if redirect:  # index.html forwards to the root document
                page.wait_for_url("**/" + redirect.group(1), wait_until="load")
            self.url = page.url
            self.mathjax = page.evaluate(WAIT_FOR_MATHJAX, MATHJAX_TIMEOUT_MS)
            self.contents = page.evaluate(INSPECT)

    def _route(self, route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def close(self):
        self.context.close()


@pytest.fixture(scope="module")
def visits(browser, built_book):
    """Every HTML page of the built book, by path relative to the build root, visited once; with screenshots."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()
    root = built_book.resolve()
    pages = sorted(p for p in root.rglob("*.html") if not p.relative_to(root).parts[0].startswith("_"))
    result = {}
    for page in pages:
        name = page.relative_to(root).as_posix()
        visit = Visit(browser, page.as_uri())
        visit.page.screenshot(path=SCREENSHOTS / (name.removesuffix(".html").replace("/", "--") + ".png"),
                              full_page=True)
        visit.close()
        result[name] = visit
    return result


def test_the_blocker_counts_and_stops_requests_to_the_network(browser):
    """The request counter is not vacuous: a page asking for remote resources gets none of them."""
    visit = Visit(browser, None)
    visit.page.set_content('<img src="https://example.org/a.png"><script src="http://example.org/b.js"></script>')
    visit.page.wait_for_load_state("load")
    loaded = visit.page.evaluate("document.images[0].naturalWidth")
    visit.close()
    assert sorted(visit.blocked) == ["http://example.org/b.js", "https://example.org/a.png"]
    assert loaded == 0


def test_every_page_was_visited_and_screenshotted(visits, toc_files):
    assert {f"{name}.html" for name in toc_files} <= set(visits)
    for name in visits:
        shot = SCREENSHOTS / (name.removesuffix(".html").replace("/", "--") + ".png")
        assert shot.is_file() and shot.stat().st_size > 10_000, shot


def test_index_opens_the_root_document(visits, toc_files):
    """A reader who opens index.html from disk lands on the book's first page."""
    assert visits["index.html"].url.endswith(f"/{toc_files[0]}.html")


def test_no_request_leaves_the_file_system_and_every_local_file_loads(visits):
    assert {name: v.blocked for name, v in visits.items() if v.blocked} == {}
    assert {name: v.failed for name, v in visits.items() if v.failed} == {}


def test_no_console_errors(visits):
    assert {name: v.console for name, v in visits.items() if v.console} == {}


def test_all_math_is_typeset_and_no_raw_tex_is_left(visits):
    """Every math node holds MathJax output, none is an error, and no TeX delimiter is left in the prose."""
    raw = re.compile(r"\\\(|\\\)|\\\[|\\\]|\$\$|\$[^$\s][^$]*\$|\\(?:frac|mathrm|alpha|theta|mathbf|cdot)\b")
    for name, visit in visits.items():
        assert visit.mathjax in ("typeset", "no math"), (name, visit.mathjax)
        assert visit.contents["untypeset"] == [], name
        assert visit.contents["mathErrors"] == [], name
        assert raw.findall(visit.contents["prose"]) == [], name


def test_no_raw_myst_markup_in_the_prose(visits):
    """A role or directive that did not render (a glued number, a reference) would show as markup."""
    raw = re.compile(r"\{(?:glue(?::\w+)?|eq|cite(?::\w+)?|numref|ref|doc|math|term)\}`|^```\{|:::\{", re.M)
    for name, visit in visits.items():
        assert raw.findall(visit.contents["prose"]) == [], name


def test_every_image_loaded_with_alt_text(visits):
    for name, visit in visits.items():
        for image in visit.contents["images"]:
            assert image["complete"] and image["width"] > 0 and image["height"] > 0, (name, image["src"])
            assert image["alt"] and image["alt"].strip(), (name, image["src"])
        assert visit.contents["figuresWithoutImage"] == [], name


def test_every_chapter_shows_its_figures(visits, toc_files):
    """Each glued figure of a chapter's source is on its page as an image (a dropped glue would not be)."""
    for doc in toc_files:
        source = ROOT / f"{doc}.md"
        if not source.is_file():
            continue
        figures = len(re.findall(r"^```\{glue:figure\}", source.read_text(), re.M))
        if not figures:
            continue
        shown = [image for image in visits[f"{doc}.html"].contents["images"] if "/_images/" in image["src"]]
        assert len(shown) >= figures, doc


def test_no_traceback_error_output_or_widget_repr(visits):
    """Explorer cells are not executed in the book: no dead widget, empty widget box or widget repr."""
    repr_ = re.compile(r"\b(?:interactive|VBox|HBox|Output|FloatSlider|IntSlider|FloatLogSlider)\(")
    for name, visit in visits.items():
        c = visit.contents
        assert "Traceback (most recent call last)" not in c["prose"], name
        assert c["errorOutputs"] == [], name
        assert [o for o in c["outputs"] if repr_.search(o)] == [], name
        assert c["widgets"] == 0, name


def test_every_explorer_is_preceded_by_its_static_figure_and_how_to_run_it_live(visits):
    """A reader without a kernel sees the explorer's default state as a figure, then a note on running it live."""
    found = 0
    for name, visit in visits.items():
        for explorer in visit.contents["explorers"]:
            found += 1
            before = explorer["before"]  # nearest first
            figures = [i for i, e in enumerate(before) if e["figure"]]
            assert figures, (name, explorer["code"])
            notes = " ".join(e["text"] for e in before[:figures[0]])
            assert "run this page live" in notes and "make lab" in notes, (name, explorer["code"])
    assert found > 0


def test_every_local_link_and_anchor_resolves(visits):
    broken = []
    for name, visit in visits.items():
        for href in visit.contents["links"]:
            if not href.startswith("file:"):
                continue  # external references (DOIs) are links for the reader, never loaded
            target, fragment = _path(href), urlsplit(href).fragment
            if not target.exists():
                broken.append((name, href))
            elif fragment and target.suffix == ".html" and unquote(fragment) not in _ids(target):
                broken.append((name, href))
    assert broken == []


def test_navigation_reaches_every_toc_document_in_order(visits, built_book, toc_files):
    """The sidebar of every page lists every document after the root; "next" walks them in _toc.yml order."""
    expected = [(built_book / f"{doc}.html").resolve() for doc in toc_files]
    for name, visit in visits.items():
        listed = {_path(href).resolve() for href in visit.contents["sidebar"]}
        assert set(expected[1:]) <= listed, (name, sorted(map(str, set(expected[1:]) - listed)))
    walked, page = [], expected[0]
    while page is not None and page not in walked:
        walked.append(page)
        following = visits[page.relative_to(built_book.resolve()).as_posix()].contents["next"]
        page = _path(following).resolve() if following else None
    assert walked == expected


def test_every_notebook_page_offers_its_notebook(visits, toc_files):
    """The download menu of each chapter links a notebook holding the page's code cells; an exercise page
    offers the student notebook instead (its own code only renders it)."""
    import jupytext
    import nbformat

    for doc in toc_files:
        source = ROOT / f"{doc}.md"
        if not source.is_file() or "kernelspec:" not in source.read_text().split("\n---", 1)[0]:
            continue  # not a notebook page
        links = visits[f"{doc}.html"].contents["downloads"]
        if doc.startswith("exercises/"):  # an assignment's page, or the instructor guide (no notebook)
            name = Path(doc).name
            student = [f"{name}.ipynb"] if (ROOT / "exercises" / "source" / name).is_dir() else []
            assert links == [] and visits[f"{doc}.html"].contents["studentNotebooks"] == student, doc
            continue
        assert len(links) == 1, doc
        notebook = nbformat.read(_path(links[0]), as_version=4)
        nbformat.validate(notebook)
        expected = jupytext.read(source)
        assert [c.source for c in notebook.cells if c.cell_type == "code"] == \
               [c.source for c in expected.cells if c.cell_type == "code"], doc
        assert notebook.metadata["kernelspec"]["language"] == "python", doc
