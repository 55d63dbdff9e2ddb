/*
 * Progressive enhancement of Material for MkDocs for keyboard and screen-reader users.
 *
 * Material opens its menu, search and navigation sections with hidden checkboxes and <label>s:
 * Tab cannot reach most of them, they have no names and expose no expanded state. Here each such
 * label gets a real <button> inside it (the label stays, so Material's CSS keeps working) that
 * toggles the checkbox, has a name and reports aria-expanded. Also: the search dialog gets a name
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

  function upgradeLabel(label) {
    var input = toggleFor(label);
    if (!input || label.querySelector(".eqp-toggle")) return;
    if (label.querySelector("a, button, input, select, textarea")) return; // holds a link already
    if (!label.textContent.trim() && !label.querySelector("svg")) return; // overlays: click-outside only
    var button = document.createElement("button");
    button.type = "button";
    button.className = "eqp-toggle";
    if (label.classList.contains("md-nav__link")) button.classList.add("eqp-toggle--nav");
    if (label.classList.contains("md-nav__title")) button.classList.add("eqp-toggle--title");
    var name = buttonName(label, input);
    if (name) button.setAttribute("aria-label", name);
    // A section with an index page puts its label beside the page's link, in a container.
    var item = label.parentElement && label.parentElement.classList.contains("md-nav__container")
      ? label.parentElement.parentElement : label.parentElement;
    var controls = item && item.querySelector(":scope > nav.md-nav");
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
    document.querySelectorAll(".md-typeset pre > code").forEach(function (code) {
      if (code.scrollWidth > code.clientWidth + 1 && !code.hasAttribute("tabindex")) {
        code.setAttribute("tabindex", "0");
        code.setAttribute("role", "region");
        code.setAttribute("aria-label", "Code example (scrolls sideways)");
      }
    });
  }

  function enhance() {
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
    if (typeof query.addEventListener === "function") query.addEventListener("change", sync);
  });
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
