// Shared by every page of the admin panel: the session, API calls with the CSRF token, safe DOM
// building (text only, never HTML from data), field error display, the header's logout.
'use strict';

const Panel = (() => {
  let csrfToken = null;

  /** Sends the browser to the login page; the promise never settles, so the page's work just stops. */
  function toLogin() {
    const next = location.pathname + location.search;
    location.replace('/login.html?next=' + encodeURIComponent(next));
    return new Promise(() => {});
  }

  /** The current session; sends the browser to the login page when there is none. */
  async function session() {
    const response = await fetch('/auth/session', { credentials: 'same-origin', cache: 'no-store' });
    if (response.status === 401) return toLogin();
    const body = await response.json();
    csrfToken = body.csrf_token;
    const who = document.getElementById('who-name');
    if (who) who.textContent = body.username;
    return body;
  }

  /** Calls the API; resolves to {status, data}, data parsed when the answer is JSON. */
  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken || '';
    const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    if (response.status === 401) return toLogin();
    const type = response.headers.get('Content-Type') || '';
    const data = type.startsWith('application/json') ? await response.json() : await response.text();
    return { status: response.status, data };
  }

  /** An element with attributes and children; strings become text nodes, so data is never parsed as HTML. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = String(value);
      else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  /**
   * The one form the panel shows a moment in, as the API's *_iso fields: ISO 8601 in UTC with
   * milliseconds (2024-07-26T07:55:52.913Z); empty for none.
   */
  function formatMillis(unixMillis) {
    if (!unixMillis) return '';
    return new Date(unixMillis).toISOString();
  }

  /** Unix seconds (the lists' connected, updated, started...) in the panel's one form. */
  function formatTime(unixSeconds) {
    return unixSeconds ? formatMillis(unixSeconds * 1000) : '';
  }

  function formatBytes(bytes) {
    if (bytes < 1024) return bytes + ' B';
    if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + ' KiB';
    return (bytes / 1024 / 1024).toFixed(1) + ' MiB';
  }

  /** Shows a message in the page's status region. */
  function notice(text, ok) {
    const region = document.getElementById('notice');
    if (!region) return;
    region.className = 'notice ' + (ok ? 'ok' : 'bad');
    region.textContent = text;
  }

  /** Clears every field error of a form. */
  function clearFieldErrors(form) {
    for (const span of form.querySelectorAll('.field-error')) span.textContent = '';
    for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  }

  /** Puts the API's per-field messages next to their fields; focuses the first. Returns messages with no field. */
  function showFieldErrors(form, fields) {
    clearFieldErrors(form);
    const orphans = [];
    let first = null;
    for (const [name, message] of Object.entries(fields || {})) {
      const input = form.elements.namedItem(name);
      const span = form.querySelector('[data-error-for="' + CSS.escape(name) + '"]');
      if (input && span) {
        span.textContent = message;
        input.setAttribute('aria-invalid', 'true');
        if (!first) first = input;
      } else {
        orphans.push(name + ': ' + message);
      }
    }
    if (first) first.focus();
    return orphans;
  }

  function statusBadge(status) {
    const kind = status.startsWith('BOUND') ? 'ok' : (status === 'CLOSED' ? 'bad' : 'warn');
    return el('span', { class: 'badge ' + kind, text: status });
  }

  function enabledBadge(enabled) {
    return el('span', { class: 'badge ' + (enabled ? 'ok' : 'off'), text: enabled ? 'enabled' : 'disabled' });
  }

  // An instance as an operator tells it apart: its host, and the start of its id (two may share a host).
  function instanceName(connection) {
    return (connection.instanceHost || '?') + ' · ' + (connection.instance || '').slice(0, 8);
  }

  // How many of these connections each instance holds, e.g. "2 on gw-a · 4f3c2b1a, 1 on gw-b · 9b8a7c6d".
  function perInstance(connections) {
    const counts = new Map();
    for (const c of connections) counts.set(instanceName(c), (counts.get(instanceName(c)) || 0) + 1);
    return [...counts].map(([name, count]) => count + ' on ' + name).join(', ');
  }


  /**
   * Builds a record form from a field list: each field with its label, its limits as a hint, and
   * a place for the API's message about it. Field names are the API's JSON names.
   */
  function buildForm(form, fields) {
    clear(form);
    for (const f of fields) {
      const id = form.id + '-' + f.name;
      const hintId = id + '-hint';
      const errorId = id + '-error';
      const described = (f.hint ? hintId + ' ' : '') + errorId;
      let control;
      if (f.type === 'checkbox') {
        control = el('input', { type: 'checkbox', id, name: f.name, 'aria-describedby': described });
        form.append(el('div', { class: 'field check' },
          el('label', { for: id }, control, f.label),
          f.hint ? el('span', { class: 'hint', id: hintId, text: f.hint }) : null,
          el('span', { class: 'field-error', id: errorId, 'data-error-for': f.name, 'aria-live': 'polite' })));
        continue;
      }
      if (f.type === 'select') {
        control = el('select', { id, name: f.name, 'aria-describedby': described },
          ...f.options.map(o => el('option', { value: o, text: o })));
      } else {
        control = el('input', {
          type: f.type, id, name: f.name, maxlength: f.maxlength, min: f.min, max: f.max,
          required: f.required, autocomplete: f.type === 'password' ? 'new-password' : 'off',
          inputmode: f.type === 'number' ? 'numeric' : null, 'aria-describedby': described,
        });
      }
      form.append(el('div', { class: 'field' + (f.wide ? ' wide' : '') },
        el('label', { for: id, text: f.label + (f.required ? ' *' : '') }),
        control,
        f.hint ? el('span', { class: 'hint', id: hintId, text: f.hint }) : null,
        el('span', { class: 'field-error', id: errorId, 'data-error-for': f.name, 'aria-live': 'polite' })));
    }
  }

  /** Puts a record's values (or the defaults) into the form. */
  function fillForm(form, fields, record) {
    for (const f of fields) {
      const input = form.elements.namedItem(f.name);
      const value = record && record[f.name] !== undefined ? record[f.name] : f.default;
      if (f.type === 'checkbox') input.checked = Boolean(value);
      else if (f.type === 'password' && f.keepWhenEmpty && record) input.value = '';
      else input.value = value === undefined || value === null ? '' : String(value);
    }
  }

  /**
   * The JSON body a form describes. Empty inputs are left out, so the API names a missing required
   * field; numbers go as numbers when they are numbers, as typed otherwise (the API says what is wrong).
   */
  function readForm(form, fields, editing) {
    const body = {};
    for (const f of fields) {
      const input = form.elements.namedItem(f.name);
      if (f.type === 'checkbox') {
        body[f.name] = input.checked;
      } else if (f.type === 'number') {
        const text = input.value.trim();
        if (text !== '') body[f.name] = /^-?\d+$/.test(text) ? Number(text) : text;
      } else if (f.type === 'password' && f.keepWhenEmpty && editing && input.value === '') {
        // left empty while editing: keep the stored password
      } else if (input.value !== '' || !f.required) {
        body[f.name] = input.value;
      }
    }
    return body;
  }

  /** The sentence the answer's "live" member gives, for the notice after a change. */
  function liveText(live) {
    if (!live) return '';
    return ' Live connections: ' + live.action + (live.message ? ' (' + live.message + ')' : '') + '.';
  }

  function wireHeader() {
    const current = location.pathname === '/' ? '/index.html' : location.pathname;
    for (const link of document.querySelectorAll('header.top nav a')) {
      if (link.getAttribute('href') === current) link.setAttribute('aria-current', 'page');
    }
    const logout = document.getElementById('logout');
    if (logout) {
      logout.addEventListener('click', async () => {
        await api('POST', '/auth/logout');
        location.replace('/login.html');
      });
    }
  }

  /**
   * Starts a page: header, session, then the page's own start function. Controls marked data-needs-script come
   * disabled in the page and are enabled only once that function has wired them, so an early click is never lost.
   */
  function start(pageStart) {
    document.addEventListener('DOMContentLoaded', async () => {
      wireHeader();
      await session();
      try {
        await pageStart();
      } finally {
        for (const control of document.querySelectorAll('[data-needs-script]')) control.disabled = false;
      }
    });
  }

  return { api, el, clear, formatTime, formatMillis, formatBytes, notice, clearFieldErrors, showFieldErrors, statusBadge,
    enabledBadge, instanceName, perInstance, buildForm, fillForm, readForm, liveText, start };
})();
