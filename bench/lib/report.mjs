// Turns one bench/run.sh run into the table (stdout, results/latest.md), results/latest.json and,
// with --docs=FILE, the block between the bench markers in docs/performance.md.
//
//   node report.mjs --run=bench/.out/run --out=bench/results [--docs=docs/performance.md]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const opts = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const here = dirname(fileURLToPath(import.meta.url));
const meta = JSON.parse(readFileSync(join(opts.run, 'meta.json'), 'utf8'));
const lines = readFileSync(join(opts.run, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));

meta.versions = {
  'oidc-provider': JSON.parse(readFileSync(join(here, '../peers/node-oidc-provider/package-lock.json'), 'utf8'))
    .packages['node_modules/oidc-provider'].version,
  'OpenIddict.AspNetCore': readFileSync(join(here, '../peers/openiddict/OpenIddictPeer.csproj'), 'utf8')
    .match(/OpenIddict.AspNetCore" Version="([^"]+)"/)[1],
};

const servers = lines.filter((l) => l.kind === 'server').map((l) => {
  const w = l.wrk;
  const seconds = w.duration_us / 1e6;
  const errors = w.non200 + w.err_connect + w.err_read + w.err_write + w.err_timeout;
  return {
    scenario: l.scenario ?? '1', loader: l.loader ?? 'wrk',
    name: l.name, server: l.server, alg: l.alg, url: l.url,
    requests_per_sec: round(w.requests / seconds, 1),
    p50_ms: round(w.p50_us / 1000, 2), p90_ms: round(w.p90_us / 1000, 2), p99_ms: round(w.p99_us / 1000, 2),
    max_ms: round(w.max_us / 1000, 1), requests: w.requests, non200: w.non200, errors,
    first_failure: w.first_failure || undefined,
    rss_mb: round(l.rss_kb / 1024, 1), server_cpu_cores: round(l.cpu_seconds / seconds, 2),
    wrk_cpu_cores: round(l.wrk_cpu_seconds / seconds, 2),
    // CPU the server spent per token: steadier than tokens/s when other work shares the machine.
    server_cpu_us_per_token: round((1e6 * l.cpu_seconds) / w.requests, 0),
    // Whatever else used the CPU during the run (another build, tests): the rows it touched are low.
    other_cpu_cores: round(Math.max(0, l.machine_cpu_seconds - l.cpu_seconds - l.wrk_cpu_seconds) / seconds, 2),
    loadavg_before: l.loadavg_before, token_bytes: l.probe?.token_bytes, token_claims: l.probe?.claims,
  };
});
const halves = lines.filter((l) => l.kind === 'half').map((l) => {
  const w = l.wrk;
  const seconds = w.duration_us / 1e6;
  return {
    name: l.name, server: l.server, alg: l.alg, peak_rps: round(l.peak_rps, 1), delay_ms: l.delay_ms,
    requests_per_sec: round(w.requests / seconds, 1), p50_ms: round(w.p50_us / 1000, 2), p99_ms: round(w.p99_us / 1000, 2),
    errors: w.non200 + w.err_connect + w.err_read + w.err_write + w.err_timeout,
    rss_mb: round(l.rss_kb / 1024, 1), server_cpu_cores: round(l.cpu_seconds / seconds, 2),
    other_cpu_cores: round(Math.max(0, l.machine_cpu_seconds - l.cpu_seconds - l.wrk_cpu_seconds) / seconds, 2),
  };
});
const ceilings = lines.filter((l) => l.kind === 'ceiling').map((l) => ({
  ...l.sign,
  // The loop's process also starts and JITs outside the timed window, so this over-counts a little.
  other_cpu_cores: round(Math.max(0, l.machine_cpu_seconds - l.own_cpu_seconds) / l.sign.seconds, 2),
}));
const find = (server, alg, scenario = '1') => servers.find((s) => s.server === server && s.alg === alg && s.scenario === scenario);
const flowRows = servers.filter((s) => s.scenario !== '1');
// Scenarios 2–5: what each measures, and why a peer has no row.
const SCENARIOS = [
  { id: '2', part: 's2', what: 'authorization_code redemption at /token', unit: 'codes/s' },
  { id: '3', part: 's3', what: 'whole code flow: /authorize → login → consent remembered → redirect → /token', unit: 'flows/s' },
  { id: '4', part: 's4', what: 'refresh_token rotation', unit: 'refreshes/s' },
  { id: '5', part: 's5-introspect', what: 'introspection of a reference token', unit: 'requests/s' },
  { id: '5', part: 's5-userinfo', what: 'userinfo', unit: 'requests/s' },
];
const MISSING = 'not measured in this run';
const rowOf = (server, part) => flowRows.find((s) => s.server === server && s.name.endsWith(`-${part}`));
const PEERS = ['node-oidc-provider', 'OpenIddict'];
// Scenario 6: Latchkey on PostgreSQL, one node and two behind nginx (lib/deployments.sh); rows beside SQLite's.
const DEPLOYMENTS = ['Latchkey (PostgreSQL)', 'Latchkey (PostgreSQL, 2 nodes)'];
const ceiling = (alg, threads) => ceilings.find((c) => c.alg === alg && c.threads === threads)?.tokens_per_sec;

const ratios = {};
const bar = [];
for (const alg of ['RS256', 'ES256']) {
  const lk = find('Latchkey', alg);
  if (!lk) continue;
  for (const peer of ['node-oidc-provider', 'OpenIddict']) {
    const p = find(peer, alg);
    if (!p) continue;
    const r = lk.requests_per_sec / p.requests_per_sec;
    ratios[`${alg} Latchkey/${peer}`] = round(r, 2);
    bar.push({ check: `${alg}: Latchkey ÷ ${peer}`, value: `${fmt(r, 2)}×`, bar: '≥ 2×', met: r >= 2 });
  }
  const c = ceiling(alg, 2);
  if (c) {
    const r = lk.requests_per_sec / c;
    ratios[`${alg} Latchkey/sign-ceiling-2t`] = round(r, 3);
    bar.push({ check: `${alg}: Latchkey ÷ signing ceiling (2 threads)`, value: `${fmt(100 * r, 0)} %`, bar: '≥ 70 %', met: r >= 0.7 });
  }
}
const hello = find('Kestrel hello-world', '-');
for (const lk of servers.filter((s) => s.server === 'Latchkey')) {
  if (hello) ratios[`${lk.alg} Latchkey/kestrel-hello`] = round(lk.requests_per_sec / hello.requests_per_sec, 3);
}
for (const sc of SCENARIOS) {
  const lk = rowOf('Latchkey', sc.part);
  for (const name of PEERS) {
    const peer = rowOf(name, sc.part);
    if (!lk || !peer) continue;
    const r = lk.requests_per_sec / peer.requests_per_sec;
    ratios[`scenario ${sc.id} ${sc.part} Latchkey/${name}`] = round(r, 2);
    bar.push({ check: `Scenario ${sc.id}, ${sc.what}: Latchkey ÷ ${name}`, value: `${fmt(r, 2)}×`, bar: '> 1×', met: r > 1 });
  }
}
const lkRuns = servers.filter((s) => s.server === 'Latchkey');
const lkErrors = [...lkRuns, ...halves.filter((h) => h.server === 'Latchkey')].reduce((n, s) => n + s.errors, 0);
const allErrors = servers.reduce((n, s) => n + s.errors, 0);
bar.push({ check: 'Latchkey: non-200 responses and socket errors', value: String(lkErrors), bar: '0', met: lkErrors === 0 });
const lkRss = Math.max(...lkRuns.map((s) => s.rss_mb));
if (lkRuns.length) bar.push({ check: 'Latchkey: RSS after the runs', value: `${fmt(lkRss, 0)} MB`, bar: '< 200 MB', met: lkRss < 200 });
for (const h of halves) {
  bar.push({ check: `${h.alg}: ${h.server} p99 at ${fmt(h.requests_per_sec, 0)} tokens/s (half its peak)`, value: `${fmt(h.p99_ms, 2)} ms`, bar: '< 10 ms', met: h.p99_ms < 10 });
}
if (!halves.length) bar.push({ check: 'Latchkey: p99 at half its peak rate', value: 'not measured', bar: '< 10 ms', met: null });

const md = [];
md.push(`${meta.date}, ${meta.cores} cores (${meta.cpu}), ` +
  `commit ${meta.commit}; ${meta.connections} connections (wrk: ${meta.wrk_threads} threads), ` +
  `${meta.warmup_s} s warm-up${meta.codes_warmup_s !== undefined ? ` (scenario 2: ${meta.codes_warmup_s} s)` : ''} + ${meta.duration_s} s per server and scenario; .NET ${meta.dotnet}, Node ${meta.node}, ` +
  `oidc-provider ${meta.versions['oidc-provider']}, OpenIddict ${meta.versions['OpenIddict.AspNetCore']}.`);
const hasScenario1 = servers.some((s) => s.scenario === '1') || ceilings.length > 0;
if (hasScenario1) {
md.push('');
md.push('Scenario 1 — client_credentials → JWT access token.');
md.push('');
md.push('| server | alg | tokens/s | p50 ms | p99 ms | non-200 + errors | RSS MB | CPU cores: server + wrk | server CPU µs/token | JWT bytes | Latchkey ÷ this |');
md.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const order = ['Latchkey', ...DEPLOYMENTS, 'node-oidc-provider', 'OpenIddict'];
for (const alg of ['RS256', 'ES256']) {
  for (const name of order) {
    const s = find(name, alg);
    if (!s) continue;
    const lk = find('Latchkey', alg);
    md.push(row(s, lk ? `${fmt(lk.requests_per_sec / s.requests_per_sec, 2)}×` : ''));
  }
}
if (hello) md.push(row(hello, `${fmt(find('Latchkey', 'RS256')?.requests_per_sec / hello.requests_per_sec, 2)}× (RS256)`));
}
if (halves.length) {
  md.push('');
  md.push('| at half the peak (each connection waits between requests) | alg | offered wait ms | tokens/s | p50 ms | p99 ms | non-200 + errors | server CPU (cores) |');
  md.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const h of halves) {
    md.push(`| ${h.server} (peak ${fmt(h.peak_rps, 0)}) | ${h.alg} | ${h.delay_ms} | ${fmt(h.requests_per_sec, 0)} | ${fmt(h.p50_ms, 2)} | ${fmt(h.p99_ms, 2)} | ${h.errors} | ${fmt(h.server_cpu_cores, 2)} |`);
  }
}
md.push('');
if (flowRows.length) {
  md.push('');
  md.push('Scenarios 2–5 — realm `bench` (RS256), the same clients, user and load for every server (method above).');
  md.push('');
  md.push('| scenario | server | load | per second | p50 ms | p99 ms | non-200 + errors | RSS MB | CPU cores: server + load | server CPU µs each | Latchkey ÷ this |');
  md.push('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const sc of SCENARIOS) {
    const lk = rowOf('Latchkey', sc.part);
    for (const name of ['Latchkey', ...DEPLOYMENTS, ...PEERS]) {
      const s = rowOf(name, sc.part);
      if (!s) {
        if (lk) md.push(`| ${sc.id}: ${sc.what} | ${name} | – | — | | | | | | | ${MISSING} |`);
        continue;
      }
      const failures = s.errors === 0 ? '0' : `**${s.errors}**`;
      md.push(`| ${sc.id}: ${sc.what} | ${name} | ${s.loader} | ${fmt(s.requests_per_sec, s.requests_per_sec < 100 ? 1 : 0)} ${sc.unit} | ${fmt(s.p50_ms, 2)} | ${fmt(s.p99_ms, 2)} | ${failures} | ` +
        `${fmt(s.rss_mb, 0)} | ${fmt(s.server_cpu_cores, 2)} + ${fmt(s.wrk_cpu_cores, 2)} | ${fmt(s.server_cpu_us_per_token, 0)} | ${lk ? `${fmt(lk.requests_per_sec / s.requests_per_sec, 2)}×` : ''} |`);
    }
  }
}
if (ceilings.length) {
md.push('');
md.push('| signing ceiling (.NET loop, same run) | 1 thread | 2 threads | JWT bytes | Latchkey ÷ 2-thread ceiling | sign + HTTP ceiling | Latchkey ÷ that |');
md.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const alg of ['RS256', 'ES256']) {
  const lk = find('Latchkey', alg);
  const c2 = ceiling(alg, 2);
  // A token costs at least one signature plus one HTTP exchange: 1 / (1/sign + 1/hello).
  const both = c2 && hello ? 1 / (1 / c2 + 1 / hello.requests_per_sec) : undefined;
  if (both) ratios[`${alg} Latchkey/sign+http-ceiling`] = round(lk.requests_per_sec / both, 3);
  const bytes = ceilings.find((c) => c.alg === alg)?.jwt_bytes ?? '';
  const pct = (c) => (lk && c ? `${fmt((100 * lk.requests_per_sec) / c, 0)} %` : '');
  md.push(`| ${alg} | ${fmt(ceiling(alg, 1), 0)} | ${fmt(c2, 0)} | ${bytes} | ${pct(c2)} | ${fmt(both, 0)} | ${pct(both)} |`);
}
}
md.push('');
md.push('| the bar (issue 5) | this run | bar | met |');
md.push('| --- | ---: | ---: | :---: |');
for (const b of bar) md.push(`| ${b.check} | ${b.value} | ${b.bar} | ${b.met === null ? '–' : b.met ? 'yes' : '**no**'} |`);
const busy = [...servers, ...halves, ...ceilings.map((c) => ({ ...c, name: `sign-${c.alg}-${c.threads}t` }))]
  .filter((s) => s.other_cpu_cores > 0.15);
