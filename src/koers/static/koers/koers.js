// Koers: the little JavaScript the pages need. No inline scripts (CSP allows only 'self').
(function () {
  "use strict";
  // Forms with data-confirm ask before they submit (status changes, ...).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var submitter = event.submitter;
    var message = (submitter && submitter.dataset.confirm) || form.dataset.confirm;
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
  // Buttons instead of inline handlers (CSP): data-print prints the page; data-copy-from puts the
  // text of one element into the field named by data-copy-to.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-print], [data-copy-from]");
    if (!button) return;
    if (button.hasAttribute("data-print")) {
      window.print();
      return;
    }
    var source = document.getElementById(button.dataset.copyFrom);
    var field = document.getElementById(button.dataset.copyTo);
    if (source && field) field.value = source.textContent;
  });
  // Close the user menu with Escape or a click elsewhere.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      document.querySelectorAll("details.usermenu[open]").forEach(function (el) {
        el.removeAttribute("open");
        el.querySelector("summary").focus();
      });
    }
  });
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details.usermenu[open]").forEach(function (el) {
      if (!el.contains(event.target)) el.removeAttribute("open");
    });
  });
  // A field with a maximum length says so when it is full, and when the browser cut a pasted
  // text to fit: otherwise the end of what was typed disappears without a word. The server
  // refuses a longer value next to the field; this only tells it while typing.
  var script = document.querySelector("script[data-text-full]");
  var texts = {
    full: (script && script.dataset.textFull) || "%(count)s/%(max)s",
    cut: (script && script.dataset.textCut) || "%(max)s",
  };
  function say(template, count, max) {
    return template.replace("%(count)s", count).replace("%(max)s", max);
  }
  function note(field) {
    var id = (field.id || field.name) + "_maxlength";
    var el = document.getElementById(id);
    if (!el) {
      el = document.createElement("p");
      el.id = id;
      el.className = "help maxlength-note";
      el.setAttribute("aria-live", "polite");
      el.hidden = true;
      field.insertAdjacentElement("afterend", el);
      var described = field.getAttribute("aria-describedby");
      field.setAttribute("aria-describedby", described ? described + " " + id : id);
    }
    return el;
  }
  function showLength(field) {
    var max = field.maxLength;
    if (!(max > 0)) return;
    var count = field.value.length;
    if (field.dataset.cut === "1") {
      field.dataset.cut = "";
      var cut = note(field);
      cut.textContent = say(texts.cut, count, max);
      cut.hidden = false;
      return;
    }
    var existing = document.getElementById((field.id || field.name) + "_maxlength");
    if (count >= max) {
      var full = note(field);
      full.textContent = say(texts.full, count, max);
      full.hidden = false;
    } else if (existing) {
      existing.hidden = true;
    }
  }
  function limited(target) {
    return (
      target instanceof HTMLElement &&
      target.matches("input[maxlength], textarea[maxlength]") &&
      target.maxLength > 0
    );
  }
  document.addEventListener("paste", function (event) {
    var field = event.target;
    if (!limited(field) || !event.clipboardData) return;
    var pasted = event.clipboardData.getData("text").length;
    var selected = (field.selectionEnd || 0) - (field.selectionStart || 0);
    if (field.value.length - selected + pasted > field.maxLength) field.dataset.cut = "1";
  });
  document.addEventListener("input", function (event) {
    if (limited(event.target)) showLength(event.target);
  });

  // A page shown again after a rejected form: open what hides the first error and go there.
  function showFirstError() {
    document.querySelectorAll("input[maxlength], textarea[maxlength]").forEach(showLength);
    var target =
      document.querySelector('[aria-invalid="true"]') ||
      document.querySelector("form .form-errors");
    if (!target) return;
    for (var el = target.parentElement; el; el = el.parentElement) {
      if (el.tagName === "DETAILS") el.open = true;
    }
    if (!target.matches("input, select, textarea")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center" });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", showFirstError);
  } else {
    showFirstError();
  }
})();

// The header's search box (issue 16): "/" focuses it from anywhere but a field; Enter submits
// (a plain GET form); the live results (htmx) are a list of links after the field, reached with
// Tab or the down arrow, and closed with Escape or by leaving the box.
(function () {
  "use strict";
  function box() {
    return document.querySelector("form[data-search]");
  }
  function typing(target) {
    return (
      target instanceof HTMLElement &&
      (target.isContentEditable || target.matches("input, textarea, select"))
    );
  }
  function close(form) {
    var results = form.querySelector(".topsearch__results");
    if (results) results.innerHTML = "";
  }
  document.addEventListener("keydown", function (event) {
    var form = box();
    if (!form) return;
    if (event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target)) {
      event.preventDefault();
      var input = form.querySelector("input[type=search]");
      input.focus();
      input.select();
    } else if (event.key === "Escape" && form.contains(event.target)) {
      close(form);
      form.querySelector("input[type=search]").focus();
    } else if (event.key === "ArrowDown" && event.target.matches("form[data-search] input")) {
      var first = form.querySelector(".topsearch__results a");
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  });
  function leave(event) {
    var form = box();
    if (form && !form.contains(event.target)) close(form);
  }
  document.addEventListener("focusin", leave);
  document.addEventListener("click", leave);
  // A dashboard panel (issue 14) that the server refused or could not reach says so, with its
  // link to the full list still there; one answered by the sign-in page (the session ended)
  // reloads the page, so the user signs in again instead of seeing a login form in a card.
  function panelFailed(panel) {
    panel.setAttribute("aria-busy", "false");
    var line = panel.querySelector(".panel__loading");
    if (line) line.textContent = panel.dataset.panelError;
  }
  document.addEventListener("htmx:beforeSwap", function (event) {
    var panel = event.detail.target;
    if (!panel || !panel.hasAttribute("data-panel")) return;
    var xhr = event.detail.xhr;
    var asked = new URL(panel.getAttribute("hx-get"), window.location.href).pathname;
    if (xhr.responseURL && new URL(xhr.responseURL).pathname !== asked) {
      event.detail.shouldSwap = false;
      window.location.reload();
    } else if (xhr.status >= 400) {
      event.detail.shouldSwap = false;
      panelFailed(panel);
    }
  });
  document.addEventListener("htmx:sendError", function (event) {
    var panel = event.detail.elt;
    if (panel && panel.hasAttribute("data-panel")) panelFailed(panel);
  });
})();
