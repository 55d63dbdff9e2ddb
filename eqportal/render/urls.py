"""URLs read the way browsers read them (the WHATWG URL Standard, through ada-url).

Looking for ``://`` misses what browsers quietly repair: ``https:\\\\host/x.png``,
``\\\\host/x.png``, ``/\\host/x.png``, `` //host`` (leading space or control character),
``http:host/x.png`` (on an http page) all fetch from ``host``. Every decision about whether a
URL leaves the portal is made here, by resolving it as a browser would against a page of the
portal, over both http and https, since either may serve it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ada_url import URL

# Two stand-in addresses for the portal: a URL stays on the portal only if it resolves to each
# one's own host, so a URL naming either host explicitly still counts as another host.
_BASES = ("http://portal-a.invalid/eqias/page/", "https://portal-b.invalid/eqias/page/")
_HOSTS = {base: URL(base).host for base in _BASES}
WEB_SCHEMES = ("http:", "https:")


@dataclass(frozen=True)
class Resolved:
    """What a browser makes of a URL found on a page of the portal."""

    offsite: bool  # fetching or following it reaches another host (or another scheme)
    href: str | None  # the absolute URL a browser would use (None when it cannot be parsed)
    scheme: str  # "http:", "https:", "mailto:", ... ("" when it cannot be parsed)


def resolve(url: str) -> Resolved:
    """Resolve ``url`` as a link or ``src`` on a portal page."""
    hrefs = []
    for base in _BASES:
        try:
            parsed = URL(url, base=base)
        except ValueError:
            return Resolved(True, None, "")
        hrefs.append((base, parsed))
    leaving = [parsed for base, parsed in hrefs if parsed.protocol not in WEB_SCHEMES or parsed.host != _HOSTS[base]]
    # The https reading is the one shown to readers (the portal is served over https), unless only the
    # http reading leaves the portal: ``https:host/x`` is a path on an https page but ``https://host/x``
    # on an http one, and a stand-in host must never be published.
    shown = leaving[-1] if leaving else hrefs[1][1]
    return Resolved(bool(leaving), shown.href, shown.protocol)


def is_offsite(url: str) -> bool:
    """Would a browser reach another host (or leave http/https) for this URL? Unparseable counts as yes."""
    return resolve(url).offsite


def link_problem(url: str) -> str | None:
    """Why ``url`` (already shaped like ``https://...``, ``/path`` or ``mailto:``) is not what it looks like, or None."""
    resolved = resolve(url)
    if resolved.href is None:
        return f"'{url[:60]}' is not a web address a browser can open; check it for typing mistakes"
    if resolved.scheme == "mailto:" and "?" in url:
        return (f"'{url[:60]}' asks the reader's mail program for more than the address (after '?', such as bcc= or cc=); "
                "give the address alone")
    if resolved.scheme in WEB_SCHEMES and (parsed := URL(resolved.href)).username:
        return (f"'{url[:60]}' opens {parsed.hostname[:40]}, not what comes before the '@': a user name in a web address "
                f"hides where it goes; write the address without it")
    if url.startswith("/") and resolved.offsite:
        return (f"'{url[:60]}' looks like a path on this portal, but browsers read it as another website "
                f"({resolved.href[:60]}); write /path for a page of this portal, or https://... in full for another website")
    return None
