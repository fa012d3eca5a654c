/* Board filters: hide the cards that do not match; the page works without this file. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var names = ["owner", "unit", "source", "stage"];
  var cards = Array.prototype.slice.call(document.querySelectorAll(".board .card"));
  var columns = Array.prototype.slice.call(document.querySelectorAll(".board .column"));
  var status = document.getElementById("filter-status");
  var template = status.getAttribute("data-template") || "{shown} / {total}";

  function current() {
    var chosen = {};
    names.forEach(function (name) { chosen[name] = form.elements[name].value; });
    return chosen;
  }

  function matches(card, chosen) {
    var d = card.dataset;
    if (chosen.owner && d.owner !== chosen.owner) { return false; }
    if (chosen.unit && (" " + d.units + " ").indexOf(" " + chosen.unit + " ") < 0) { return false; }
    if (chosen.source && d.source !== chosen.source) { return false; }
    if (chosen.stage && d.stage !== chosen.stage) { return false; }
    return true;
  }

  function apply(updateUrl) {
    var chosen = current();
    var shown = 0;
    cards.forEach(function (card) {
      var ok = matches(card, chosen);
      card.hidden = !ok;
      if (ok) { shown += 1; }
    });
    columns.forEach(function (column) {
      var visible = column.querySelectorAll(".card:not([hidden])").length;
      column.classList.toggle("filtered-empty", visible === 0);
      column.hidden = Boolean(chosen.stage) && column.id !== "col-" + chosen.stage;
    });
    var active = names.some(function (name) { return chosen[name]; });
    status.textContent = active ? template.replace("{shown}", shown).replace("{total}", cards.length) : "";
    if (updateUrl && window.history && window.URLSearchParams) {
      var params = new URLSearchParams(window.location.search);
      names.forEach(function (name) {
        if (chosen[name]) { params.set(name, chosen[name]); } else { params.delete(name); }
      });
      var query = params.toString();
      window.history.replaceState(null, "", query ? "?" + query : window.location.pathname);
    }
  }

  if (window.URLSearchParams) {
    var initial = new URLSearchParams(window.location.search);
    names.forEach(function (name) {
      var value = initial.get(name);
      var select = form.elements[name];
      if (value && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
        select.value = value;
      }
    });
  }
  form.hidden = false;
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("reset", function () { window.setTimeout(function () { apply(true); }, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply(false);
}());
