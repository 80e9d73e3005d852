// Messages: send a test SMS through POST /api/messages and follow its timeline as the DLR_IN events
// arrive; find any message by its msg_id or the SMSC's id.
'use strict';

(() => {
  const { api, el, clear, formatMillis, notice, showFieldErrors, clearFieldErrors } = Panel;
  const FOLLOW_EVERY_MS = 1000;
  const FOLLOW_FOR_MS = 60 * 1000;
  const FINAL = new Set(['delivered', 'undelivered', 'rejected', 'expired', 'unknown']);
  const sendForm = document.getElementById('send-form');
  const findForm = document.getElementById('find-form');
  let following = null;

  function stopFollowing() {
    if (following) clearTimeout(following);
    following = null;
  }

  /** Whether every segment the message has (at least one) reached a final status. */
  function settled(message) {
    return message.segments.length > 0 && message.segments.every(s => FINAL.has(s.status))
      && message.segments.length >= (message.segments[0].total_parts || 1);
  }

  function show(message, status) {
    document.getElementById('message').hidden = false;
    document.getElementById('message-title').textContent = 'Message ' + message.msg_id;
    document.getElementById('message-status').textContent = status;
    const timeline = clear(document.querySelector('#timeline tbody'));
    if (message.timeline.length === 0) {
      timeline.append(el('tr', {}, el('td', { colspan: 5, class: 'empty', text: 'Nothing yet.' })));
    }
    for (const e of message.timeline) {
      const where = e.smsc_id || (e.client_id ? 'client #' + e.client_id : '');
      timeline.append(el('tr', { 'data-event': e.event },
        el('td', {}, el('time', { datetime: e.time_iso, text: formatMillis(e.time) })),
        el('td', {}, el('span', { class: 'badge ' + badgeKind(e.event), text: e.event })),
        el('td', { text: where }),
        el('td', { class: 'num', text: e.part_number || '' }),
        el('td', { text: e.detail + (e.gateway_msg_id ? ' (' + e.gateway_msg_id + ')' : '') })));
    }
    const segments = clear(document.querySelector('#segments tbody'));
    if (message.segments.length === 0) {
      segments.append(el('tr', {}, el('td', { colspan: 8, class: 'empty',
        text: message.issued ? 'Issued to client #' + message.issued.client_id + ' at '
          + formatMillis(message.issued.submit_time) + ', to ' + message.issued.dest_addr + ': "'
          + message.issued.text_start + '"'
          : 'No segment stored yet: a row is written once the SMSC answered the submit_sm.' })));
    }
    for (const s of message.segments) {
      segments.append(el('tr', {},
        el('td', { class: 'num', text: s.part_number + '/' + s.total_parts }),
        el('td', { text: s.smsc_id }),
        el('td', {}, el('span', { class: 'badge ' + badgeKind(s.status), text: s.status })),
        el('td', { class: 'num', text: s.err_code }),
        el('td', { text: s.gateway_msg_id || '' }),
        el('td', { text: formatMillis(s.acpt_time) }),
        el('td', { text: formatMillis(s.smsc_time || s.sent_time) }),
        el('td', { text: formatMillis(s.dlr_time) })));
    }
    document.getElementById('dlr-in').textContent = message.dlr_in.length
      ? message.dlr_in.map(event => JSON.stringify(event)).join('\n')
      : 'None seen here (only messages sent from this page or POST /api/messages on this instance are followed).';
    const entries = message.pdu_log.entries;
    document.getElementById('pdu-note').textContent = entries.length === 0 ? ''
      : entries.length + ' entries of the last days' + (message.pdu_log.complete ? '' : ' (the search was cut short: there may be more)');
    document.getElementById('pdu-log').textContent = entries.length
      ? entries.map(entry => '# ' + entry.file + '\n' + entry.text).join('\n\n')
      : 'No PDU log entry mentions it yet.';
  }

  function badgeKind(event) {
    if (event === 'delivered') return 'ok';
    if (FINAL.has(event)) return 'bad';
    return event === 'sent' ? 'ok' : 'off';
  }

  /** Polls the message every second until it is settled or a minute has passed. */
  async function follow(msgId, started) {
    const answer = await api('GET', '/api/messages/' + encodeURIComponent(msgId));
    const elapsed = Date.now() - started;
    if (answer.status === 200) {
      const done = settled(answer.data);
      show(answer.data, done ? 'Final status reached.'
        : elapsed < FOLLOW_FOR_MS ? 'Following: refreshed every second for up to a minute…' : 'Stopped following after a minute.');
      if (done) return;
    }
    if (elapsed < FOLLOW_FOR_MS) {
      following = setTimeout(() => follow(msgId, started), FOLLOW_EVERY_MS);
    }
  }

  async function send(event) {
    event.preventDefault();
    stopFollowing();
    clearFieldErrors(sendForm);
    const body = {};
    for (const name of ['smsc_id', 'sender', 'receiver', 'message', 'msg_id']) {
      const value = sendForm.elements.namedItem(name).value;
      if (value !== '') body[name] = value;
    }
    const coding = sendForm.elements.namedItem('data_coding').value;
    if (coding !== '') body.data_coding = Number(coding);
    const answer = await api('POST', '/api/messages', body);
    if (answer.status !== 202) {
      const orphans = showFieldErrors(sendForm, answer.data.fields);
      notice((answer.data.error || 'The message was not sent (' + answer.status + ')')
        + (orphans.length ? ' ' + orphans.join('; ') : ''), false);
      return;
    }
    notice('Published on SMS_OUT as ' + answer.data.msg_id + ' through ' + answer.data.smsc_id + '.', true);
    findForm.elements.namedItem('id').value = answer.data.msg_id;
    await follow(answer.data.msg_id, Date.now());
  }

  async function find(event) {
    event.preventDefault();
    stopFollowing();
    clearFieldErrors(findForm);
    const id = findForm.elements.namedItem('id').value.trim();
    if (id === '') {
      showFieldErrors(findForm, { id: 'required' });
      return;
    }
    const byMsgId = await api('GET', '/api/messages/' + encodeURIComponent(id));
    if (byMsgId.status === 200) {
      notice('', true);
      await follow(id, Date.now());
      return;
    }
    const byGatewayId = await api('GET', '/api/messages?gateway_msg_id=' + encodeURIComponent(id));
    if (byGatewayId.status === 200 && byGatewayId.data.length > 0) {
      const found = byGatewayId.data[0];
      notice('Found by the SMSC\'s id' + (byGatewayId.data.length > 1
        ? ' (' + byGatewayId.data.length + ' messages have it; showing the first)' : '') + '.', true);
      await follow(found.msg_id, Date.now());
      return;
    }
    document.getElementById('message').hidden = true;
    notice('No message has this msg_id or SMSC message id.', false);
  }

  Panel.start(async () => {
    const gateways = await api('GET', '/api/gateways');
    const select = clear(document.getElementById('send-smsc_id'));
    if (gateways.status === 200) {
      for (const g of gateways.data.gateways) {
        select.append(el('option', { value: g.smsc_id, text: g.smsc_id + (g.enabled ? '' : ' (disabled)') }));
      }
    }
    if (select.options.length === 0) select.append(el('option', { value: '', text: 'No gateway configured' }));
    sendForm.addEventListener('submit', send);
    findForm.addEventListener('submit', find);
    const wanted = new URLSearchParams(location.search).get('msg_id');
    if (wanted) {
      findForm.elements.namedItem('id').value = wanted;
      findForm.requestSubmit();
    }
  });
})();