if (busy.length) {
  md.push('');
  md.push(`Note: other processes used the CPU during ${busy.map((s) => `${s.name} (${fmt(s.other_cpu_cores, 2)} cores)`).join(', ')}; ` +
    'those rows are low. Run again on an idle machine.');
}
if (allErrors > 0) {
  md.push('');
  md.push(`**${allErrors} failed requests in this run** — first failures: ` +
    servers.filter((s) => s.first_failure).map((s) => `${s.name}: \`${s.first_failure.slice(0, 120)}\``).join('; '));
}
const table = md.join('\n');

writeFileSync(join(opts.out, 'latest.json'), `${JSON.stringify({ meta, servers, half_peak: halves, ceilings, ratios, bar }, null, 2)}\n`);
writeFileSync(join(opts.out, 'latest.md'), `${table}\n`);
if (opts.docs) {
  const doc = readFileSync(opts.docs, 'utf8');
  const start = '<!-- bench:results:start -->';
  const end = '<!-- bench:results:end -->';
  const [a, b] = [doc.indexOf(start), doc.indexOf(end)];
  if (a < 0 || b < a) throw new Error(`${opts.docs} has no ${start} … ${end} block`);
  writeFileSync(opts.docs, `${doc.slice(0, a + start.length)}\n${table}\n${doc.slice(b)}`);
}
console.log(`\n${table}\n`);
console.log(`results: ${join(opts.out, 'latest.json')} (bench ${meta.bench_seconds} s, build ${meta.build_seconds} s)`);

function row(s, ratio) {
  const failures = s.errors === 0 ? '0' : `**${s.errors}**`;
  return `| ${s.server} | ${s.alg} | ${fmt(s.requests_per_sec, 0)} | ${fmt(s.p50_ms, 2)} | ${fmt(s.p99_ms, 2)} | ${failures} | ` +
    `${fmt(s.rss_mb, 0)} | ${fmt(s.server_cpu_cores, 2)} + ${fmt(s.wrk_cpu_cores, 2)} | ${fmt(s.server_cpu_us_per_token, 0)} | ${s.token_bytes ?? '–'} | ${ratio} |`;
}
function round(x, digits) { return Number(x.toFixed(digits)); }
function fmt(x, digits) {
  return x === undefined || Number.isNaN(x) ? '–' : Number(x).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
