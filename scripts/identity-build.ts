/**
 * Builds the person index in full from an estate folder's sources into the gateway store.
 *
 *   npx tsx scripts/identity-build.ts [--estate DIR] [--store URL] [--model FILE] [--model-out FILE]
 *
 * --estate    estate folder (default .estate); PNC and ACRO are served from it on loopback
 * --store     gateway store (default $GATEWAY_DATABASE_URL or sqlite:.data/gateway.sqlite)
 * --model     use a saved model JSON instead of training on the data
 * --model-out write the model used to this file
 * Prints counts only (no personal data).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildPersonIndex } from '../src/identity/personIndex.js';
import { parseModel, serialiseModel } from '../src/identity/model.js';
import { openPersonIndexStore, DEFAULT_STORE_URL } from '../src/store/personStore.js';
import { openEstateSources } from './identity-sources.js';

const { values } = parseArgs({
  options: {
    estate: { type: 'string', default: '.estate' },
    store: { type: 'string', default: process.env.GATEWAY_DATABASE_URL ?? DEFAULT_STORE_URL },
    model: { type: 'string' },
    'model-out': { type: 'string' },
  },
});

const store = await openPersonIndexStore(values.store);
const opened = await openEstateSources(values.estate!);
try {
  const model = values.model ? parseModel(readFileSync(values.model, 'utf8')) : undefined;
  const summary = await buildPersonIndex({
    sources: opened.sources,
    store,
    ...(model ? { model } : {}),
    log: { info: (details, message) => console.error(`${message} ${JSON.stringify(details)}`) },
  });
  if (values['model-out']) {
    const json = await store.latestModelJson();
    if (json) writeFileSync(values['model-out'], serialiseModel(parseModel(json)));
  }
  console.log(JSON.stringify(summary, null, 2));
  console.log(`records/second: ${(summary.records / summary.seconds).toFixed(0)}`);
} finally {
  await opened.close();
  await store.close();
}
