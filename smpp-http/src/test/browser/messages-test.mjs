// Drives the Messages and API reference pages in Debian's headless Chromium, for smpp-runner's
// MessagesPageBrowserTest (a real daemon with an SMSC simulator behind the gateway <smsc_id>).
// Usage: node messages-test.mjs <base url> <admin> <password> <screenshot folder> <smsc_id>
// Ends with MESSAGES_OK.
import { chromium } from 'playwright-core';
import path from 'node:path';

const [base, admin, password, shots, smscId] = process.argv.slice(2);
const TIMEOUT = 30_000;
const problems = [];

function check(condition, message) {
  if (!condition) throw new Error('check failed: ' + message);
}

async function shot(page, name, fullPage = true) {
  await page.screenshot({ path: path.join(shots, name), fullPage });
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  page.on('console', message => {
    // refusals the page handles (401 before login, 400 with field errors, 404 of a search) are logged too
    const expected = /^Failed to load resource: the server responded with a status of 4\d\d/;
    if (message.type() === 'error' && !expected.test(message.text())) problems.push('console: ' + message.text());
  });
  page.on('pageerror', error => problems.push('page error: ' + error.message));
  // nothing may be fetched from another host: the page works without internet access
  page.on('request', request => {
    if (!request.url().startsWith(base) && !request.url().startsWith('data:')) {
      problems.push('request to another host: ' + request.url());
    }
  });

  await page.goto(base + '/messages.html');
  await page.waitForURL(/\/login\.html/);
  await page.fill('#username', admin);
  await page.fill('#password', password);
  await page.click('button[type="submit"]');
  await page.waitForURL(/messages\.html/);
  await page.locator('#who-name', { hasText: admin }).waitFor();

  // Send: a refused value gets its message next to its field, then the SMS goes out
  await page.locator('#send-smsc_id option[value="' + smscId + '"]').waitFor({ state: 'attached' });
  await page.selectOption('#send-smsc_id', smscId);
  await page.fill('#send-sender', 'MySender');
  await page.fill('#send-receiver', 'not-a-number');
  await page.fill('#send-message', 'Hello from the panel');
  await page.click('#send');
  await page.locator('#send-receiver-error', { hasText: 'phone number' }).waitFor();
  check(await page.getAttribute('#send-receiver', 'aria-invalid') === 'true', 'receiver marked invalid');
  await page.fill('#send-receiver', '380991234567');
  await page.click('#send');
  await page.locator('#notice', { hasText: 'Published on SMS_OUT' }).waitFor();
  const msgId = (await page.textContent('#notice')).match(/as (\S+) through/)[1];
  // its DLR_IN events arrive while the page follows it
  await page.locator('#timeline tr[data-event="sent"]').waitFor();
  await page.locator('#dlr-in', { hasText: '"status":"sent"' }).waitFor();
  await page.locator('#timeline tr[data-event="delivered"]').waitFor({ timeout: 60_000 });
  await page.locator('#message-status', { hasText: 'Final status reached.' }).waitFor();
  const events = await page.locator('#timeline tbody tr').evaluateAll(rows => rows.map(r => r.dataset.event));
  check(events[0] === 'published' && ['accepted', 'submitted', 'sent', 'delivered'].every(e => events.includes(e)),
    'the timeline has every step: ' + events);
  for (const time of await page.locator('#timeline tbody time').allTextContents()) {
    check(ISO.test(time), 'times in ISO 8601 UTC: ' + time);
  }
  await page.locator('#pdu-log', { hasText: 'SUBMIT_SM_RESP:' }).waitFor();
  await shot(page, 'messages.png');

  // Find it again by the SMSC's id
  const gatewayMsgId = await page.locator('#segments tbody tr td').nth(4).textContent();
  check(gatewayMsgId.length > 0, 'the segment shows the SMSC\'s id');
  await page.goto(base + '/messages.html');
  await page.fill('#find-id', gatewayMsgId);
  await page.click('#find');
  await page.locator('#notice', { hasText: 'Found by the SMSC\'s id' }).waitFor();
  await page.locator('#message-title', { hasText: msgId }).waitFor();
  await page.locator('#timeline tr[data-event="delivered"]').waitFor();
  await page.locator('#pdu-log', { hasText: gatewayMsgId }).waitFor();
  await shot(page, 'messages-search.png');
  await page.fill('#find-id', 'no-such-message-id');
  await page.click('#find');
  await page.locator('#notice', { hasText: 'No message has this msg_id' }).waitFor();

  // PDU logs: search the viewed file's entries, then follow it while another SMS goes out
  await page.click('nav >> text=PDU logs');
  await page.waitForURL(/logs\.html/);
  const logRow = page.locator('#log-files tbody tr').filter({ hasText: smscId + '.log' }).first();
  await logRow.waitFor();
  check(ISO.test((await logRow.locator('td').nth(4).textContent()).trim()), 'last written in ISO 8601 UTC');
  await logRow.getByRole('button', { name: /^View / }).click();
  await page.locator('#log-text', { hasText: 'DELIVER_SM:' }).waitFor();
  await page.fill('#log-search', 'submit_sm_resp');
  await page.locator('#viewer-note', { hasText: 'entries contain "submit_sm_resp"' }).waitFor();
  const filtered = await page.textContent('#log-text');
  check(filtered.includes('SUBMIT_SM_RESP:') && !filtered.includes('DELIVER_SM:'), 'only the matching entries');
  await page.fill('#log-search', '');
  await page.check('#log-follow');
  await page.locator('#viewer-note', { hasText: 'Following' }).waitFor();
  const sentAgain = await page.evaluate(async smscId => {
    const session = await (await fetch('/auth/session')).json();
    const answer = await fetch('/api/messages', { method: 'POST', headers: { 'Content-Type': 'application/json',
      'X-CSRF-Token': session.csrf_token }, body: JSON.stringify({ smsc_id: smscId, sender: 'MySender',
      receiver: '380991234567', message: 'Second message, followed' }) });
    return answer.status;
  }, smscId);
  check(sentAgain === 202, 'the second message was published: ' + sentAgain);
  await page.locator('#log-text', { hasText: 'Second message, followed' }).waitFor();
  await shot(page, 'logs-follow.png', false);
  await page.uncheck('#log-follow');
  // the gateway's own recent log, in the same viewer
  await page.click('#daemon-log');
  await page.locator('#viewer-title', { hasText: 'own log' }).waitFor();
  await page.locator('#log-text', { hasText: 'HTTP API and admin panel listening' }).waitFor();
  check(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z /.test(await page.textContent('#log-text')),
    'its events start with their ISO 8601 UTC time');

  // Dates: one ISO form on the other pages too
  await page.click('nav >> text=Gateways (SMSC)');
  await page.locator('#gateways tbody tr').first().waitFor();
  const column = (await page.locator('#gateways thead th').allTextContents()).indexOf('Updated');
  const updated = await page.locator('#gateways tbody tr').first().locator('th, td').nth(column).textContent();
  check(ISO.test(updated), 'the gateways list in ISO 8601 UTC: ' + updated);

  // API reference: Swagger UI from the jar, on our document
  await page.click('nav >> text=API reference');
  await page.waitForURL(/\/api-docs\/?$/);
  await page.locator('.swagger-ui .info .title', { hasText: 'SMPP Gateway REST API' }).waitFor();
  await page.locator('.swagger-ui .opblock-summary-path', { hasText: '/api/messages/{msg_id}' }).first().waitFor();
  await page.locator('.swagger-ui .opblock-tag', { hasText: 'messages' }).first().waitFor();
    await shot(page, 'api-docs.png', false);

  check(problems.length === 0, 'no script errors, CSP violations or outside requests: ' + problems.join('; '));
  console.log('MESSAGES_OK');
} catch (error) {
  console.error(error.stack || String(error));
  if (problems.length) console.error(problems.join('\n'));
  process.exitCode = 1;
} finally {
  await browser.close();
}
