// The dashboard: live binds per gateway and client, queue counts, and messages per second in and
// out, polled every two seconds. The counters are the answering instance's; the connection tables
// list every instance's on the database, each with the instance that holds it.
'use strict';

(() => {
  const { api, el, clear, formatTime, statusBadge, enabledBadge, instanceName, notice } = Panel;
  const POLL_MS = 2000;
  let chart;
  let previous = null;

  function setText(id, value) {
    document.getElementById(id).textContent = String(value);
  }

  // the whole id in the tooltip
  function instanceCell(c, self) {
    const name = instanceName(c) + (c.instance === self ? ' (this one)' : '');
    return el('td', { class: 'instance', title: 'instance ' + (c.instance || ''), text: name });
  }

  function connectionRows(tbody, connections, names, clientSide, self) {
    clear(tbody);
    const all = [...connections.BIND_TX, ...connections.BIND_RX, ...connections.BIND_TRX];
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
        el('td', { text: formatTime(c.connected) }), instanceCell(c, self));
      tbody.append(el('tr', { 'data-connection-id': c.connectionId, 'data-instance': c.instance || '' }, ...cells));
    }
  }

  // Every live instance on the database, with the binds each holds (from the connection lists).
  function instanceRows(tbody, instances, gatewayConnections, clientConnections) {
    clear(tbody);
    const bound = (connections, id) => [...connections.BIND_TX, ...connections.BIND_RX, ...connections.BIND_TRX]
      .filter(c => c.instance === id && c.status.startsWith('BOUND')).length;
    for (const i of instances) {
      const name = instanceName({ instance: i.id, instanceHost: i.host }) + (i.this_instance ? ' (this one)' : '');
      tbody.append(el('tr', { 'data-instance': i.id },
        el('td', { class: 'instance', title: 'instance ' + i.id, text: name }),
        el('td', { text: formatTime(i.started) }),
        el('td', { text: formatTime(i.heartbeat) }),
        el('td', { class: 'num', text: bound(clientConnections, i.id) }),
        el('td', { class: 'num', text: bound(gatewayConnections, i.id) })));
    }
  }

  // Binds up against those configured: each instance opens a gateway's binds, so this one's are counted.
  function gatewaySummary(tbody, list, self) {
    clear(tbody);
    if (list.gateways.length === 0) {
      tbody.append(el('tr', {}, el('td', { colspan: 4, class: 'empty' }, 'No gateways yet: ',
        el('a', { href: '/gateways.html', text: 'add one' }))));
      return;
    }
    const all = [...list.connections.BIND_TX, ...list.connections.BIND_RX, ...list.connections.BIND_TRX];
    for (const g of list.gateways) {
      const up = all.filter(c => c.gateway_id === g.id && c.status.startsWith('BOUND') && c.instance === self).length;
      tbody.append(el('tr', {},
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
      if (previous && s.time > previous.time) {
        const seconds = (s.time - previous.time) / 1000;
        const rateIn = Math.max(0, (s.messages_in - previous.messages_in) / seconds);
        const rateOut = Math.max(0, (s.messages_out - previous.messages_out) / seconds);
        chart.push(s.time, rateIn, rateOut);
        setText('rate-in', rateIn.toFixed(1));
        setText('rate-out', rateOut.toFixed(1));
        document.getElementById('rate-chart').setAttribute('aria-label',
          'Messages per second: ' + rateIn.toFixed(1) + ' in, ' + rateOut.toFixed(1) + ' out');
      }
      previous = s;
      setText('gateway-binds', s.gateway_binds);
      setText('client-binds', s.client_binds);
      setText('queued', gateways.data.gateways.reduce((sum, g) => sum + g.queue_count, 0) + s.queue_count);

      const gatewayNames = new Map(gateways.data.gateways.map(g => [g.id, g.smsc_id]));
      const clientNames = new Map(clients.data.clients.map(c => [c.id, c.username]));
      gatewaySummary(document.querySelector('#gateway-summary tbody'), gateways.data, s.instance);
      instanceRows(document.querySelector('#instances tbody'), instances.data.instances, gateways.data.connections,
        clients.data.connections);
      connectionRows(document.querySelector('#gateway-connections tbody'), gateways.data.connections, gatewayNames, false,
        s.instance);
      connectionRows(document.querySelector('#client-connections tbody'), clients.data.connections, clientNames, true,
        s.instance);
    } catch (error) {
      notice('Cannot reach the gateway: ' + error.message, false);
    }
  }

  Panel.start(async () => {
    chart = new RateChart(document.getElementById('rate-chart'), 150);
    chart.draw();
    await refresh();
    setInterval(refresh, POLL_MS);
  });
})();
