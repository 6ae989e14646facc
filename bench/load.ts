/**
 * Load bench: the embedded gateway on a small generated estate, on loopback only, driven first by
 * valid traffic alone (person views and source lookups) and then by the same valid traffic while
 * attackers send hostile documents (deep, alias-overloaded, duplicated fields, directive
 * overloading, circular fragments, batches, huge bodies, malformed JSON). Prints requests served,
 * 4xx by code, 5xx (must be 0: the process exits 1 otherwise), p50/p99 of the valid requests
 * without and under attack, and peak RSS (the bench client runs in the same process).
 *
 *   npm run bench:load -- [--persons 150] [--requests 300] [--concurrency 8] [--attackers 8] [--max-seconds 60]
 *
 * Bounded in count (`--requests` valid requests per phase) and time (`--max-seconds` overall).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateEstate } from '../mocks/estate/generate.js';
import { demoIdentity } from '../src/auth/demoIdentities.js';
import { loadAuthConfig } from '../src/auth/keys.js';
import { signToken } from '../src/auth/sign.js';
import { loadConfig } from '../src/config/load.js';
import { createLogger } from '../src/logging/logger.js';
import { bootGateway } from '../src/server/boot.js';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '150' },
    requests: { type: 'string', default: '300' },
    concurrency: { type: 'string', default: '8' },
    attackers: { type: 'string', default: '8' },
    'max-seconds': { type: 'string', default: '60' },
  },
});
const PERSONS = Number(values.persons);
const REQUESTS = Number(values.requests);
const CONCURRENCY = Number(values.concurrency);
const ATTACKERS = Number(values.attackers);
const deadline = performance.now() + Number(values['max-seconds']) * 1000;

// ── peak RSS ──────────────────────────────────────────────────────────────────────────────────
let peakRss = process.memoryUsage().rss;
const rssTimer = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 25);

// ── the gateway ───────────────────────────────────────────────────────────────────────────────
const work = mkdtempSync(join(tmpdir(), 'pcv-bench-load-'));
const estateDir = join(work, 'estate');
console.log(`generating a ${PERSONS}-person estate…`);
await generateEstate({ outDir: estateDir, seed: 42, persons: PERSONS });
const loaded = loadConfig({
  HOST: '127.0.0.1',
  PORT: '0',
  LOG_LEVEL: 'warn',
  ESTATE_DIR: estateDir,
  ESTATE_PERSONS: String(PERSONS),
  GATEWAY_DATABASE_URL: `sqlite:${join(work, 'gateway.sqlite')}`,
  PLAYGROUND: 'false',
  INTROSPECTION: 'false',
  // Rate limits per user: high enough for the valid client; the authenticated attacker's role has a
  // low one (the other attacker's junk token is counted by its hash).
  RATE_LIMIT_REQUESTS: '100000',
  RATE_LIMIT_ROLES: 'AUDITOR=200',
});
if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.variable}: ${p.problem}`).join('\n'));
const logger = createLogger({ level: 'warn', destination: { write: () => undefined } });
const gateway = await bootGateway(loaded.config, logger);
const url = gateway.graphqlUrl;
if (!/^http:\/\/(127\.0\.0\.1|\[::1\])/.test(url)) throw new Error(`not loopback: ${url}`);

async function headers(identity: string, purpose?: string): Promise<Record<string, string>> {
  const who = demoIdentity(identity);
  if (!who) throw new Error(`no demo identity ${identity}`);
  const token = await signToken(who, await loadAuthConfig({}), { ttl: '1h' });
  return { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': purpose ?? who.purposes[0]! };
}
const caseworker = await headers('cc-liverpool', 'IMMIGRATION_CASEWORK');
// Attackers: one authenticated user whose role has a low rate limit, and one with a junk token.
const attackerHeaders = [await headers('auditor'), { 'content-type': 'application/json', authorization: 'Bearer junk' }];

// ── valid traffic: the person view and source lookups, keys from this estate ─────────────────────
const pncIds = (JSON.parse(readFileSync(join(estateDir, 'services', 'pnc.json'), 'utf8')) as { subjects: Array<{ pncId: string }> }).subjects.map((s) => s.pncId);
const personView = readFileSync(resolve(import.meta.dirname, '../examples/person-1-view.graphql'), 'utf8');
const valid = [
  (i: number) => ({ query: personView, variables: { source: 'pnc', key: pncIds[i % pncIds.length] } }),
  (i: number) => ({ query: 'query P($k: ID!) { pncRecord(pncId: $k) { pncId croNumber convictions { convictedOn offenceCode } } }', variables: { k: pncIds[i % pncIds.length] } }),
  () => ({ query: '{ pathfinderWorkbooks { workbook } }' }),
];

// ── hostile documents ─────────────────────────────────────────────────────────────────────────
const nest = (n: number): string => (n === 0 ? 'caseId' : `persons { case { ${nest(n - 1)} } }`);
const hostile: Array<() => string> = [
  () => JSON.stringify({ query: `{ cidCase(caseId: "1") { ${nest(20)} } }` }),
  () => JSON.stringify({ query: `query A($k: ID!) { ${Array.from({ length: 100 }, (_, i) => `a${i}: pncRecord(pncId: $k) { pncId }`).join(' ')} }`, variables: { k: pncIds[0] } }),
  () => JSON.stringify({ query: `{ pncRecord(pncId: "${pncIds[0]}") { ${'pncId '.repeat(1_900)} } }` }),
  () => JSON.stringify({ query: `{ pncRecord(pncId: "${pncIds[0]}") { ${'pncId @include(if: true) '.repeat(200)} } }` }),
  () => JSON.stringify({ query: `{ pncRecord(pncId: "${pncIds[0]}") { ...A } } fragment A on PncRecord { pncId ...B } fragment B on PncRecord { croNumber ...A }` }),
  () => JSON.stringify(Array.from({ length: 50 }, () => ({ query: '{ pathfinderWorkbooks { workbook } }' }))),
  () => JSON.stringify({ query: `{ pathfinderWorkbooks { workbook } } # ${'x'.repeat(2_000_000)}` }),
  () => JSON.stringify({ query: 'query S { searchPersons(query: { familyName: "SMITH" }, first: 100000) { hits { person { pncRecords { pncId } acroRequests { reference } } } } }' }),
  () => '{"query": "{ pathfinderWorkbooks { workbook } }"',
];

// ── driving ───────────────────────────────────────────────────────────────────────────────────
interface Tally {
  served: number;
  ok: number;
  byCode: Map<string, number>;
  fiveHundreds: number;
  failures: number;
}
const tally = (): Tally => ({ served: 0, ok: 0, byCode: new Map(), fiveHundreds: 0, failures: 0 });

async function send(body: string, h: Record<string, string>, t: Tally): Promise<number | null> {
  const started = performance.now();
  try {
    const res = await fetch(url, { method: 'POST', headers: h, body });
    const text = await res.text();
    t.served += 1;
    if (res.status >= 500) {
      t.fiveHundreds += 1;
      const code = /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? 'none';
      t.byCode.set(`${res.status} ${code}`, (t.byCode.get(`${res.status} ${code}`) ?? 0) + 1);
    } else if (res.status >= 400) {
      const code = /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? 'none';
      t.byCode.set(`${res.status} ${code}`, (t.byCode.get(`${res.status} ${code}`) ?? 0) + 1);
    } else t.ok += 1;
    return performance.now() - started;
  } catch {
    t.failures += 1; // e.g. a huge body whose connection was closed after the 413
    return null;
  }
}

async function validPhase(t: Tally): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS && performance.now() < deadline) {
        const i = next++;
        const ms = await send(JSON.stringify(valid[i % valid.length]!(i)), caseworker, t);
        if (ms !== null) latencies.push(ms);
      }
    }),
  );
  return latencies;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const fmt = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(1)} ms, p99 ${percentile(s, 99).toFixed(1)} ms (n=${s.length})`;
};

// warm-up (caches, JIT), not measured
await validPhase(tally());

const baseTally = tally();
const baseline = await validPhase(baseTally);

const attackTally = tally();
const validUnderAttackTally = tally();
let attacking = true;
const attackers = Array.from({ length: ATTACKERS }, async (_, a) => {
  let i = a;
  while (attacking && performance.now() < deadline) {
    await send(hostile[i % hostile.length]!(), attackerHeaders[i % attackerHeaders.length]!, attackTally);
    i += 1;
  }
});
const underAttack = await validPhase(validUnderAttackTally);
attacking = false;
await Promise.all(attackers);

clearInterval(rssTimer);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const refusals = gateway.handler.hardening.counters.snapshot();
await gateway.shutdown('bench finished');
rmSync(work, { recursive: true, force: true });

// ── report ────────────────────────────────────────────────────────────────────────────────────
const all = [baseTally, validUnderAttackTally, attackTally];
const served = all.reduce((n, t) => n + t.served, 0);
const fiveHundreds = all.reduce((n, t) => n + t.fiveHundreds, 0);
const byCode = new Map<string, number>();
for (const t of all) for (const [k, v] of t.byCode) byCode.set(k, (byCode.get(k) ?? 0) + v);

console.log('');
console.log(`requests served: ${served} (valid ${baseTally.served + validUnderAttackTally.served}, hostile ${attackTally.served}; ${attackTally.failures} hostile connections closed by the gateway after a 413)`);
console.log('4xx by code:');
for (const [k, v] of [...byCode].filter(([k]) => k.startsWith('4')).sort()) console.log(`  ${k.padEnd(34)} ${v}`);
console.log(`5xx: ${fiveHundreds}${fiveHundreds > 0 ? `  ${[...byCode].filter(([k]) => k.startsWith('5')).map(([k, v]) => `${k}=${v}`).join(' ')}` : ''}`);
console.log(`valid requests refused: ${[...validUnderAttackTally.byCode, ...baseTally.byCode].map(([k, v]) => `${k}=${v}`).join(' ') || 'none'}`);
console.log(`valid without attack: ${fmt(baseline)}`);
console.log(`valid under attack:   ${fmt(underAttack)}`);
console.log(`refusal counters: ${JSON.stringify(refusals)}`);
console.log(`peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MB (maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB)`);
if (performance.now() > deadline) console.log('stopped at --max-seconds');
process.exitCode = fiveHundreds > 0 ? 1 : 0;
