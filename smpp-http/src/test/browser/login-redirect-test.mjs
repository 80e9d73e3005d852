// Logs in through the login page with hostile ?next= values, for LoginRedirectBrowserTest: after the
// login the browser must stay on this server. Requests to any other host are blocked (and recorded).
// Usage: node login-redirect-test.mjs <base url> <admin> <password>; ends with REDIRECTS_OK.
import { chromium } from 'playwright-core';

const [base, admin, password] = process.argv.slice(2);
const origin = new URL(base).origin;
// each: the raw query value, and the path the browser must end on
const cases = [
  ['%2F%09%2Fexample.com%2F', '/'],
  ['%2F%0A%2Fexample.com%2F', '/'],
  ['%2F%0D%2Fexample.com%2F', '/'],
  ['%2F%0D%0A%2Fexample.com', '/'],
  ['%2F%2Fexample.com%2F', '/'],
  ['//example.com/', '/'],
  ['%2F%5Cexample.com%2F', '/'],
  ['/%5C/example.com', '/'],
  ['%2F%09%5Cexample.com', '/'],
  ['https%3A%2F%2Fexample.com%2F', '/'],
  ['https:example.com', '/'],
  ['javascript%3Aalert(1)', '/'],
  ['%20%2F%2Fexample.com', '/'],
  ['%2F%00%2Fexample.com', '/'],
  ['%2Fgateways.html', '/gateways.html'],
  ['%2Flogs.html%3Fx%3D1', '/logs.html'],
];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync'],
});
const failures = [];
try {
  for (const [next, expected] of cases) {
    const context = await browser.newContext();
    context.setDefaultTimeout(20_000);
    const offSite = [];
    await context.route('**/*', route => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      offSite.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('dialog', async dialog => { offSite.push('dialog: ' + dialog.message()); await dialog.dismiss(); });
    await page.goto(base + '/login.html?next=' + next);
    await page.fill('#username', admin);
    await page.fill('#password', password);
    await Promise.all([
      page.waitForURL(url => url.pathname !== '/login.html' || url.origin !== origin, { timeout: 20_000 })
        .catch(() => {}),
      page.click('button[type="submit"]'),
    ]);
    // give an off-site navigation, if any, the time to be attempted
    await page.waitForTimeout(300);
    const landed = new URL(page.url());
    const where = landed.origin + landed.pathname;
    if (landed.origin !== origin || landed.pathname !== expected || offSite.length > 0) {
      failures.push('next=' + next + ' went to ' + where + (offSite.length ? ' (off-site: ' + offSite.join(', ') + ')' : ''));
    } else {
      console.log('next=' + next + ' -> ' + landed.pathname);
    }
    await context.close();
  }
  if (failures.length) {
    console.error(failures.join('\n'));
    process.exitCode = 1;
  } else {
    console.log('REDIRECTS_OK');
  }
} catch (error) {
  console.error(error.stack || String(error));
  process.exitCode = 1;
} finally {
  await browser.close();
}
