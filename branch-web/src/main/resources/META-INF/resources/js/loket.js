// Loket pages: what htmx does not do by itself. No framework, no build step.
(function () {
  'use strict';
  var SAVED = 'loket.saved-form';

  // An expired session on an htmx request: OIDC answers 499 (java-script-auto-redirect=false). Keep what was typed,
  // reload into sign-in, and fill it in again when the page is back.
  function saveForms() {
    var fields = {};
    document.querySelectorAll('form[data-keep] input, form[data-keep] select, form[data-keep] textarea').forEach(function (el) {
      if (!el.name || el.type === 'hidden' || el.type === 'password') return;
      var key = el.form.id + '/' + el.name + (el.type === 'radio' || el.type === 'checkbox' ? '=' + el.value : '');
      fields[key] = (el.type === 'radio' || el.type === 'checkbox') ? el.checked : el.value;
    });
    sessionStorage.setItem(SAVED, JSON.stringify({ path: location.pathname, fields: fields }));
  }
  function restoreForms() {
    var raw = sessionStorage.getItem(SAVED);
    if (!raw) return;
    sessionStorage.removeItem(SAVED);
    var saved = JSON.parse(raw);
    if (saved.path !== location.pathname) return;
    document.querySelectorAll('form[data-keep] input, form[data-keep] select, form[data-keep] textarea').forEach(function (el) {
      var key = el.form.id + '/' + el.name + (el.type === 'radio' || el.type === 'checkbox' ? '=' + el.value : '');
      if (!(key in saved.fields)) return;
      if (el.type === 'radio' || el.type === 'checkbox') el.checked = saved.fields[key];
      else el.value = saved.fields[key];
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    var note = document.getElementById('restored');
    if (note) note.hidden = false;
  }

  document.addEventListener('htmx:responseError', function (e) {
    var status = e.detail.xhr.status;
    if (status === 499 || status === 401) { saveForms(); location.reload(); }
  });
  // htmx's default leaves 4xx unswapped: our 4xx fragments say what is wrong beside the field, so show them.
  document.addEventListener('htmx:beforeSwap', function (e) {
    var s = e.detail.xhr.status;
    if (s === 400 || s === 403 || s === 404 || s === 409 || s === 422 || s === 503) { e.detail.shouldSwap = true; e.detail.isError = false; }
  });

  // Offline (network gone): a banner, and nothing is sent; htmx:sendError is the request that could not go out.
  function offline(on) {
    var b = document.getElementById('offline');
    if (b) b.hidden = !on;
    document.body.classList.toggle('is-offline', on);
  }
  window.addEventListener('offline', function () { offline(true); });
  window.addEventListener('online', function () { offline(false); });
  document.addEventListener('htmx:sendError', function () { offline(true); });
  document.addEventListener('htmx:afterRequest', function (e) { if (e.detail.xhr && e.detail.xhr.status) offline(false); });
  document.addEventListener('htmx:confirm', function (e) {
    // while offline, send nothing: a call that cannot reach the service must not be queued up and fire later
    if (!navigator.onLine) { e.preventDefault(); offline(true); }
  });

  // Keyboard shortcuts: elements with data-key="F2" etc. are clicked by that key; on by default, switchable off
  // (remembered in localStorage). Single letters only fire outside text fields.
  var SHORTCUTS = 'loket.shortcuts';
  function shortcutsOn() { return localStorage.getItem(SHORTCUTS) !== 'off'; }
  function applyShortcuts() {
    document.body.classList.toggle('no-shortcuts', !shortcutsOn());
    var t = document.getElementById('shortcuts-toggle');
    if (t) t.setAttribute('aria-pressed', shortcutsOn() ? 'true' : 'false');
  }
  document.addEventListener('click', function (e) {
    if (e.target.closest('#shortcuts-toggle')) {
      localStorage.setItem(SHORTCUTS, shortcutsOn() ? 'off' : 'on');
      applyShortcuts();
    }
  });
  document.addEventListener('keydown', function (e) {
    if (!shortcutsOn() || e.ctrlKey || e.metaKey || e.altKey) return;
    var inField = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    var key = e.key.length === 1 ? e.key.toUpperCase() : e.key;
    if (inField && key.length === 1) return;
    var target = document.querySelector('[data-key="' + key + '"]:not([disabled])');
    if (!target || target.closest('[hidden]')) return;
    e.preventDefault();
    if (target.matches('input[type=text], input:not([type]), textarea, select')) target.focus();
    else target.click();
  });

  // Time since (waited, since called): counts up without asking the server; data-since is an ISO instant.
  function tick() {
    document.querySelectorAll('[data-since]').forEach(function (el) {
      var s = Math.max(0, Math.floor((Date.now() - Date.parse(el.dataset.since)) / 1000));
      var m = Math.floor(s / 60), r = s % 60;
      el.textContent = m + ':' + (r < 10 ? '0' : '') + r;
    });
  }
  setInterval(tick, 1000);
  document.addEventListener('htmx:afterSettle', tick);

  // The door's number field: which number it is and how many digits, as they type (13 card / 16 NIK).
  document.addEventListener('input', function (e) {
    var el = e.target;
    if (!el.matches('[data-idnumber]')) return;
    var digits = el.value.replace(/\D/g, '');
    if (digits !== el.value) el.value = digits;
    var hint = document.getElementById(el.dataset.idnumber);
    if (!hint) return;
    var n = digits.length, kind = n === 16 ? 'nik' : n === 13 ? 'card' : null;
    hint.textContent = kind ? hint.dataset[kind] : hint.dataset.count.replace('#', n);
    hint.className = 'hint ' + (kind ? 'good' : n > 0 ? 'bad' : '');
  });

  // One Idempotency-Key per click intent of "call next": a retry of the same request carries the same key, a new
  // click gets a new one (data-idempotent names the hidden field to fill).
  document.addEventListener('htmx:configRequest', function (e) {
    var el = e.detail.elt;
    if (el && el.dataset && 'idempotent' in el.dataset) {
      if (!el.dataset.intent) el.dataset.intent = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
      e.detail.headers['Idempotency-Key'] = el.dataset.intent;
    }
  });
  document.addEventListener('htmx:afterRequest', function (e) {
    var el = e.detail.elt;
    // answered (whatever the answer): the intent is spent; not answered (sendError): keep it for the retry
    if (el && el.dataset && el.dataset.intent && e.detail.xhr && e.detail.xhr.status) delete el.dataset.intent;
  });

  document.addEventListener('DOMContentLoaded', function () {
    applyShortcuts();
    restoreForms();
    offline(!navigator.onLine);
    tick();
  });
})();
