/*
 * Progressive enhancement of Material for MkDocs for keyboard and screen-reader users.
 *
 * Material opens its menu, search and navigation sections with hidden checkboxes and <label>s:
 * Tab cannot reach most of them, they have no names and expose no expanded state. Here each such
 * label gets a real <button> inside it (the label stays, so Material's CSS keeps working) that
 * toggles the checkbox, has a name and reports aria-expanded (where the toggle does nothing at the
 * window's width, the label stays plain). The open menu drawer takes focus and makes the page under it
 * inert, and focus goes back to the Menu button when it closes. Also: the search dialog gets a name
 * and announces its results; wide tables become focusable, named scroll regions; Escape closes
 * the menu and search. Everything is idempotent, so it can run again after instant navigation.
 */
(function () {
  "use strict";

  var NAMES = { __drawer: "Menu", __search: "Search", __toc: null };

  function toggleFor(label) {
    var id = label.getAttribute("for");
    var input = id && document.getElementById(id);
    return input && input.type === "checkbox" ? input : null;
  }

  function setChecked(input, value) {
    if (input.checked === value) return;
    input.checked = value;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function buttonName(label, input) {
    // The icon in the search form opens the search where it is closed, and closes it where it is open:
    // one name for both, with aria-expanded saying which ("Close search" misnamed it on a closed search).
    if (label.closest(".md-search")) return "Search";
    if (input.id in NAMES && NAMES[input.id]) return NAMES[input.id];
    var text = (label.textContent || "").replace(/\s+/g, " ").trim();
    return text ? null : "Toggle section";
  }

  // The list a section's or a title's toggle shows and hides.
  // The section panel a navigation label opens; a section with an index page puts its label beside
  // the page's link, in a container.
  function panelOf(label) {
    var item = label.parentElement && label.parentElement.classList.contains("md-nav__container")
      ? label.parentElement.parentElement : label.parentElement;
    return item && item.querySelector(":scope > nav.md-nav");
  }

  function shownBy(label) {
    var controls = panelOf(label);
    if (controls) return controls;
    var next = label.nextElementSibling;
    return next && next.matches("ul, ol") ? next : null;
  }

  // At the desktop width Material shows some lists whatever their checkbox says (the sections of
  // navigation.sections, the table of contents): a button there would report "collapsed" beside an
  // open list and do nothing when pressed (WCAG 4.1.2). Such a label stays a plain label. The style
  // sheet is asked once for all of them, with every checkbox off, then each is put back: one style
  // recalculation, not one a label. Below the drawer breakpoint every toggle does something.
  function labelsShownAnyway(labels) {
    var shown = new Set();
    if (DRAWER.matches) return shown;
    var asked = [];
    labels.forEach(function (label) {
      var input = toggleFor(label);
      var list = input && input.id !== "__drawer" && input.id !== "__search" && shownBy(label);
      if (list) asked.push([label, input, list, input.checked]);
    });
    asked.forEach(function (entry) { entry[1].checked = false; }); // no change event: only the style sheet is asked
    asked.forEach(function (entry) {
      if (entry[2].checkVisibility({ visibilityProperty: true })) shown.add(entry[0]);
    });
    asked.forEach(function (entry) { entry[1].checked = entry[3]; });
    return shown;
  }

  function plainLabel(label) {
    var button = label.querySelector(":scope > button.eqp-toggle");
    if (button) {
      while (button.firstChild) label.insertBefore(button.firstChild, button);
      button.remove();
    }
    label.setAttribute("data-eqp-plain", "");
    label.removeAttribute("tabindex");
    // Beside a section's own link the label holds only an icon and "<Section> section": nothing to read.
    if (label.parentElement && label.parentElement.classList.contains("md-nav__container")) label.setAttribute("aria-hidden", "true");
  }

  function syncPlainLabels() {
    var labels = Array.prototype.slice.call(document.querySelectorAll(".md-sidebar label[for]"));
    var shown = labelsShownAnyway(labels);
    labels.forEach(function (label) {
      if (shown.has(label)) {
        if (!label.hasAttribute("data-eqp-plain")) plainLabel(label);
      } else if (label.hasAttribute("data-eqp-plain")) {
        label.removeAttribute("data-eqp-plain");
        label.removeAttribute("aria-hidden");
        upgradeLabel(label);
      }
    });
  }

  function upgradeLabel(label) {
    var input = toggleFor(label);
    if (!input || label.querySelector(".eqp-toggle") || label.hasAttribute("data-eqp-plain")) return;
    if (label.querySelector("a, button, input, select, textarea")) return; // holds a link already
    if (!label.textContent.trim() && !label.querySelector("svg")) return; // overlays: click-outside only
    var button = document.createElement("button");
    button.type = "button";
    button.className = "eqp-toggle";
    if (label.classList.contains("md-nav__link")) button.classList.add("eqp-toggle--nav");
    if (label.classList.contains("md-nav__title")) button.classList.add("eqp-toggle--title");
    var name = buttonName(label, input);
    if (name) button.setAttribute("aria-label", name);
    var controls = panelOf(label);
    if (controls) {
      if (!controls.id) controls.id = input.id + "_nav";
      button.setAttribute("aria-controls", controls.id);
      controls.removeAttribute("aria-expanded"); // Material puts it on the <nav>, where it means nothing
    }
    while (label.firstChild) button.appendChild(label.firstChild);
    label.appendChild(button);
    label.removeAttribute("tabindex");
    button.dataset.eqpFor = input.id;
    button.addEventListener("click", function (event) {
      event.preventDefault();
      setChecked(input, !input.checked);
      if (input.id === "__search" && input.checked) {
        var query = document.querySelector("[data-md-component=search-query]");
        if (query) query.focus();
      }
      sync();
      if (input.id === "__drawer" && input.checked) {
        // The drawer covers the page, this button included: focus goes to its first link.
        var first = document.querySelector(".md-sidebar--primary a[href], .md-sidebar--primary button");
        if (first) first.focus();
      }
    });
  }

  function sync() {
    document.querySelectorAll("button.eqp-toggle").forEach(function (button) {
      var input = document.getElementById(button.dataset.eqpFor);
      if (!input) return;
      // A title button inside an open section closes it: "expanded" describes its own section.
      button.setAttribute("aria-expanded", String(input.checked));
    });
    syncOutOfSight();
    // Focus left inside what just closed (the drawer, by its overlay or title) goes back to the opener.
    var active = document.activeElement;
    if (active && active !== document.body && active.closest("[inert]")) {
      var id = active.closest(".md-search") ? "__search" : "__drawer";
      var opener = document.querySelector(".md-header button.eqp-toggle[data-eqp-for=" + id + "]");
      if (opener && !opener.closest("[inert]")) opener.focus();
    }
  }

  // Below this width (Material's own breakpoint) the navigation is a drawer beside the window, and
  // each section a panel that slides in over the list it opens from. Material only moves them aside,
  // so Tab went on to links nobody could see (WCAG 2.4.7). What is out of sight is made inert: the
  // closed drawer, closed panels, and under an open panel the rest of the list it covers. So is the
  // search's result box while the search is closed (it took a Tab stop at 0 px high), and below
  // Material's search breakpoint the whole search form, which waits off the window for the Search button.
  var DRAWER = window.matchMedia("(max-width: 76.234375em)");
  var SEARCH_BUTTON_ONLY = window.matchMedia("(max-width: 59.984375em)");

  function outOfSight(element) {
    if (!element) return;
    element.setAttribute("inert", "");
    element.setAttribute("data-eqp-out-of-sight", "");
  }

  function syncOutOfSight() {
    document.querySelectorAll("[data-eqp-out-of-sight]").forEach(function (element) {
      element.removeAttribute("inert");
      element.removeAttribute("data-eqp-out-of-sight");
    });
    var drawer = document.getElementById("__drawer");
    var sidebar = document.querySelector(".md-sidebar--primary");
    if (DRAWER.matches && drawer && sidebar) {
      if (!drawer.checked) outOfSight(sidebar);
      // Open, the drawer covers the page: what is under it is out of reach too, but the overlay,
      // which closes the drawer when clicked.
      for (var node = sidebar; drawer.checked && node.parentElement && node !== document.body; node = node.parentElement) {
        Array.prototype.forEach.call(node.parentElement.children, function (other) {
          if (other !== node && !other.matches("input, script, style, label.md-overlay")) outOfSight(other);
        });
      }
      sidebar.querySelectorAll("input.md-nav__toggle").forEach(function (toggle) {
        var item = toggle.parentElement;
        var panel = item && item.querySelector(":scope > nav.md-nav");
        if (!panel) return;
        if (!toggle.checked) {
          outOfSight(panel);
          return;
        }
        var list = item.parentElement;
        var outer = list && list.closest("nav");
        Array.prototype.forEach.call(list ? list.children : [], function (other) {
          if (other !== item) outOfSight(other);
        });
        if (outer) outOfSight(outer.querySelector(":scope > .md-nav__title"));
        Array.prototype.forEach.call(item.children, function (child) {
          if (child !== panel && child !== toggle) outOfSight(child);
        });
      });
    }
    var search = document.getElementById("__search");
    if (search && !search.checked) {
      outOfSight(document.querySelector(".md-search__output"));
      if (SEARCH_BUTTON_ONLY.matches) outOfSight(document.querySelector(".md-search__inner"));
    }
  }

  function upgradeSearch() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog) {
      dialog.setAttribute("aria-label", "Search the portal");
    }
    var meta = document.querySelector(".md-search-result__meta");
    if (meta) {
      meta.setAttribute("role", "status");
      meta.setAttribute("aria-live", "polite");
    }
  }

  function upgradeTables() {
    document.querySelectorAll(".md-typeset__scrollwrap, .eqp-table-scroll").forEach(function (wrap) {
      var table = wrap.querySelector("table");
      if (!table) return;
      // Material's own wrapper inside a region made at build time: the region scrolls (eqp-theme.css),
      // so the wrapper is no second tab stop.
      if (wrap.parentElement && wrap.parentElement.closest(".eqp-table-scroll")) return;
      if (wrap.hasAttribute("role") && !wrap.classList.contains("eqp-scroll-region")) return; // named at build time
      var wide = wrap.scrollWidth > wrap.clientWidth + 1;
      if (wide) {
        var caption = table.querySelector("caption");
        var name = caption ? caption.textContent.replace(/\s+/g, " ").trim() : "Table";
        wrap.setAttribute("role", "region");
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("aria-label", name + " (scrolls sideways)");
        wrap.classList.add("eqp-scroll-region");
      } else if (wrap.classList.contains("eqp-scroll-region")) {
        wrap.removeAttribute("role");
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("aria-label");
        wrap.classList.remove("eqp-scroll-region");
      }
    });
  }

  function upgradeCode() {
    var codes = document.querySelectorAll(".md-typeset pre > code");
    codes.forEach(function (code, index) {
      if (code.scrollWidth > code.clientWidth + 1 && !code.hasAttribute("tabindex")) {
        code.setAttribute("tabindex", "0");
        code.setAttribute("role", "region");
        // Each region its own name: a list of landmarks showing the same name twice helps nobody.
        var number = codes.length > 1 ? " " + (index + 1) : "";
        code.setAttribute("aria-label", "Code example" + number + " (scrolls sideways)");
      }
    });
  }

  function enhance() {
    syncPlainLabels(); // first: the labels that stay plain at this width are never made buttons
    document.querySelectorAll("label[for]").forEach(upgradeLabel);
    upgradeSearch();
    upgradeTables();
    upgradeCode();
    sync();
  }

  // The search form's submit button (partials/search.html) does what Enter does: open the best result.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("md-search__form")) return;
    event.preventDefault();
    var best = document.querySelector(".md-search-result__list a[href]");
    if (best) best.click();
  }, true);

  // Material's toggles are plain checkboxes: a page restored by "back" must not come back with the
  // menu or search open (Material used autocomplete="off" for this, which is invalid on checkboxes).
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    ["__search", "__drawer"].forEach(function (id) {
      var input = document.getElementById(id);
      if (input) setChecked(input, false);
    });
    sync();
  });

  document.addEventListener("change", sync, true);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    ["__search", "__drawer"].forEach(function (id) {
      var input = document.getElementById(id);
      if (input && input.checked) {
        setChecked(input, false);
        var opener = document.querySelector(".md-header button.eqp-toggle[data-eqp-for=" + id + "]");
        if (opener) opener.focus();
      }
    });
    sync();
  });
  [DRAWER, SEARCH_BUTTON_ONLY].forEach(function (query) {
    if (typeof query.addEventListener === "function") query.addEventListener("change", function () { syncPlainLabels(); sync(); });
  });
  // Below 60em Material locks the page's scrolling while the search is open. Tab out of the search
  // closes it and moves focus on while the page cannot scroll, so the focused link stayed below the
  // window (WCAG 2.4.11). Once Material unlocks, the focused element is brought into view.
  if (typeof MutationObserver === "function") {
    new MutationObserver(function () {
      if (document.body.hasAttribute("data-md-scrolllock")) return;
      var active = document.activeElement;
      if (!active || active === document.body) return;
      var box = active.getBoundingClientRect();
      if (box.bottom > window.innerHeight || box.top < 0) active.scrollIntoView({ block: "center" });
    }).observe(document.body, { attributes: true, attributeFilter: ["data-md-scrolllock"] });
  }

  var resizeTimer;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(upgradeTables, 100);
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { setTimeout(enhance, 0); });
  }
  enhance();
  window.addEventListener("load", enhance);
})();
