/* Two requests Material for MkDocs makes on every page view that a reader has not asked for.
 *
 * - The search index (search/search_index.json): Material requests it on every first visit,
 *   before anyone searches; on a large portal that is megabytes over mobile data. It is held back
 *   until the reader shows they want to search (focus or click on the search box or its toggle,
 *   a search shortcut key, or a ?q= link). Material shows "Initializing search" meanwhile.
 * - The sitemap (sitemap.xml): Material reads it for every <link rel="alternate">, taking each for
 *   another language's version of the site, and for instant navigation and version selectors.
 *   The portal's one alternate is its Atom feed, so the sitemap (570 KB at 2,000 assessments,
 *   parsed on every page view) is never sent for unless the site turns one of those features on.
 *
 * Loaded before Material's bundle. Without JavaScript nothing changes.
 */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(\?|$)/;
  var SITEMAP = /\/sitemap\.xml(\?|$)/;
  var SEARCH = ".md-search, [for=__search], .eqp-search-toggle";
  var wanted = false;
  var waiting = [];

  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }

  // Whether Material has a use for the sitemap on this site: instant navigation or a version selector.
  function sitemapUsed() {
    try {
      var config = JSON.parse(document.getElementById("__config").textContent);
      return (config.features || []).indexOf("navigation.instant") !== -1 || !!config.version;
    } catch (error) {
      return true; // no readable configuration: leave Material as it is
    }
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.eqpSearchIndex = INDEX.test(String(url));
    this.eqpSitemap = SITEMAP.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this;
    var args = arguments;
    if (xhr.eqpSitemap && !sitemapUsed()) return undefined; // never sent: nothing waits for it
    if (!xhr.eqpSearchIndex || wanted) return send.apply(xhr, args);
    waiting.push(function () { send.apply(xhr, args); });
  };

  function inSearch(target) {
    return target && target.closest && target.closest(SEARCH);
  }
  function editable(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }
  document.addEventListener("focusin", function (event) { if (inSearch(event.target)) want(); }, true);
  document.addEventListener("pointerdown", function (event) { if (inSearch(event.target)) want(); }, true);
  document.addEventListener("click", function (event) { if (inSearch(event.target)) want(); }, true);
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) want();
  }, true);
  document.addEventListener("keydown", function (event) {
    if (/^[/sfSF]$/.test(event.key) && !editable(event.target)) want();
  }, true);
  if (/[?&]q=/.test(location.search)) want();
})();
