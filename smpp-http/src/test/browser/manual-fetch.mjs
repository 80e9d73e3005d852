// Runs the manual's fetch examples (manual-fetch-examples.js) unchanged against a running gateway,
// for ManualFetchExamplesTest. Usage: node manual-fetch.mjs <base url> <token>
// Prints one JSON line per example: {"name", "logged": [what it printed], "errors": [...]}.
import vm from 'node:vm';
import { readFile } from 'node:fs/promises';

const [base, token] = process.argv.slice(2);
const source = await readFile(new URL('./manual-fetch-examples.js', import.meta.url), 'utf8');
const examples = source.split(/^\/\/ ---- /m).slice(1).map(part => {
  const newline = part.indexOf('\n');
  return { name: part.slice(0, newline).trim(), code: part.slice(newline + 1) };
});

for (const example of examples) {
  const code = example.code.replaceAll('http://your-server-ip:HTTP_PORT', base).replaceAll('HTTP_API_TOKEN', token);
  const logged = [];
  const errors = [];
  const sandbox = {
    fetch, URLSearchParams, JSON,
    console: {
      log: value => logged.push(value),
      error: (...values) => errors.push(values.map(v => (v && v.stack) || String(v)).join(' ')),
    },
  };
  vm.runInNewContext(code, sandbox, { filename: example.name + '.js' });
  const started = Date.now();
  while (logged.length + errors.length === 0 && Date.now() - started < 30_000) {
    await new Promise(resolve => setTimeout(resolve, 20));
  }
  console.log(JSON.stringify({ name: example.name, logged, errors }));
}
