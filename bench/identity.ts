/**
 * Identity benchmark: a full person-index build for a generated estate (default 100,000 persons),
 * reading every source through its adapter, training the model, linking, clustering and writing
 * the index to a scratch SQLite store. Prints wall time per phase and records per second.
 *
 *   npx tsx bench/identity.ts [--persons 100000] [--seed 1] [--estate DIR] [--keep]
 *
 * The estate is generated into DIR (default .estate-bench-<persons>) unless it already exists.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildPersonIndex } from '../src/identity/personIndex.js';
import { openPersonIndexStore } from '../src/store/personStore.js';
import { openEstateSources } from '../scripts/identity-sources.js';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    estate: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const persons = Number(values.persons);
const estate = values.estate ?? `.estate-bench-${persons}`;
if (!existsSync(join(estate, 'manifest.json'))) {
  const { generateEstate } = await import('../mocks/estate/generate.js');
  const t = performance.now();
  await generateEstate({ outDir: estate, persons, seed: Number(values.seed) });
  console.log(`estate generated: ${persons} persons in ${((performance.now() - t) / 1000).toFixed(1)} s (${estate})`);
}
const scratch = mkdtempSync(join(tmpdir(), 'identity-bench-'));
const store = await openPersonIndexStore(`sqlite:${join(scratch, 'gateway.sqlite')}`);
const opened = await openEstateSources(estate);
const phases: string[] = [];
let last = performance.now();
try {
  const summary = await buildPersonIndex({
    sources: opened.sources,
    store,
    log: {
      info: (_details, message) => {
        const t = performance.now();
        phases.push(`${message.replace('identity: ', '').padEnd(22)} +${((t - last) / 1000).toFixed(1)} s`);
        last = t;
      },
    },
  });
  console.log(`machine: ${cpus().length} cores, node ${process.version}`);
  for (const p of phases) console.log(`  ${p}`);
  console.log(`persons in estate: ${persons}; records: ${summary.records}; gateway persons: ${summary.persons}`);
  console.log(`pairs compared: ${summary.comparedPairs}; linked ${summary.linkedPairs}; review queue ${summary.reviewQueue}`);
  console.log(`full build: ${summary.seconds.toFixed(1)} s; ${(summary.records / summary.seconds).toFixed(0)} records/second`);
} finally {
  await opened.close();
  await store.close();
  rmSync(scratch, { recursive: true, force: true });
  if (!values.keep && !values.estate) rmSync(estate, { recursive: true, force: true });
}
