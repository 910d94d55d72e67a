// svrules serve: drag and drop onto the upload box, and the findings filters. The page works
// without this script (the file picker and the full list of findings remain).
"use strict";
(function () {
  var drop = document.getElementById("drop");
  var input = document.getElementById("files");
  var chosen = document.getElementById("chosen");
  function show(files) {
    if (!chosen) return;
    chosen.textContent = "";
    for (var i = 0; i < files.length; i++) {
      var li = document.createElement("li");
      li.textContent = files[i].name;
      chosen.appendChild(li);
    }
  }
  if (drop && input) {
    ["dragenter", "dragover"].forEach(function (name) {
      drop.addEventListener(name, function (e) { e.preventDefault(); drop.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      drop.addEventListener(name, function (e) { e.preventDefault(); drop.classList.remove("over"); });
    });
    drop.addEventListener("drop", function (e) {
      if (e.dataTransfer && e.dataTransfer.files.length) {
        input.files = e.dataTransfer.files;
        show(input.files);
      }
    });
    input.addEventListener("change", function () { show(input.files); });
  }
  document.querySelectorAll("fieldset.filters").forEach(function (box) {
    box.hidden = false;
    var scope = box.getAttribute("data-scope");
    var section = box.closest("section.file");
    function apply() {
      var off = { severity: {}, category: {} };
      box.querySelectorAll("input[data-filter]").forEach(function (cb) {
        if (!cb.checked) off[cb.getAttribute("data-filter")][cb.value] = true;
      });
      section.querySelectorAll("[data-severity]").forEach(function (el) {
        el.hidden = !!(off.severity[el.getAttribute("data-severity")] ||
                       off.category[el.getAttribute("data-category")]);
      });
    }
    box.addEventListener("change", apply);
  });
})();
