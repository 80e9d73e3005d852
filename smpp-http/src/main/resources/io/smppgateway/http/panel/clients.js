// Clients (ESME accounts): list, add, edit, enable/disable, delete, with the API's validation.
'use strict';

(() => {
  const { el, formatTime, enabledBadge, perInstance } = Panel;

  const FIELDS = [
    { name: 'username', label: 'Username (system_id)', type: 'text', maxlength: 16, required: true, hint: 'Up to 16 characters' },
    { name: 'password', label: 'Password', type: 'text', maxlength: 9, hint: 'Up to 9 characters' },
    { name: 'allow_ip', label: 'Allowed IPv4 addresses', type: 'text', maxlength: 255, wide: true, hint: 'Comma-separated, e.g. 11.22.33.44,55.66.77.88; empty admits any address' },
    { name: 'throughput', label: 'Throughput (SMS per minute per bind)', type: 'number', min: 0, max: 3000, default: 0, hint: '0 to 3000; 0 = no limit' },
    { name: 'binds', label: 'Binds', type: 'number', min: 0, max: 30, required: true, default: 1, hint: 'Simultaneous connections, 0 to 30' },
    { name: 'enabled', label: 'Enabled', type: 'checkbox', default: true },
  ];

  Panel.recordsPage({
    noun: 'client', path: '/api/clients', list: 'clients', nameOf: c => c.username, fields: FIELDS,
    firstField: 'username', owner: 'client_id', columns: 8, deleteWarning: 'Its ESMEs are unbound at once.',
    row: (c, bound, buttons) => el('tr', { 'data-username': c.username },
      el('td', { class: 'num', text: c.id }),
      el('th', { scope: 'row', text: c.username }),
      el('td', { text: c.allow_ip || 'any' }),
      el('td', { class: 'num', text: c.throughput === 0 ? 'no limit' : c.throughput }),
      el('td', { class: 'num', title: perInstance(bound), text: bound.length + ' / ' + c.binds }),
      el('td', {}, enabledBadge(c.enabled)),
      el('td', { text: formatTime(c.updated) }),
      el('td', {}, buttons)),
  });
})();
