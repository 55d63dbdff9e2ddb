/* Progressive filtering of assessment lists (tables with class eqp-table--index).
 *
 * The table works without JavaScript; with it, readers get a labelled select per column
 * (directorate, year, status, group affected, stage of the commissioning cycle) and a polite live region saying how many rows
 * show. Rows are hidden with the `hidden` attribute, so screen readers skip them too.
 */
(function () {
  "use strict";
  var COLUMNS = [
    { index: 1, label: "Directorate", values: function (cell) { return [cell.textContent.trim()]; } },
    { index: 2, label: "Year published", values: function (cell) { var m = cell.textContent.match(/\d{4}/); return m ? [m[0]] : []; } },
    { index: 3, label: "Status", values: function (cell) { return [cell.textContent.replace(/\s*\(.*\)\s*$/, "").trim()]; } },
    { index: 4, label: "Possible adverse impact on", values: function (cell) {
      var items = cell.querySelectorAll("li");
      if (items.length) return Array.prototype.map.call(items, function (li) { return li.textContent.trim(); });
      return cell.textContent.split(",").map(function (s) { return s.trim(); }).filter(function (s) { return s && s !== "None found"; });
    } },
    { index: 5, label: "Commissioning stage", values: function (cell) { return [cell.textContent.trim()]; } }
  ];

  function enhance(table, number) {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    if (rows.length < 2) return;
    var region = table.closest(".eqp-table-scroll") || table;
    var form = document.createElement("fieldset");
    form.className = "eqp-filter";
    var legend = document.createElement("legend");
    legend.className = "eqp-filter__legend";
    legend.textContent = "Filter this list";
    form.appendChild(legend);
    var status = document.createElement("p");
    status.className = "eqp-filter__status";
    status.setAttribute("aria-live", "polite");
    var selects = [];

    COLUMNS.forEach(function (column) {
      var found = {};
      rows.forEach(function (row) {
        var cell = row.cells[column.index];
        if (cell) column.values(cell).forEach(function (v) { found[v] = true; });
      });
      var options = Object.keys(found).sort();
      if (column.index === 2) options.reverse();
      if (options.length < 2) return;
      var id = "eqp-filter-" + number + "-" + column.index;
      var wrap = document.createElement("div");
      wrap.className = "eqp-filter__field";
      var label = document.createElement("label");
      label.className = "eqp-filter__label";
      label.htmlFor = id;
      label.textContent = column.label;
      var select = document.createElement("select");
      select.className = "eqp-filter__select";
      select.id = id;
      select.appendChild(new Option("All", ""));
      options.forEach(function (v) { select.appendChild(new Option(v, v)); });
      select.addEventListener("change", apply);
      selects.push({ column: column, select: select });
      wrap.appendChild(label);
      wrap.appendChild(select);
      form.appendChild(wrap);
    });
    if (!selects.length) return;
    form.appendChild(status);
    region.parentNode.insertBefore(form, region);

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var keep = selects.every(function (s) {
          var wanted = s.select.value;
          return !wanted || s.column.values(row.cells[s.column.index]).indexOf(wanted) !== -1;
        });
        row.hidden = !keep;
        if (keep) shown += 1;
      });
      status.textContent = "Showing " + shown + " of " + rows.length + (rows.length === 1 ? " assessment." : " assessments.");
    }
    apply();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("table.eqp-table--index"), enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
