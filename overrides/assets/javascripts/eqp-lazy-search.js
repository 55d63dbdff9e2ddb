/* Fetch the search index only when the reader starts a search.
 *
 * Material for MkDocs requests search/search_index.json on every first visit, before anyone
 * searches: on a large portal that is megabytes over mobile data. This script, loaded before
 * Material's bundle, holds that one request back until the reader shows they want to search
 * (focus or click on the search box or its toggle, a search shortcut key, or a ?q= link).
 * Material shows "Initializing search" meanwhile; without JavaScript nothing changes.
 */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(\?|$)/;
  var SEARCH = ".md-search, [for=__search], .eqp-search-toggle";
  var wanted = false;
  var waiting = [];

  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.eqpSearchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this;
    var args = arguments;
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
