"""Old addresses of renamed assessments keep working: ``/eqias/<alias>/`` redirects to the new page.

A static site cannot send an HTTP redirect, so each old address gets a small HTML page with an
immediate ``<meta http-equiv="refresh">`` (delay 0, which WCAG 2.2.1 allows), a plain link for
anyone whose browser does not follow it, ``noindex`` and a canonical link so search engines keep
only the new address. Links are relative so the site works under any base path.
"""

from __future__ import annotations

from typing import Iterator

from eqportal.portal import Portal
from eqportal.site.html import e, rel
from eqportal.site.pages import GeneratedFile


def pages(portal: Portal) -> Iterator[GeneratedFile]:
    for record in portal.public_eqias():
        eqia = record.model
        for alias in eqia.aliases:
            yield GeneratedFile(f"eqias/{alias}/index.html", redirect_page(f"/eqias/{alias}/", f"/eqias/{eqia.id}/", eqia.title))
            yield GeneratedFile(f"eqias/{alias}/easy-read/index.html", redirect_page(f"/eqias/{alias}/easy-read/", f"/eqias/{eqia.id}/easy-read/", f"{eqia.title}: easy read"))


def redirect_page(old_url: str, new_url: str, title: str) -> str:
    target = e(rel(old_url, new_url))
    return (
        "<!doctype html>\n"
        '<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>This page has moved: {e(title)}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{target}">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        "</head>\n<body>\n<main>\n<h1>This page has moved</h1>\n"
        f'<p>The assessment now has a new address: <a href="{target}">{e(title)}</a>.</p>\n'
        "</main>\n</body>\n</html>\n"
    )
