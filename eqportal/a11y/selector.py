"""Short CSS selectors that point a reader at the offending element.

The same algorithm runs in Python (static checks, over BeautifulSoup) and in the browser
(``SELECTOR_JS``), so a problem reads the same whichever check found it: the path stops at the
nearest element with an id or at a landmark (main, article, nav, header, footer, aside).
"""

from __future__ import annotations

from bs4 import Tag

LANDMARKS = ("main", "article", "nav", "header", "footer", "aside")


def _part(el: Tag) -> str:
    part = el.name
    classes = el.get("class") or []
    if classes:
        part += "." + ".".join(classes[:2])
    parent = el.parent
    if isinstance(parent, Tag):
        same = [c for c in parent.find_all(el.name, recursive=False)]
        if len(same) > 1:
            part += f":nth-of-type({same.index(el) + 1})"
    return part


def css_selector(el: Tag) -> str:
    parts: list[str] = []
    node: Tag | None = el
    while isinstance(node, Tag) and node.name not in ("body", "html", "[document]"):
        if node.get("id"):
            parts.append(f"{node.name}#{node['id']}")
            break
        parts.append(_part(node) if node.name not in LANDMARKS else node.name + "".join(
            "." + c for c in (node.get("class") or [])[:1]))
        if node.name in LANDMARKS:
            break
        node = node.parent
    return " > ".join(reversed(parts))


# The same algorithm for elements found in the browser: defines window.__eqpSelector(el).
SELECTOR_JS = """
window.__eqpSelector = function (el) {
  const landmarks = ["main", "article", "nav", "header", "footer", "aside"];
  const parts = [];
  let node = el;
  while (node && node.nodeType === 1 && !["body", "html"].includes(node.localName)) {
    const name = node.localName;
    if (node.id) { parts.push(name + "#" + node.id); break; }
    const classes = Array.from(node.classList);
    if (landmarks.includes(name)) { parts.push(name + classes.slice(0, 1).map(c => "." + c).join("")); break; }
    let part = name + classes.slice(0, 2).map(c => "." + c).join("");
    const parent = node.parentElement;
    if (parent) {
      const same = Array.from(parent.children).filter(c => c.localName === name);
      if (same.length > 1) part += ":nth-of-type(" + (same.indexOf(node) + 1) + ")";
    }
    parts.push(part);
    node = node.parentElement;
  }
  return parts.reverse().join(" > ");
};
"""
