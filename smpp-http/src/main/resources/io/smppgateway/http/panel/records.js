// A page of stored records (gateways, clients): the table, and an editor to add, edit, enable or
// disable and delete them, with the API's validation messages shown next to their fields. Each
// page says which records, their fields and their table row.
'use strict';

Panel.recordsPage = (page) => {
  const { api, el, clear, notice, buildForm, fillForm, readForm, showFieldErrors, clearFieldErrors, liveText } = Panel;
  // page: { noun: 'gateway', path: '/api/gateways', list: 'gateways', nameOf: g => g.smsc_id, fields,
  //         firstField, owner: 'gateway_id', columns, deleteWarning, row: (record, bound, buttons) => [cells] }
  const editor = document.getElementById('editor');
  const form = document.getElementById(page.noun + '-form');
  let editingId = null;

  function openEditor(record) {
    editingId = record ? record.id : null;
    document.getElementById('editor-title').textContent = record
      ? 'Edit ' + page.noun + ' ' + page.nameOf(record) : 'Add a ' + page.noun;
    fillForm(form, page.fields, record);
    clearFieldErrors(form);
    editor.hidden = false;
    form.elements.namedItem(page.firstField).focus();
  }

  function closeEditor() {
    editor.hidden = true;
    editingId = null;
    document.getElementById('add').focus();
  }

  async function save(event) {
    event.preventDefault();
    const body = readForm(form, page.fields, editingId !== null);
    const answer = editingId === null
      ? await api('POST', page.path, body)
      : await api('PUT', page.path + '/' + editingId, body);
    if (answer.status === 200 || answer.status === 201) {
      notice('Saved ' + page.noun + ' ' + page.nameOf(answer.data) + '.' + liveText(answer.data.live), true);
      closeEditor();
      await load();
      return;
    }
    const orphans = showFieldErrors(form, answer.data.fields);
    notice((answer.data.error || 'Not saved (' + answer.status + ')') + (orphans.length ? ' ' + orphans.join('; ') : ''), false);
  }

  async function setEnabled(record, enabled) {
    const answer = await api('PUT', page.path + '/' + record.id, { enabled });
    if (answer.status === 200) {
      notice((enabled ? 'Enabled ' : 'Disabled ') + page.nameOf(record) + '.' + liveText(answer.data.live), true);
    } else {
      notice(answer.data.error || 'Not changed', false);
    }
    await load();
  }

  async function remove(record) {
    if (!confirm('Delete ' + page.noun + ' ' + page.nameOf(record) + '? ' + page.deleteWarning)) return;
    const answer = await api('DELETE', page.path + '/' + record.id);
    if (answer.status === 200) notice('Deleted ' + page.noun + ' ' + page.nameOf(record) + '.' + liveText(answer.data.live), true);
    else notice(answer.data.error || 'Not deleted', false);
    await load();
  }

  function buttons(record) {
    const name = page.nameOf(record);
    return el('div', { class: 'actions' },
      el('button', { type: 'button', onclick: () => openEditor(record), 'aria-label': 'Edit ' + name, text: 'Edit' }),
      el('button', { type: 'button', onclick: () => setEnabled(record, !record.enabled),
        'aria-label': (record.enabled ? 'Disable ' : 'Enable ') + name, text: record.enabled ? 'Disable' : 'Enable' }),
      el('button', { type: 'button', class: 'danger', onclick: () => remove(record), 'aria-label': 'Delete ' + name,
        text: 'Delete' }));
  }

  async function load() {
    const answer = await api('GET', page.path);
    const tbody = clear(document.querySelector('#' + page.list + ' tbody'));
    if (answer.status !== 200) {
      notice(answer.data.error || 'Cannot load the ' + page.list, false);
      return;
    }
    const connections = [...answer.data.connections.BIND_TX, ...answer.data.connections.BIND_RX,
      ...answer.data.connections.BIND_TRX];
    if (answer.data[page.list].length === 0) {
      tbody.append(el('tr', {}, el('td', { colspan: page.columns, class: 'empty', text: 'No ' + page.list + ' yet.' })));
    }
    for (const record of answer.data[page.list]) {
      const bound = connections.filter(c => c[page.owner] === record.id && c.status.startsWith('BOUND'));
      tbody.append(page.row(record, bound, buttons(record)));
    }
  }

  Panel.start(async () => {
    buildForm(form, page.fields);
    form.addEventListener('submit', save);
    document.getElementById('add').addEventListener('click', () => openEditor(null));
    document.getElementById('cancel').addEventListener('click', closeEditor);
    await load();
  });
};
