"""Old addresses of renamed assessments keep working: ``/eqias/<alias>/`` redirects to the new page.

A static site cannot send an HTTP redirect, so each old address gets a small HTML page
(``templates/redirect.html``). Links are relative so the site works under any base path.
"""

from __future__ import annotations

from typing import Iterator

from eqportal.context import BuildContext
from eqportal.portal import Portal
from eqportal.registry import alias_url, relative_url, url_for
from eqportal.site.pages import GeneratedFile
from eqportal.site.templating import PageInfo, render


def pages(portal: Portal, context: BuildContext) -> Iterator[GeneratedFile]:
    for record in portal.public_eqias():
        eqia = record.model
        for alias in eqia.aliases:
            for variant, title in ((None, eqia.title), ("easy-read", f"{eqia.title}: easy read")):
                old, new = alias_url(alias, variant), url_for(eqia, variant)
                html = render(context, "redirect.html", PageInfo(old, old.lstrip("/") + "index.html", title),
                              title=title, target=relative_url(new, old))  # served as it is: its link is final
                yield GeneratedFile(old.lstrip("/") + "index.html", html)
