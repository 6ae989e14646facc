/**
 * `npm run bench`: every benchmark, one after another, each printing its own figures. Performance
 * is measured here, never by timed unit tests.
 *
 *   npm run bench                     estate (100k) → identity (100k) → load
 *   npm run bench -- estate identity  only those, in that order
 *   npm run bench -- --persons 20000  a smaller estate for estate and identity
 *
 * Each benchmark is a separate process (bench/<name>.ts, or the estate CLI), so one's memory does
 * not distort the next; the run stops at the first failure and exits non-zero.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ options: { persons: { type: 'string', default: '100000' } }, allowPositionals: true });
const persons = values.persons;
const estateDir = join(tmpdir(), `pcv-bench-estate-${persons}`);

const BENCHES: Record<string, readonly string[]> = {
  // 100,000 persons rendered into every source (issue 2: well under two minutes on 2 cores)
  estate: ['mocks/estate/cli.ts', '--seed', '1', '--persons', persons, '--out', estateDir],
  // full person-index build over that estate, records per second (issue 4: under 5 minutes)
  identity: ['bench/identity.ts', '--persons', persons, '--estate', estateDir],
  // valid traffic with and without hostile documents, loopback only (issue 9)
  load: ['bench/load.ts'],
};

const chosen = positionals.length > 0 ? positionals : Object.keys(BENCHES);
for (const name of chosen) {
  const args = BENCHES[name];
  if (!args) {
    console.error(`bench: unknown benchmark "${name}"; choose from ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n=== bench ${name}`);
  if (name === 'estate') rmSync(estateDir, { recursive: true, force: true });
  const started = performance.now();
  const r = spawnSync(join('node_modules', '.bin', 'tsx'), args, { stdio: 'inherit' });
  console.log(`=== bench ${name}: ${r.status === 0 ? 'done' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) process.exit(1);
}
