// Clients (ESME accounts): list, add, edit, enable/disable, delete, with the API's validation.
'use strict';

(() => {
  const { api, el, clear, formatTime, enabledBadge, perInstance, notice, buildForm, fillForm, readForm, showFieldErrors,
    clearFieldErrors, liveText } = Panel;

  const FIELDS = [
    { name: 'username', label: 'Username (system_id)', type: 'text', maxlength: 16, required: true, hint: 'Up to 16 characters' },
    { name: 'password', label: 'Password', type: 'text', maxlength: 9, hint: 'Up to 9 characters' },
    { name: 'allow_ip', label: 'Allowed IPv4 addresses', type: 'text', maxlength: 255, wide: true, hint: 'Comma-separated, e.g. 11.22.33.44,55.66.77.88; empty admits any address' },
    { name: 'throughput', label: 'Throughput (SMS per minute per bind)', type: 'number', min: 0, max: 3000, default: 0, hint: '0 to 3000; 0 = no limit' },
    { name: 'binds', label: 'Binds', type: 'number', min: 0, max: 30, required: true, default: 1, hint: 'Simultaneous connections, 0 to 30' },
    { name: 'enabled', label: 'Enabled', type: 'checkbox', default: true },
  ];

  const editor = document.getElementById('editor');
  const form = document.getElementById('client-form');
  let editingId = null;

  function openEditor(client) {
    editingId = client ? client.id : null;
    document.getElementById('editor-title').textContent = client ? 'Edit client ' + client.username : 'Add a client';
    fillForm(form, FIELDS, client);
    clearFieldErrors(form);
    editor.hidden = false;
    form.elements.namedItem('username').focus();
  }

  function closeEditor() {
    editor.hidden = true;
    editingId = null;
    document.getElementById('add').focus();
  }

  async function save(event) {
    event.preventDefault();
    const body = readForm(form, FIELDS, editingId !== null);
    const answer = editingId === null
      ? await api('POST', '/api/clients', body)
      : await api('PUT', '/api/clients/' + editingId, body);
    if (answer.status === 200 || answer.status === 201) {
      notice('Saved client ' + answer.data.username + '.' + liveText(answer.data.live), true);
      closeEditor();
      await load();
      return;
    }
    const orphans = showFieldErrors(form, answer.data.fields);
    notice((answer.data.error || 'Not saved (' + answer.status + ')') + (orphans.length ? ' ' + orphans.join('; ') : ''), false);
  }

  async function setEnabled(client, enabled) {
    const answer = await api('PUT', '/api/clients/' + client.id, { enabled });
    if (answer.status === 200) {
      notice((enabled ? 'Enabled ' : 'Disabled ') + client.username + '.' + liveText(answer.data.live), true);
    } else {
      notice(answer.data.error || 'Not changed', false);
    }
    await load();
  }

  async function remove(client) {
    if (!confirm('Delete client ' + client.username + '? Its ESMEs are unbound at once.')) return;
    const answer = await api('DELETE', '/api/clients/' + client.id);
    if (answer.status === 200) notice('Deleted client ' + client.username + '.' + liveText(answer.data.live), true);
    else notice(answer.data.error || 'Not deleted', false);
    await load();
  }

  async function load() {
    const answer = await api('GET', '/api/clients');
    const tbody = clear(document.querySelector('#clients tbody'));
    if (answer.status !== 200) {
      notice(answer.data.error || 'Cannot load the clients', false);
      return;
    }
    const connections = [...answer.data.connections.BIND_TX, ...answer.data.connections.BIND_RX,
      ...answer.data.connections.BIND_TRX];
    if (answer.data.clients.length === 0) {
      tbody.append(el('tr', {}, el('td', { colspan: 8, class: 'empty', text: 'No clients yet.' })));
    }
    for (const c of answer.data.clients) {
      const boundConnections = connections.filter(k => k.client_id === c.id && k.status.startsWith('BOUND'));
      const bound = boundConnections.length;
      tbody.append(el('tr', { 'data-username': c.username },
        el('td', { class: 'num', text: c.id }),
        el('th', { scope: 'row', text: c.username }),
        el('td', { text: c.allow_ip || 'any' }),
        el('td', { class: 'num', text: c.throughput === 0 ? 'no limit' : c.throughput }),
        el('td', { class: 'num', title: perInstance(boundConnections), text: bound + ' / ' + c.binds }),
        el('td', {}, enabledBadge(c.enabled)),
        el('td', { text: formatTime(c.updated) }),
        el('td', {}, el('div', { class: 'actions' },
          el('button', { type: 'button', onclick: () => openEditor(c), 'aria-label': 'Edit ' + c.username, text: 'Edit' }),
          el('button', { type: 'button', onclick: () => setEnabled(c, !c.enabled),
            'aria-label': (c.enabled ? 'Disable ' : 'Enable ') + c.username, text: c.enabled ? 'Disable' : 'Enable' }),
          el('button', { type: 'button', class: 'danger', onclick: () => remove(c), 'aria-label': 'Delete ' + c.username,
            text: 'Delete' })))));
    }
  }

  Panel.start(async () => {
    buildForm(form, FIELDS);
    form.addEventListener('submit', save);
    document.getElementById('add').addEventListener('click', () => openEditor(null));
    document.getElementById('cancel').addEventListener('click', closeEditor);
    await load();
  });
})();
