"""Old addresses of renamed assessments, objectives and reports keep working: ``/eqias/<alias>/`` redirects to the new page.

A static site cannot send an HTTP redirect, so each old address gets a small HTML page
(``templates/redirect.html``). Links are relative so the site works under any base path.
A decision has no page of its own but an anchor on the register: its earlier numbers are
anchors on its row there (``templates/decisions.html``).
"""

from __future__ import annotations

from typing import Iterator

from eqportal.context import BuildContext
from eqportal.portal import Portal
from eqportal.registry import BY_FOLDER, alias_url, relative_url, url_for
from eqportal.site.pages import GeneratedFile
from eqportal.site.templating import PageInfo, render

# The content whose earlier ids (``aliases``) get a page at each old address, with what readers call it.
REDIRECTED = {"eqias": "assessment", "objectives": "objective", "reports": "report"}


def pages(portal: Portal, context: BuildContext) -> Iterator[GeneratedFile]:
    for folder, noun in REDIRECTED.items():
        records = portal.public_eqias() if folder == "eqias" else sorted(getattr(portal, folder).values(), key=lambda r: r.model.id)
        for record in records:
            item = record.model
            for alias in item.aliases:
                for variant in (None, *BY_FOLDER[folder].variants):
                    title = item.title if variant is None else f"{item.title}: easy read"
                    old, new = alias_url(alias, variant, folder), url_for(item, variant)
                    html = render(context, "redirect.html", PageInfo(old, old.lstrip("/") + "index.html", title),
                                  title=title, kind=noun, target=relative_url(new, old))  # served as it is: its link is final
                    yield GeneratedFile(old.lstrip("/") + "index.html", html)
