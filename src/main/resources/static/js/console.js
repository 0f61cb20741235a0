// Staysync console behaviour: CSRF for htmx, readable htmx failures, relative times,
// searchable selects, mapping rows, copy buttons, fields per mode, calendar selections, and no double
// submits. No inline scripts (CSP).
(function () {
  "use strict";

  function csrf() {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }

  function showAlert(message) {
    var box = document.getElementById("console-alerts");
    if (!box) { return; }
    var alert = document.createElement("div");
    alert.className = "alert alert-danger alert-dismissible";
    alert.setAttribute("role", "alert");
    alert.textContent = message;
    var close = document.createElement("button");
    close.type = "button"; close.className = "btn-close"; close.setAttribute("data-bs-dismiss", "alert");
    close.setAttribute("aria-label", "Close");
    alert.appendChild(close);
    box.appendChild(alert);
  }

  // Relative times with the exact local time on hover; the server renders UTC as a fallback.
  var relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  function ago(date) {
    var seconds = Math.round((date.getTime() - Date.now()) / 1000);
    var steps = [[60, "second"], [60, "minute"], [24, "hour"], [7, "day"], [4.35, "week"], [12, "month"], [Infinity, "year"]];
    var value = seconds;
    for (var i = 0; i < steps.length; i++) {
      if (Math.abs(value) < steps[i][0]) { return relative.format(Math.round(value), steps[i][1]); }
      value = value / steps[i][0];
    }
    return date.toLocaleString();
  }
  function localTimes(root) {
    root.querySelectorAll("time.rel[datetime]").forEach(function (el) {
      var date = new Date(el.getAttribute("datetime"));
      if (isNaN(date)) { return; }
      el.title = date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "long" });
      el.textContent = ago(date);
    });
  }

  // A text box above a select narrows its options: a dropdown that can be searched.
  function searchableSelects(root) {
    root.querySelectorAll("input[data-filter-for]").forEach(function (input) {
      if (input.dataset.bound) { return; }
      input.dataset.bound = "1";
      input.addEventListener("input", function () {
        var select = input.parentElement.querySelector("select");
        if (!select) { return; }
        var needle = input.value.trim().toLowerCase();
        var firstVisible = null;
        Array.prototype.forEach.call(select.options, function (option) {
          var show = !option.value || option.text.toLowerCase().indexOf(needle) >= 0;
          option.hidden = !show;
          if (show && option.value && !firstVisible) { firstVisible = option; }
        });
        if (needle && firstVisible && (!select.value || select.selectedOptions[0].hidden)) {
          firstVisible.selected = true;
        }
      });
    });
  }

  // A copy button puts its field's text on the clipboard; where the clipboard API is
  // refused (plain http, an old browser), the selected text is copied the old way.
  function copyField(button) {
    var field = document.querySelector(button.getAttribute("data-copy"));
    if (!field) { return; }
    var text = field.value !== undefined ? field.value : field.textContent;
    function copied() {
      button.textContent = "Copied";
      button.setAttribute("data-copied", "true");
      window.setTimeout(function () { button.textContent = "Copy"; }, 2000);
    }
    function fallback() {
      if (field.select) { field.select(); }
      try { document.execCommand("copy"); } catch (e) { /* the text stays selected to copy by hand */ }
      copied();
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(copied, fallback);
    } else {
      fallback();
    }
  }

  // Mapping rows: add a copy of the template row, remove a row.
  document.addEventListener("click", function (event) {
    var copy = event.target.closest("[data-copy]");
    if (copy) { copyField(copy); }
    var add = event.target.closest("[data-add-row]");
    if (add) {
      var table = document.querySelector(add.getAttribute("data-add-row"));
      var template = table && table.querySelector("template");
      if (template) {
        var body = table.querySelector("tbody");
        // A listing offered from the channel's account fills the first empty row, or a new one.
        var listing = add.getAttribute("data-listing");
        var field = listing && Array.prototype.find.call(
          body.querySelectorAll("[data-name=externalListingId]"), function (input) { return !input.value; });
        if (!field) {
          body.appendChild(template.content.cloneNode(true));
          renumber(body);
          searchableSelects(body);
        }
        if (listing) {
          var fields = body.querySelectorAll("[data-name=externalListingId]");
          (field || fields[fields.length - 1]).value = listing;
          add.disabled = true;
        }
      }
    }
    var remove = event.target.closest("[data-remove-row]");
    if (remove) {
      var row = remove.closest("tr");
      var tbody = row.parentElement;
      row.remove();
      renumber(tbody);
    }
  });
  function renumber(tbody) {
    Array.prototype.forEach.call(tbody.querySelectorAll("tr"), function (row, index) {
      row.querySelectorAll("[data-name]").forEach(function (field) {
        field.name = "rows[" + index + "]." + field.getAttribute("data-name");
      });
    });
  }

  // Fields that belong to one mode (data-for-mode) show, and are sent, only in that mode.
  document.addEventListener("change", function (event) {
    var radio = event.target;
    if (radio.name !== "mode" || radio.type !== "radio" || !radio.form) { return; }
    radio.form.querySelectorAll("[data-for-mode]").forEach(function (group) {
      var off = group.getAttribute("data-for-mode") !== radio.value;
      group.hidden = off;
      group.querySelectorAll("input, select, textarea").forEach(function (field) { field.disabled = off; });
    });
  });


  // Calendar: a first click on a free night starts a selection on its row, a second click
  // on the same row ends it; the bar below the timeline then blocks or books those nights.
  var selection = null;
  function nextDay(iso) {
    var d = new Date(iso + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  }
  function paintSelection() {
    document.querySelectorAll("#timeline td.selected").forEach(function (td) { td.classList.remove("selected"); });
    var bar = document.getElementById("calendar-selection");
    if (!bar) { return; }
    if (!selection) { bar.hidden = true; return; }
    var first = selection.start < selection.end ? selection.start : selection.end;
    var last = selection.start < selection.end ? selection.end : selection.start;
    var nights = 0;
    selection.row.querySelectorAll("td[data-date]").forEach(function (td) {
      var date = td.getAttribute("data-date");
      if (date >= first && date <= last) { td.classList.add("selected"); nights++; }
    });
    var departure = nextDay(last);
    var form = document.getElementById("calendar-block");
    form.elements.propertyId.value = selection.row.getAttribute("data-property");
    form.elements.checkIn.value = first;
    form.elements.checkOut.value = departure;
    document.getElementById("calendar-selection-text").textContent = selection.row.getAttribute("data-property-name")
      + ": " + nights + (nights === 1 ? " night, " : " nights, ") + first + " to " + departure + " (departure)";
    var book = document.getElementById("book-selection");
    book.href = book.getAttribute("data-base") + "?propertyId=" + encodeURIComponent(form.elements.propertyId.value)
      + "&checkIn=" + first + "&checkOut=" + departure;
    bar.hidden = false;
  }
  document.addEventListener("click", function (event) {
    var free = event.target.closest("#timeline td.night-free a.free");
    if (free && document.getElementById("calendar-selection")) {
      event.preventDefault();
      var td = free.closest("td");
      var row = td.closest("tr");
      var date = td.getAttribute("data-date");
      if (selection && selection.row === row && selection.start === selection.end) {
        selection.end = date;
      } else {
        selection = { row: row, start: date, end: date };
      }
      paintSelection();
    }
    if (event.target.closest("#clear-selection")) {
      selection = null;
      paintSelection();
    }
  });

  // A form that undoes something (cancel, delete) asks first; it runs before the handler below.
  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) { event.preventDefault(); }
  }, true);

  // A plain form disables its submit button once sent; the server's one-time token does the rest.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || form.hasAttribute("hx-post") || form.hasAttribute("hx-put")) { return; }
    window.setTimeout(function () {
      form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
    }, 0);
  });

  document.addEventListener("DOMContentLoaded", function () {
    // Dialogs live at the top of the page, above the backdrop, wherever the template put them.
    document.querySelectorAll(".modal").forEach(function (modal) { document.body.appendChild(modal); });
    localTimes(document);
    searchableSelects(document);
    if (!window.htmx) { return; }
    // Validation problems (422) and conflicts (409) come back as the form with messages: show them.
    htmx.config.responseHandling = [
      { code: "204", swap: false },
      { code: "[23]..", swap: true },
      { code: "(409|422)", swap: true },
      { code: "[45]..", swap: false, error: true }
    ];
  });
  document.addEventListener("htmx:configRequest", function (event) {
    var c = csrf();
    if (c) { event.detail.headers[c.header] = c.token; }
  });
  document.addEventListener("htmx:afterSettle", function () {
    localTimes(document);
    searchableSelects(document);
  });
  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    if (xhr.status === 401) { return; }
    var text = "";
    try {
      var doc = new DOMParser().parseFromString(xhr.responseText, "text/html");
      text = (doc.querySelector("[role=alert]") || doc.body).textContent.replace(/\s+/g, " ").trim();
    } catch (e) { text = ""; }
    showAlert(text || ("The request failed (HTTP " + xhr.status + "). Try again."));
  });
  document.addEventListener("htmx:sendError", function () {
    showAlert("Staysync could not be reached. Check the connection and try again.");
  });
})();
