// Gateways: list, add, edit, enable/disable, delete. Validation is the API's; its messages are shown
// next to their fields.
'use strict';

(() => {
  const { el, formatTime, enabledBadge, perInstance } = Panel;

  const FIELDS = [
    { name: 'smsc_id', label: 'SMSC id', type: 'text', maxlength: 100, required: true, hint: 'Unique, up to 100 characters, e.g. infobip-direct' },
    { name: 'host', label: 'Host', type: 'text', maxlength: 100, required: true, hint: 'IP address or domain of the SMSC' },
    { name: 'port', label: 'Port', type: 'number', min: 1, max: 65535, required: true, default: 2775 },
    { name: 'username', label: 'Username (system_id)', type: 'text', maxlength: 16, required: true, hint: 'Up to 16 characters' },
    { name: 'password', label: 'Password', type: 'password', maxlength: 9, keepWhenEmpty: true, hint: 'Up to 9 characters; when editing, leave empty to keep it' },
    { name: 'system_type', label: 'System type', type: 'text', maxlength: 13, hint: 'Optional, up to 13 characters' },
    { name: 'smpp_version', label: 'SMPP version', type: 'select', options: ['3.4', '3.3', '5.0'], default: '3.4' },
    { name: 'enq_interval', label: 'enquire_link interval (s)', type: 'number', min: 1, max: 120, required: true, default: 30, hint: '1 to 120; 30 recommended' },
    { name: 'tx_binds', label: 'Transmitter binds', type: 'number', min: 0, max: 10, required: true, default: 0, hint: '0 to 10' },
    { name: 'rx_binds', label: 'Receiver binds', type: 'number', min: 0, max: 10, required: true, default: 0, hint: '0 to 10' },
    { name: 'trx_binds', label: 'Transceiver binds', type: 'number', min: 0, max: 10, required: true, default: 1, hint: '0 to 10' },
    { name: 'window_size', label: 'Window size', type: 'number', min: 1, max: 1000, default: 1, hint: 'Unacknowledged PDUs per bind, 1 to 1000' },
    { name: 'src_autodetect', label: 'Detect source TON/NPI', type: 'checkbox', default: true },
    { name: 'source_ton', label: 'Source TON', type: 'number', min: 0, max: 6, default: 0, hint: '0 to 6, used when not detected' },
    { name: 'source_npi', label: 'Source NPI', type: 'number', min: 0, max: 18, default: 0, hint: '0 to 18' },
    { name: 'dst_autodetect', label: 'Detect destination TON/NPI', type: 'checkbox', default: true },
    { name: 'dest_ton', label: 'Destination TON', type: 'number', min: 0, max: 6, default: 0, hint: '0 to 6, used when not detected' },
    { name: 'dest_npi', label: 'Destination NPI', type: 'number', min: 0, max: 18, default: 0, hint: '0 to 18' },
    { name: 'is_gsm7', label: 'SMSC takes GSM 7-bit (160 characters)', type: 'checkbox', default: true },
    { name: 'is_secure', label: 'Connect over TLS', type: 'checkbox', default: false },
    { name: 'enabled', label: 'Enabled', type: 'checkbox', default: true },
  ];

  Panel.recordsPage({
    noun: 'gateway', path: '/api/gateways', list: 'gateways', nameOf: g => g.smsc_id, fields: FIELDS,
    firstField: 'smsc_id', owner: 'gateway_id', columns: 9, deleteWarning: 'Its connections are unbound at once.',
    row: (g, bound, buttons) => el('tr', { 'data-smsc-id': g.smsc_id },
      el('th', { scope: 'row', text: g.smsc_id }),
      el('td', { text: g.host + ':' + g.port }),
      el('td', { text: g.tx_binds + ' / ' + g.rx_binds + ' / ' + g.trx_binds }),
      el('td', { text: g.smpp_version + (g.is_secure ? ' TLS' : '') }),
      el('td', { class: 'num', title: perInstance(bound), text: bound.length }),
      el('td', { class: 'num', text: g.queue_count }),
      el('td', {}, enabledBadge(g.enabled)),
      el('td', { text: formatTime(g.updated) }),
      el('td', {}, buttons)),
  });
})();
