// The dashboard, an operator's console: health (the database, NSQ, each gateway) and the SMSC binds
// that are down with why and when they try again; messages per second, per SMSC and per ESME, the
// DLR status mix and submit response times from the traffic history the answering instance keeps
// (24 h at 10 s, so the charts start full); live binds and queues polled every two seconds.
// Counters and history are the answering instance's; the connection tables list every instance's
// on the database, each with the instance that holds it. Times are UTC, written the ISO way.
'use strict';

(() => {
  const { api, el, clear, statusBadge, enabledBadge, instanceName, notice } = Panel;
  const POLL_MS = 2000;
  const HISTORY_POLL_MS = 10_000;
  const RANGES = { '1h': { span: 3_600_000, step: '10s' }, '24h': { span: 86_400_000, step: '60s' } };
  const QUANTILES = [['p50', []], ['p95', [7, 5]], ['p99', [2, 4]]];
  let rateChart;
  const latencyCharts = {};
  let previous = null;
  let self = '';
  let historyLoads = 0;

  function setText(id, value) {
    document.getElementById(id).textContent = String(value);
  }

  /** Unix seconds (or ms when asked) as 2026-12-08T01:16:19Z. */
  function isoTime(unix, millis) {
    if (!unix) return '';
    return new Date(millis ? unix : unix * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  function allOf(connections) {
    return [...connections.BIND_TX, ...connections.BIND_RX, ...connections.BIND_TRX];
  }

  // the whole id in the tooltip
  function instanceCell(c) {
    const name = instanceName(c) + (c.instance === self ? ' (this one)' : '');
    return el('td', { class: 'instance', title: 'instance ' + (c.instance || ''), text: name });
  }

  function connectionRows(tbody, connections, names, clientSide) {
    clear(tbody);
    const all = allOf(connections);
    if (all.length === 0) {
      tbody.append(el('tr', {}, el('td', { colspan: clientSide ? 10 : 9, class: 'empty', text: 'No connections' })));
      return;
    }
    for (const c of all) {
      const owner = clientSide ? c.client_id : c.gateway_id;
      const cells = [
        el('td', { text: names.get(owner) || '#' + owner }),
        el('td', { text: c.bindType }),
      ];
      if (clientSide) cells.push(el('td', { text: c.systemType || '' }));
      cells.push(el('td', {}, statusBadge(c.status)), el('td', { text: c.localAddr }), el('td', { text: c.remoteAddr }),
        el('td', { class: 'num', text: c.inflightCount }), el('td', { class: 'num', text: c.queueCount }),
        el('td', { text: isoTime(c.connected) }), instanceCell(c));
      tbody.append(el('tr', { 'data-connection-id': c.connectionId, 'data-instance': c.instance || '' }, ...cells));
    }
  }

  // Every SMSC bind of an enabled gateway that is not bound, on any instance: why, and the next try.
  function bindsDownRows(tbody, list, names) {
    clear(tbody);
    const enabled = new Set(list.gateways.filter(g => g.enabled).map(g => g.id));
    const down = allOf(list.connections).filter(c => enabled.has(c.gateway_id) && !c.status.startsWith('BOUND'));
    if (down.length === 0) {
      tbody.append(el('tr', {}, el('td', { colspan: 7, class: 'empty', text: 'Every bind is up' })));
      return;
    }
    for (const c of down) {
      const why = c.lastError || (c.status === 'DIAL' ? 'connecting' : '');
      const next = c.nextAttempt ? isoTime(c.nextAttempt) : (c.status === 'DIAL' ? 'now' : '');
      tbody.append(el('tr', { 'data-smsc-id': names.get(c.gateway_id) || '', 'data-connection-id': c.connectionId },
        el('td', { text: names.get(c.gateway_id) || '#' + c.gateway_id }),
        el('td', { text: c.bindType }),
        el('td', {}, statusBadge(c.status)),
        el('td', { class: 'why', text: why }),
        el('td', { text: isoTime(c.connected) }),
        el('td', { class: 'next', text: next }),
        instanceCell(c)));
    }
  }

  // Every live instance on the database, with the binds each holds (from the connection lists).
  function instanceRows(tbody, instances, gatewayConnections, clientConnections) {
    clear(tbody);
    const bound = (connections, id) => allOf(connections).filter(c => c.instance === id && c.status.startsWith('BOUND'))
      .length;
    for (const i of instances) {
      const name = instanceName({ instance: i.id, instanceHost: i.host }) + (i.this_instance ? ' (this one)' : '');
      tbody.append(el('tr', { 'data-instance': i.id },
        el('td', { class: 'instance', title: 'instance ' + i.id, text: name }),
        el('td', { text: isoTime(i.started) }),
        el('td', { text: isoTime(i.heartbeat) }),
        el('td', { class: 'num', text: bound(clientConnections, i.id) }),
        el('td', { class: 'num', text: bound(gatewayConnections, i.id) })));
    }
  }

  // Binds up against those configured: the instances share a gateway's binds, so every instance's count.
  function gatewaySummary(tbody, list) {
    clear(tbody);
    if (list.gateways.length === 0) {
      tbody.append(el('tr', {}, el('td', { colspan: 4, class: 'empty' }, 'No gateways yet: ',
        el('a', { href: '/gateways.html', text: 'add one' }))));
      return;
    }
    const all = allOf(list.connections);
    for (const g of list.gateways) {
      const up = all.filter(c => c.gateway_id === g.id && c.status.startsWith('BOUND')).length;
      tbody.append(el('tr', { 'data-smsc-id': g.smsc_id },
        el('td', { text: g.smsc_id }),
        el('td', {}, enabledBadge(g.enabled)),
        el('td', { class: 'num', text: up + ' / ' + (g.tx_binds + g.rx_binds + g.trx_binds) }),
        el('td', { class: 'num', text: g.queue_count })));
    }
  }

  async function refresh() {
    try {
      const [stats, gateways, clients, instances] = await Promise.all([
        api('GET', '/api/stats'), api('GET', '/api/gateways'), api('GET', '/api/clients'), api('GET', '/api/instances')]);
      if (stats.status !== 200 || gateways.status !== 200 || clients.status !== 200 || instances.status !== 200) {
        notice('The gateway did not answer every request; retrying.', false);
        return;
      }
      notice('', true);
      const s = stats.data;
      self = s.instance;
      setText('answering', 'Counters, rates and history of instance ' + instanceName({ instance: s.instance,
        instanceHost: s.instance_host }) + ', the one that answers: each instance keeps its own.'
        + ' The connection tables list every instance\u2019s.');
      if (previous && s.time > previous.time) {
        const seconds = (s.time - previous.time) / 1000;
        setText('rate-in', Math.max(0, (s.messages_in - previous.messages_in) / seconds).toFixed(1));
        setText('rate-out', Math.max(0, (s.messages_out - previous.messages_out) / seconds).toFixed(1));
      }
      previous = s;
      setText('gateway-binds', s.gateway_binds);
      setText('client-binds', s.client_binds);
      setText('queued', gateways.data.gateways.reduce((sum, g) => sum + g.queue_count, 0) + s.queue_count);

      const gatewayNames = new Map(gateways.data.gateways.map(g => [g.id, g.smsc_id]));
      const clientNames = new Map(clients.data.clients.map(c => [c.id, c.username]));
      gatewaySummary(document.querySelector('#gateway-summary tbody'), gateways.data);
      bindsDownRows(document.querySelector('#binds-down tbody'), gateways.data, gatewayNames);
      instanceRows(document.querySelector('#instances tbody'), instances.data.instances, gateways.data.connections,
        clients.data.connections);
      connectionRows(document.querySelector('#gateway-connections tbody'), gateways.data.connections, gatewayNames,
        false);
      connectionRows(document.querySelector('#client-connections tbody'), clients.data.connections, clientNames, true);
    } catch (error) {
      notice('Cannot reach the gateway: ' + error.message, false);
    }
  }

  // GET /api/health answers 503 when a required probe is down: the checks are in the answer either way.
  async function refreshHealth() {
    const list = document.getElementById('health');
    try {
      const health = await api('GET', '/api/health');
      if (!health.data || !Array.isArray(health.data.checks)) return;
      clear(list);
      for (const check of health.data.checks) {
        const up = check.status === 'up';
        list.append(el('li', { 'data-check': check.name, 'data-status': check.status },
          el('span', { class: 'badge ' + (up ? 'ok' : (check.required ? 'bad' : 'warn')), text: up ? 'up' : 'down' }),
          el('span', { class: 'name', text: check.name }),
          check.required ? null : el('span', { class: 'hint', text: '(not required for readiness)' }),
          el('span', { class: 'detail', text: check.detail })));
      }
    } catch (error) {
      clear(list).append(el('li', { class: 'empty', text: 'Health unknown: ' + error.message }));
    }
  }

  const sum = values => values.reduce((total, value) => total + value, 0);

  /** Per second over the last minute of a series of counts per step. */
  function lastMinuteRate(counts, stepSeconds) {
    const steps = Math.max(1, Math.round(60 / stepSeconds));
    return sum(counts.slice(-steps)) / (steps * stepSeconds);
  }

  function peerRows(tbody, traffic) {
    clear(tbody);
    const peers = [
      ...traffic.gateways.map(g => ({ label: g.other ? 'other SMSCs' : 'SMSC ' + g.smsc_id, key: 'smsc:' + g.smsc_id,
        submitted: g.submitted, back: g.received })),
      ...traffic.clients.map(c => ({ label: c.other ? 'other ESMEs' : 'ESME ' + c.username, key: 'esme:' + c.username,
        submitted: c.submitted, back: c.delivered })),
    ];
    if (peers.length === 0) {
      tbody.append(el('tr', {}, el('td', { colspan: 5, class: 'empty', text: 'No traffic in range' })));
      return;
    }
    for (const p of peers) {
      tbody.append(el('tr', { 'data-peer': p.key },
        el('td', { text: p.label }),
        el('td', { class: 'num', text: lastMinuteRate(p.submitted, traffic.step).toFixed(2) }),
        el('td', { class: 'num', text: lastMinuteRate(p.back, traffic.step).toFixed(2) }),
        el('td', { class: 'num', text: sum(p.submitted) }),
        el('td', { class: 'num', text: sum(p.back) })));
    }
  }

  function dlrRows(tbody, traffic) {
    clear(tbody);
    const statuses = traffic.dlr_statuses.map(s => ({ name: s.other ? 'other' : s.status, count: sum(s.counts) }))
      .sort((a, b) => b.count - a.count);
    const total = sum(statuses.map(s => s.count));
    if (total === 0) {
      tbody.append(el('tr', {}, el('td', { colspan: 3, class: 'empty', text: 'No DLR_IN events in range' })));
      return;
    }
    for (const s of statuses) {
      const percent = (100 * s.count / total).toFixed(1) + ' %';
      tbody.append(el('tr', { 'data-status': s.name },
        el('td', { text: s.name }),
        el('td', {}, el('meter', { min: 0, max: total, value: s.count, title: percent, 'aria-label': s.name + ' ' + percent }),
          ' ' + percent),
        el('td', { class: 'num', text: s.count })));
    }
  }

  function drawLatencies(traffic) {
    for (const [operation, chart] of Object.entries(latencyCharts)) {
      const found = traffic.latency.find(l => l.operation === operation) || {};
      chart.show(traffic.start, traffic.step * 1000,
        QUANTILES.map(([name, dash]) => ({ values: found[name] || new Array(traffic.points).fill(null), dash })));
      const latest = QUANTILES.map(([name]) => {
        const values = (found[name] || []).filter(v => v !== null);
        return name + ' ' + (values.length ? values[values.length - 1].toFixed(1) + ' ms' : '\u2013');
      });
      document.getElementById('latency-' + operation + '-now').textContent = 'latest: ' + latest.join(' \u00b7 ');
    }
  }

  async function refreshHistory() {
    const range = RANGES[document.getElementById('range').value] || RANGES['1h'];
    try {
      const answer = await api('GET', '/api/traffic?since=' + (Date.now() - range.span) + '&step=' + range.step);
      if (answer.status !== 200) return;
      const traffic = answer.data;
      const perSecond = counts => counts.map(count => count / traffic.step);
      rateChart.show(traffic.start, traffic.step * 1000, [
        { values: perSecond(traffic.messages_in), dash: [] },
        { values: perSecond(traffic.messages_out), dash: [7, 5] }]);
      const canvas = document.getElementById('rate-chart');
      const totalIn = sum(traffic.messages_in);
      const totalOut = sum(traffic.messages_out);
      historyLoads++;
      canvas.dataset.loads = String(historyLoads);
      canvas.dataset.points = String(traffic.points);
      canvas.dataset.totalIn = String(totalIn);
      canvas.dataset.totalOut = String(totalOut);
      canvas.setAttribute('aria-label', 'Messages per second from ' + isoTime(traffic.start, true) + ': '
        + totalIn + ' in and ' + totalOut + ' out in range');
      setText('history-note', traffic.points === 0 ? 'No history yet: the instance samples its counters every 10 s.'
        : traffic.points + ' steps of ' + traffic.step + ' s from ' + isoTime(traffic.start, true)
          + ', kept in memory by instance ' + instanceName({ instance: traffic.instance,
            instanceHost: traffic.instance_host }) + ' since its start (at most 24 h).');
      peerRows(document.querySelector('#peer-rates tbody'), traffic);
      dlrRows(document.querySelector('#dlr-mix tbody'), traffic);
      drawLatencies(traffic);
    } catch (error) {
      notice('Cannot read the traffic history: ' + error.message, false);
    }
  }

  Panel.start(async () => {
    rateChart = new LineChart(document.getElementById('rate-chart'), 'msg/s');
    for (const operation of ['esme_submit', 'smsc_submit']) {
      latencyCharts[operation] = new LineChart(document.getElementById('latency-' + operation), 'ms');
    }
    rateChart.draw();
    document.getElementById('range').addEventListener('change', refreshHistory);
    await Promise.all([refresh(), refreshHealth(), refreshHistory()]);
    setInterval(refresh, POLL_MS);
    setInterval(() => { refreshHealth(); refreshHistory(); }, HISTORY_POLL_MS);
  });
})();
