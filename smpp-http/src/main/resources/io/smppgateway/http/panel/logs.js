// PDU logs: filter by date and SMSC/ESME, view a file in the page, download one or several.
'use strict';

(() => {
  const { api, el, clear, formatBytes, notice, showFieldErrors, clearFieldErrors } = Panel;
  const VIEW_LIMIT = 2 * 1024 * 1024;
  const form = document.getElementById('log-filter');
  const downloadSelected = document.getElementById('download-selected');
  let side = 'gateways';

  function isoDay(date) {
    return date.getFullYear() + '-' + String(date.getMonth() + 1).padStart(2, '0') + '-'
      + String(date.getDate()).padStart(2, '0');
  }

  function downloadUrl(ids) {
    const query = new URLSearchParams();
    for (const id of ids) query.append('files[]', id);
    return '/api/' + side + '/logs/download?' + query.toString();
  }

  async function loadPeers() {
    const select = clear(document.getElementById('peers'));
    document.getElementById('peers-label').textContent = side === 'gateways' ? 'SMSC' : 'ESME';
    const answer = await api('GET', '/api/' + side);
    if (answer.status !== 200) return;
    if (side === 'gateways') {
      for (const g of answer.data.gateways) select.append(el('option', { value: g.smsc_id, text: g.smsc_id }));
    } else {
      for (const c of answer.data.clients) {
        select.append(el('option', { value: String(c.id), text: c.username + ' (#' + c.id + ')' }));
      }
    }
  }

  async function view(file) {
    const id = file.date + file.name;
    const answer = await fetch(downloadUrl([id]), { credentials: 'same-origin', cache: 'no-store' });
    const viewer = document.getElementById('viewer');
    if (!answer.ok) {
      notice('Cannot read ' + id + ' (' + answer.status + ')', false);
      return;
    }
    const text = await answer.text();
    document.getElementById('viewer-title').textContent = id;
    document.getElementById('viewer-note').textContent = text.length > VIEW_LIMIT
      ? 'Showing the first ' + formatBytes(VIEW_LIMIT) + '; download the file for all of it.' : '';
    document.getElementById('log-text').textContent = text.length > VIEW_LIMIT ? text.slice(0, VIEW_LIMIT) : text;
    viewer.hidden = false;
    document.getElementById('log-text').focus();
  }

  function updateSelection() {
    const checked = document.querySelectorAll('#log-files input[type="checkbox"]:checked');
    downloadSelected.disabled = checked.length === 0;
    downloadSelected.textContent = checked.length > 1
      ? 'Download ' + checked.length + ' selected (ZIP)' : 'Download selected';
  }

  async function search(event) {
    if (event) event.preventDefault();
    clearFieldErrors(form);
    const query = new URLSearchParams();
    query.set('dateFrom', form.dateFrom.value);
    query.set('dateTo', form.dateTo.value);
    const filter = side === 'gateways' ? 'smscIds[]' : 'clientIds[]';
    for (const option of form.peers.selectedOptions) query.append(filter, option.value);
    const answer = await api('GET', '/api/' + side + '/logs?' + query.toString());
    const tbody = clear(document.querySelector('#log-files tbody'));
    if (answer.status !== 200) {
      const orphans = showFieldErrors(form, answer.data.fields);
      notice((answer.data.error || 'Cannot list the logs') + (orphans.length ? ' ' + orphans.join('; ') : ''), false);
      updateSelection();
      return;
    }
    notice('', true);
    if (answer.data.length === 0) {
      tbody.append(el('tr', {}, el('td', { colspan: 6, class: 'empty', text: 'No log files for these dates.' })));
    }
    for (const file of answer.data) {
      const id = file.date + file.name;
      tbody.append(el('tr', { 'data-file-id': id },
        el('td', {}, el('input', { type: 'checkbox', value: id, 'aria-label': 'Select ' + id, onchange: updateSelection })),
        el('td', { text: file.date }),
        el('td', { text: file.name }),
        el('td', { class: 'num', text: formatBytes(file.size) }),
        el('td', { text: file.modTimeUtc }),
        el('td', {}, el('div', { class: 'actions' },
          el('button', { type: 'button', onclick: () => view(file), 'aria-label': 'View ' + id, text: 'View' }),
          el('a', { class: 'button', href: downloadUrl([id]), download: id, 'aria-label': 'Download ' + id,
            text: 'Download' })))));
    }
    updateSelection();
  }

  Panel.start(async () => {
    const today = new Date();
    const yesterday = new Date(today.getTime() - 24 * 3600 * 1000);
    form.dateFrom.value = isoDay(yesterday);
    form.dateTo.value = isoDay(today);
    for (const radio of form.querySelectorAll('input[name="side"]')) {
      radio.addEventListener('change', async () => {
        side = radio.value;
        await loadPeers();
        await search();
      });
    }
    form.addEventListener('submit', search);
    downloadSelected.addEventListener('click', () => {
      const ids = [...document.querySelectorAll('#log-files input[type="checkbox"]:checked')].map(box => box.value);
      if (ids.length === 0) return;
      const link = el('a', { href: downloadUrl(ids), download: ids.length > 1 ? side + '-logs.zip' : ids[0] });
      document.body.append(link);
      link.click();
      link.remove();
    });
    await loadPeers();
    await search();
  });
})();
