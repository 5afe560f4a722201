// The theme's labels in the page's language: UIStrings.swift's table, which the page carries in
// its `opsdocs-strings` meta. Loaded before the other scripts, which call window.opsdocsLabel.
(function () {
  "use strict";
  var labels = {};
  try {
    labels = JSON.parse(document.querySelector('meta[name="opsdocs-strings"]').getAttribute("content")) || {};
  } catch (e) {}
  /// The label for `key` with `{name}` filled in from `values`; the key itself when missing.
  window.opsdocsLabel = function (key, values) {
    var text = labels[key] || key;
    for (var name in values || {}) text = text.split("{" + name + "}").join(String(values[name]));
    return text;
  };
})();
