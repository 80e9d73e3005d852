// Drives the admin panel in Debian's headless Chromium, for AdminPanelBrowserTest.
// Usage: node panel-test.mjs <base url> <admin> <password> <screenshot folder> <today yyyy-MM-dd>
// Prints READY_FOR_BIND and waits for BOUND on stdin while the test binds an ESME; ends with PANEL_OK.
import { chromium } from 'playwright-core';
import { createInterface } from 'node:readline';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const [base, admin, password, shots, today] = process.argv.slice(2);
const TIMEOUT = 30_000;
const SENT_BEFORE_DASHBOARD = 25; // AdminPanelBrowserTest.SENT_BEFORE_DASHBOARD
const problems = [];
const stdin = createInterface({ input: process.stdin });
const stdinLines = stdin[Symbol.asyncIterator]();

function check(condition, message) {
  if (!condition) throw new Error('check failed: ' + message);
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(shots, name), fullPage: true });
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync'],
});
try {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 860 } });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  page.on('console', message => {
    // refusals the panel handles (401 before login, 400 with field errors) are logged by Chromium too
    const expected = /^Failed to load resource: the server responded with a status of 4\d\d/;
    if (message.type() === 'error' && !expected.test(message.text())) problems.push('console: ' + message.text());
  });
  page.on('pageerror', error => problems.push('page error: ' + error.message));
  // no script injected through data may ever open a dialog; confirm() for deletes is answered below
  page.on('dialog', async dialog => {
    if (dialog.type() === 'confirm') await dialog.accept();
    else { problems.push('unexpected ' + dialog.type() + ': ' + dialog.message()); await dialog.dismiss(); }
  });

  // Login: the panel sends a visitor without a session to the login page
  await page.goto(base + '/');
  await page.waitForURL(/\/login\.html/);
  await page.fill('#username', admin);
  await page.fill('#password', 'not-the-password');
  await page.click('button[type="submit"]');
  await page.getByText('Wrong username or password.').waitFor();
  await shot(page, 'login.png');
  await page.fill('#password', password);
  await page.click('button[type="submit"]');
  await page.waitForURL(base + '/');
  await page.locator('#who-name', { hasText: admin }).waitFor();

  // Gateways: a refused value gets its message next to the field, then the gateway is saved
  await page.click('nav >> text=Gateways (SMSC)');
  await page.waitForURL(/gateways\.html/);
  await page.click('#add');
  await page.fill('#gateway-form-smsc_id', 'mysmsc-id-example');
  await page.fill('#gateway-form-host', 'smpp.mygateway.com');
  await page.fill('#gateway-form-port', '70000');
  await page.fill('#gateway-form-username', 'myusername');
  await page.fill('#gateway-form-password', 'mypassw');
  await page.fill('#gateway-form-enq_interval', '500');
  await page.click('#save');
  await page.locator('#gateway-form-port-error', { hasText: 'between 1 and 65535' }).waitFor();
  await page.locator('#gateway-form-enq_interval-error', { hasText: 'between 1 and 120' }).waitFor();
  check(await page.getAttribute('#gateway-form-port', 'aria-invalid') === 'true', 'port marked invalid');
  await shot(page, 'gateway-errors.png');
  await page.fill('#gateway-form-port', '2775');
  await page.fill('#gateway-form-enq_interval', '30');
  await page.click('#save');
  await page.locator('#notice', { hasText: 'Saved gateway mysmsc-id-example.' }).waitFor();
  await page.locator('tr[data-smsc-id="mysmsc-id-example"]').waitFor();

  // Everything shown is text: markup in a name stays markup-free
  const hostile = '<img src=x onerror=alert(1)>';
  await page.click('#add');
  await page.fill('#gateway-form-smsc_id', hostile);
  await page.fill('#gateway-form-host', '"><script>alert(2)</script>');
  await page.fill('#gateway-form-username', 'x');
  await page.uncheck('#gateway-form-enabled');
  await page.click('#save');
  const hostileRow = page.locator('#gateways tbody tr').filter({ hasText: hostile });
  await hostileRow.waitFor();
  check(await page.locator('#gateways img').count() === 0, 'no element made from a gateway name');
  check(await page.locator('#gateways script').count() === 0, 'no script made from a host');
  await shot(page, 'gateways.png');
  await hostileRow.getByRole('button', { name: 'Delete' }).click();
  await page.locator('#notice', { hasText: 'Deleted gateway' }).waitFor();

  // Clients
  await page.click('nav >> text=Clients (ESME)');
  await page.waitForURL(/clients\.html/);
  await page.click('#add');
  await page.fill('#client-form-username', 'esme-one');
  await page.fill('#client-form-password', 'secret1');
  await page.fill('#client-form-allow_ip', 'not-an-ip');
  await page.fill('#client-form-binds', '2');
  await page.click('#save');
  await page.locator('#client-form-allow_ip-error', { hasText: 'not an IPv4 address' }).waitFor();
  await page.fill('#client-form-allow_ip', '');
  await page.click('#save');
  await page.locator('tr[data-username="esme-one"]').waitFor();
  await shot(page, 'clients.png');

  // The test binds an ESME and sends traffic before the dashboard opens
  console.log('READY_FOR_BIND');
  const answer = await stdinLines.next();
  check(answer.value === 'BOUND', 'the test bound its ESME');

  // Dashboard: its charts start from the server's history, so the traffic sent before shows at once
  await page.click('nav >> text=Dashboard');
  await page.waitForURL(base + '/index.html');
  const firstTotal = await page.waitForFunction(() => {
    const canvas = document.getElementById('rate-chart');
    return canvas.dataset.loads === '1' ? canvas.dataset.totalIn : false;
  });
  check(Number(await firstTotal.jsonValue()) >= SENT_BEFORE_DASHBOARD,
    'the first history holds the ' + SENT_BEFORE_DASHBOARD + ' submits sent before the page opened, got '
    + await firstTotal.jsonValue());
  const esmeRate = page.locator('#peer-rates tbody tr[data-peer="esme:esme-one"]');
  await esmeRate.waitFor();
  check(Number((await esmeRate.locator('td').allTextContents())[3]) >= SENT_BEFORE_DASHBOARD,
    'the ESME\'s submits in range');
  check(/^\d+ steps of 10 s from \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/.test(await page.textContent('#history-note')),
    'the history says its steps, in ISO time');
  // Health: the database and NSQ up, the gateway down with why; its bind down with the reason and next try
  await page.locator('#health li[data-check="database"][data-status="up"]').waitFor();
  await page.locator('#health li[data-check="message bus"][data-status="up"]').waitFor();
  const gatewayHealth = page.locator('#health li[data-check="gateway mysmsc-id-example"][data-status="down"]');
  await gatewayHealth.waitFor();
  check((await gatewayHealth.textContent()).includes('ESME_RINVPASWD'), 'the gateway check says why');
  const downBind = page.locator('#binds-down tbody tr[data-smsc-id="mysmsc-id-example"]').first();
  await downBind.waitFor();
  check((await downBind.locator('td.why').textContent()) === 'bind refused: ESME_RINVPASWD', 'why the bind is down');
  check(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(await downBind.locator('td.next').textContent()),
    'when the bind tries again, in ISO time');
  await page.selectOption('#range', '24h');
  await page.waitForFunction(() => document.getElementById('history-note').textContent.includes('steps of 60 s'));
  await page.selectOption('#range', '1h');
  await page.waitForFunction(() => document.getElementById('history-note').textContent.includes('steps of 10 s'));
  const esmeRow = page.locator('#client-connections tbody tr').filter({ hasText: 'esme-one' });
  await esmeRow.filter({ hasText: 'BOUND_TRX' }).waitFor();
  check((await esmeRow.textContent()).includes('panel'), 'system_type shown');
  for (const table of ['#gateway-connections', '#client-connections']) {
    check((await page.locator(table + ' thead th').allTextContents()).includes('Instance'),
      table + ' has an Instance column');
  }
  check((await esmeRow.locator('td.instance').textContent()) === 'panel-host · 5e1f0a2b (this one)',
    'the instance that holds the bind, this one');
  const instanceRow = page.locator('#instances tbody tr');
  check((await instanceRow.count()) === 1, 'one instance live');
  check((await instanceRow.locator('td').allTextContents())[0] === 'panel-host · 5e1f0a2b (this one)'
    && (await instanceRow.locator('td').allTextContents())[3] === '1', 'the instance, with the ESME bind it holds');
  await page.locator('#client-binds', { hasText: '1' }).waitFor();
  // a few polls, so the chart has drawn the submits
  await page.waitForFunction(() => Number(document.getElementById('rate-in').textContent) > 0, null,
    { timeout: 60_000 });
  await page.waitForTimeout(12_000);
  await shot(page, 'dashboard.png');

  // Logs: list, view in the page, download one, download two as a ZIP
  await page.click('nav >> text=PDU logs');
  await page.waitForURL(/logs\.html/);
  const todayId = today + 'mysmsc-id-example.log';
  const fileRow = page.locator('tr[data-file-id="' + todayId + '"]');
  await fileRow.waitFor();
  await fileRow.getByRole('button', { name: 'View ' + todayId }).click();
  await page.locator('#log-text', { hasText: 'SUBMIT_SM_RESP:' }).waitFor();
  check((await page.textContent('#viewer-title')) === todayId, 'viewer names the file');
  await shot(page, 'logs.png');
  const [one] = await Promise.all([page.waitForEvent('download'),
    fileRow.getByRole('link', { name: 'Download ' + todayId }).click()]);
  const oneText = await readFile(await one.path(), 'utf8');
  check(oneText.includes('"short_message": "Have a nice day!"'), 'downloaded log is the file, unpacked');
  for (const box of await page.locator('#log-files tbody input[type="checkbox"]').all()) await box.check();
  const [zip] = await Promise.all([page.waitForEvent('download'), page.click('#download-selected')]);
  const zipBytes = await readFile(await zip.path());
  check(zipBytes.subarray(0, 2).toString() === 'PK', 'several files come as a ZIP');

  // Disabling the client unbinds its ESME (the test checks the session closed)
  await page.click('nav >> text=Clients (ESME)');
  await page.locator('tr[data-username="esme-one"]').getByRole('button', { name: 'Disable esme-one' }).click();
  await page.locator('#notice', { hasText: 'Disabled esme-one.' }).waitFor();
  check((await page.textContent('#notice')).includes('unbind'), 'the answer says the ESME was unbound');

  // Logout: the session is gone
  await page.click('#logout');
  await page.waitForURL(/login\.html/);
  await page.goto(base + '/gateways.html');
  await page.waitForURL(/login\.html/);

  check(problems.length === 0, 'no script errors, CSP violations or dialogs: ' + problems.join('; '));
  console.log('PANEL_OK');
} catch (error) {
  console.error(error.stack || String(error));
  if (problems.length) console.error(problems.join('\n'));
  process.exitCode = 1;
} finally {
  stdin.close();
  await browser.close();
}
