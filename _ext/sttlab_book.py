"""Sphinx extension of the book: what each rendered page offers a reader beyond the theme's defaults.

* **The page as a notebook.** Every chapter is a MyST-markdown notebook; jupytext converts it to an
  ``.ipynb`` (prose and code, no outputs) written next to the page's source copy in ``_sources/``,
  and sphinx-book-theme's download menu links it (its ``ipynb_source`` entry, which the theme itself
  fills only when launch buttons are configured). A reader without the repository downloads it and
  runs it wherever ``sttlab`` is installed, explorers included. Exercise pages are the exception:
  their code only renders the student notebook, which the page's own button downloads.
* **Each inline script once.** Sphinx 7.4 repeats an inline script that an extension adds after the
  builder has started (sphinx-thebe's ``const THEBE_JS_URL = ...``); the second copy raises a
  SyntaxError in every page. Exact repeats are dropped from the page's script list.

Loaded through ``sphinx.local_extensions`` in ``_config.yml``.
"""

from pathlib import Path

import jupytext


def _offer_notebook(app, pagename, templatename, context, doctree):
    source = Path(app.env.doc2path(pagename))
    if source.suffix != ".md" or "kernelspec" not in app.env.metadata.get(pagename, {}):
        return  # not a notebook page
    if pagename.startswith("exercises/"):
        return  # the page offers the student notebook itself
    target = Path(app.outdir, "_sources", pagename).with_suffix(".ipynb")
    target.parent.mkdir(parents=True, exist_ok=True)
    jupytext.write(jupytext.read(source), target, fmt="ipynb")
    context["ipynb_source"] = f"{pagename}.ipynb"


def _drop_repeated_inline_scripts(app, pagename, templatename, context, doctree):
    seen, scripts = set(), []
    for script in context.get("script_files", []):
        key = (script.filename or "", script.priority, tuple(sorted(script.attributes.items())))
        if not script.filename and key in seen:
            continue
        seen.add(key)
        scripts.append(script)
    context["script_files"] = scripts


def setup(app):
    # before sphinx-book-theme builds its header buttons (priority 501) from the context
    app.connect("html-page-context", _offer_notebook, priority=500)
    app.connect("html-page-context", _drop_repeated_inline_scripts, priority=500)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
