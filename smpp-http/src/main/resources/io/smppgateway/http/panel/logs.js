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

  // What the viewer holds: the file's text (at most VIEW_LIMIT), and when following, where to read on.
  const viewed = { id: null, side: null, text: '', note: '', next: null, timer: null, round: 0 };
  const FOLLOW_EVERY_MS = 2000;
  // an entry starts at its header line: LEVEL[yyyy-MM-dd hh:mm:ss][session]: ...
  const ENTRY_START = /^(?=[A-Z]+\[\d{4}-\d\d-\d\d )/m;
  // the gateway's own log: an event starts with its ISO time
  const EVENT_START = /^(?=\d{4}-\d\d-\d\dT)/m;
  const DAEMON_LINES = 1000;

  /** Shows the held text, only the entries that contain the search term when there is one. */
  function render() {
    const term = document.getElementById('log-search').value.trim().toLowerCase();
    const pre = document.getElementById('log-text');
    let shown = viewed.text;
    let note = viewed.note;
    if (term !== '') {
      const entries = viewed.text.split(viewed.side === 'daemon' ? EVENT_START : ENTRY_START);
      const matching = entries.filter(entry => entry.toLowerCase().includes(term));
      shown = matching.join('');
      note = matching.length + ' of ' + entries.length + ' entries contain "' + term + '".' + (note ? ' ' + note : '');
    }
    document.getElementById('viewer-note').textContent = note;
    pre.textContent = shown;
  }

  /** Keeps the text within VIEW_LIMIT by dropping its oldest lines. */
  function hold(text) {
    if (text.length <= VIEW_LIMIT) return text;
    const cut = text.indexOf('\n', text.length - VIEW_LIMIT);
    return cut < 0 ? text.slice(text.length - VIEW_LIMIT) : text.slice(cut + 1);
  }

  function stopFollowing() {
    if (viewed.timer) clearTimeout(viewed.timer);
    viewed.timer = null;
    // a read still on its way belongs to the stopped round and is dropped
    viewed.round++;
  }

  async function readOn(round) {
    if (viewed.side === 'daemon') {
      const answer = await api('GET', '/api/logs/daemon?lines=' + DAEMON_LINES);
      if (round !== viewed.round || !document.getElementById('log-follow').checked) return;
      if (answer.status === 200) {
        showDaemonLog(answer.data.lines, 'Following: the newest events at the end, read every 2 seconds.');
        viewed.timer = setTimeout(() => readOn(round), FOLLOW_EVERY_MS);
      }
      return;
    }
    const query = new URLSearchParams({ file: viewed.id });
    if (viewed.next !== null) query.set('from', String(viewed.next));
    const answer = await api('GET', '/api/' + viewed.side + '/logs/tail?' + query.toString());
    if (round !== viewed.round || !document.getElementById('log-follow').checked) return;
    if (answer.status === 200) {
      const tail = answer.data;
      const pre = document.getElementById('log-text');
      // the view stays at the newest lines unless the reader scrolled up
      const atEnd = viewed.next === null || pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
      viewed.text = hold(viewed.next === null || tail.restarted ? tail.text : viewed.text + tail.text);
      viewed.next = tail.next;
      viewed.note = 'Following: the newest lines at the end, read every 2 seconds (' + formatBytes(tail.size) + ' in all).';
      render();
      if (atEnd) pre.scrollTop = pre.scrollHeight;
    } else {
      viewed.note = 'Cannot read on (' + answer.status + '); following stopped.';
      document.getElementById('log-follow').checked = false;
      render();
      return;
    }
    viewed.timer = setTimeout(() => readOn(round), FOLLOW_EVERY_MS);
  }

  async function follow() {
    stopFollowing();
    if (!document.getElementById('log-follow').checked || !viewed.id) return;
    // from the last lines on: a large file is never read whole for this
    viewed.next = null;
    await readOn(viewed.round);
  }

  function showDaemonLog(lines, note) {
    const pre = document.getElementById('log-text');
    const atEnd = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
    viewed.text = lines.length ? lines.join('\n') + '\n' : '';
    viewed.note = note;
    render();
    if (atEnd) pre.scrollTop = pre.scrollHeight;
  }

  /** The gateway's own recent log (this instance's), in the viewer: searchable and followed as a file is. */
  async function viewDaemonLog() {
    stopFollowing();
    document.getElementById('log-follow').checked = false;
    const answer = await api('GET', '/api/logs/daemon?lines=' + DAEMON_LINES);
    if (answer.status !== 200) {
      notice('Cannot read the gateway\'s log (' + answer.status + ')', false);
      return;
    }
    viewed.id = 'daemon';
    viewed.side = 'daemon';
    document.getElementById('viewer-title').textContent = 'The gateway\'s own log (this instance, last events)';
    document.getElementById('viewer').hidden = false;
    showDaemonLog(answer.data.lines, 'The last ' + answer.data.lines.length + ' events this instance logged, oldest first.');
    const pre = document.getElementById('log-text');
    pre.scrollTop = pre.scrollHeight;
    pre.focus();
  }

  async function view(file) {
    stopFollowing();
    document.getElementById('log-follow').checked = false;
    const id = file.date + file.name;
    const answer = await fetch(downloadUrl([id]), { credentials: 'same-origin', cache: 'no-store' });
    const viewer = document.getElementById('viewer');
    if (!answer.ok) {
      notice('Cannot read ' + id + ' (' + answer.status + ')', false);
      return;
    }
    const text = await answer.text();
    viewed.id = id;
    viewed.side = side;
    viewed.text = text.length > VIEW_LIMIT ? text.slice(0, VIEW_LIMIT) : text;
    viewed.note = text.length > VIEW_LIMIT
      ? 'Showing the first ' + formatBytes(VIEW_LIMIT) + '; download the file for all of it, or follow its newest lines.' : '';
    document.getElementById('viewer-title').textContent = id;
    render();
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
    document.getElementById('log-search').addEventListener('input', render);
    document.getElementById('log-follow').addEventListener('change', follow);
    document.getElementById('daemon-log').addEventListener('click', viewDaemonLog);
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
