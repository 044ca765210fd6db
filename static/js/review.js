// Editors' admin pages: keyboard review of proposals, and refusing an oversized paste before it is sent.
// Loaded with <script src> (the Content Security Policy forbids inline scripts).
(function () {
  "use strict";

  function typing(target) {
    return target.closest("input, textarea, select, [contenteditable], .select2-container");
  }

  function setUpReview() {
    var rows = Array.prototype.slice.call(document.querySelectorAll(".proposal"));
    if (!rows.length) return;
    var current = -1;

    function select(index) {
      if (index < 0 || index >= rows.length) return;
      if (current >= 0) rows[current].classList.remove("is-current");
      document.querySelectorAll("mark.is-current").forEach(function (m) { m.classList.remove("is-current"); });
      current = index;
      var row = rows[current];
      row.classList.add("is-current");
      row.focus({ preventScroll: true });
      row.scrollIntoView({ block: "nearest" });
      var id = row.dataset.proposal;
      document.querySelectorAll("mark.evidence").forEach(function (mark) {
        if ((" " + mark.dataset.proposals + " ").indexOf(" " + id + " ") >= 0) mark.classList.add("is-current");
      });
      var anchor = document.getElementById("evidence-" + id);
      if (anchor) {
        var mark = anchor.nextElementSibling || anchor;
        var pane = document.querySelector(".report-text");
        if (pane) {
          pane.scrollTop += mark.getBoundingClientRect().top - pane.getBoundingClientRect().top - pane.clientHeight / 3;
        }
      }
    }

    rows.forEach(function (row, index) {
      row.addEventListener("focusin", function () { if (current !== index) select(index); });
    });

    // Enter in a reason box rejects that proposal (not the form's default button).
    document.querySelectorAll(".reject-reason").forEach(function (input) {
      input.addEventListener("keydown", function (event) {
        if (event.key !== "Enter") return;
        event.preventDefault();
        var button = input.closest(".proposal").querySelector(".reject-button");
        if (button) button.click();
      });
    });
    var bulkReason = document.querySelector(".bulk-reason");
    if (bulkReason) {
      bulkReason.addEventListener("keydown", function (event) {
        if (event.key !== "Enter") return;
        event.preventDefault();
        document.querySelector('button[value="reject:selected"]').click();
      });
    }

    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      var row = rows[current];
      switch (event.key) {
        case "j": select(current + 1); break;
        case "k": select(Math.max(current - 1, 0)); break;
        case "a": if (row && row.querySelector(".accept-button")) row.querySelector(".accept-button").click(); else return; break;
        case "r": if (row && row.querySelector(".reject-reason")) row.querySelector(".reject-reason").focus(); else return; break;
        case "x": if (row && row.querySelector(".proposal-select")) row.querySelector(".proposal-select").click(); else return; break;
        case "e": if (row && row.querySelector("select, input[type=number]")) row.querySelector("select, input[type=number]").focus(); else return; break;
        default: return;
      }
      event.preventDefault();
    });

    // Open on the proposal named in the address (#proposal-12), else the first pending one.
    var wanted = window.location.hash.match(/^#proposal-(\d+)$/);
    var start = wanted ? rows.findIndex(function (r) { return r.dataset.proposal === wanted[1]; }) : -1;
    if (start < 0) start = rows.findIndex(function (r) { return r.classList.contains("proposal-pending"); });
    if (start >= 0) select(start);
  }

  function setUpPasteLimit() {
    var textarea = document.querySelector("textarea[data-max-bytes]");
    var note = document.querySelector(".paste-size-error");
    if (!textarea || !note) return;
    var limit = parseInt(textarea.dataset.maxBytes, 10);
    function megabytes(n) { return (n / 1048576).toFixed(1) + " MB"; }
    textarea.form.addEventListener("submit", function (event) {
      var size = new Blob([textarea.value]).size;
      if (size <= limit) return;
      event.preventDefault();
      note.textContent = "The paste is " + megabytes(size) + "; the limit is " + megabytes(limit) +
        " (" + limit.toLocaleString("en") + " bytes). Split it into parts, or paste only the relevant section.";
      note.hidden = false;
      note.scrollIntoView();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpReview();
    setUpPasteLimit();
  });
})();
