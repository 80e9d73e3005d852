// The login page: posts the credentials as JSON and goes back to the page that asked for a login.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('login-form');
  const message = document.getElementById('notice');
  form.username.focus();

  // Where to go after the login: a path of this server, else the dashboard. Browsers drop tabs and
  // line breaks from a URL and read "\" as "/", so "/<tab>/elsewhere" or "/\elsewhere" would leave
  // the site: a path must start with one "/", and hold no backslash and no control character.
  function target() {
    const next = new URLSearchParams(location.search).get('next');
    if (!next || !next.startsWith('/') || next.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(next)) {
      return '/';
    }
    const url = new URL(next, location.origin);
    return url.origin === location.origin ? url.pathname + url.search + url.hash : '/';
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    message.className = 'notice';
    message.textContent = '';
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const response = await fetch('/auth/login', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: form.username.value, password: form.password.value }),
      });
      if (response.ok) {
        location.replace(target());
        return;
      }
      const body = await response.json().catch(() => ({}));
      message.className = 'notice bad';
      if (response.status === 429) {
        message.textContent = 'Too many failed attempts. Try again in ' + (response.headers.get('Retry-After') || 'a few')
          + ' seconds.';
      } else if (response.status === 401) {
        message.textContent = 'Wrong username or password.';
        form.password.value = '';
        form.password.focus();
      } else {
        message.textContent = body.error || ('Login failed (' + response.status + ').');
      }
    } catch (error) {
      message.className = 'notice bad';
      message.textContent = 'Cannot reach the gateway: ' + error.message;
    } finally {
      button.disabled = false;
    }
  });
});
