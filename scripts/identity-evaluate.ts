/**
 * Scores the person index against an estate's ground truth (any estate folder, also one never seen
 * before): builds the index from the estate into a scratch store (or --store), then prints pairwise
 * precision, recall and F1 of the auto-links, the review queue as a share of persons, hard negatives
 * (twins, namesakes) auto-linked, and the worst false links and misses with their evidence.
 *
 *   npx tsx scripts/identity-evaluate.ts --estate DIR [--store URL] [--model FILE] [--worst N] [--json]
 *
 * The truth is read only here, after linking: the build never sees it.
 */
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildPersonIndex } from '../src/identity/personIndex.js';
import { evaluateLinks, parseHardNegatives, parseTruthTsv, type ErrorExample, type EvaluationReport } from '../src/identity/evaluate.js';
import { parseModel } from '../src/identity/model.js';
import { expandEvidence, type CompactEvidence } from '../src/identity/score.js';
import { openPersonIndexStore } from '../src/store/personStore.js';
import { openEstateSources } from './identity-sources.js';

const { values } = parseArgs({
  options: {
    estate: { type: 'string' },
    store: { type: 'string' },
    model: { type: 'string' },
    worst: { type: 'string', default: '5' },
    json: { type: 'boolean', default: false },
  },
});
if (!values.estate) {
  console.error('usage: identity-evaluate --estate DIR [--store URL] [--model FILE] [--worst N] [--json]');
  process.exit(2);
}
const estate = values.estate;
const truthPath = join(estate, 'truth', 'records.tsv');
if (!existsSync(truthPath)) {
  console.error(`No ground truth at ${truthPath}`);
  process.exit(2);
}

const scratch = values.store ? null : mkdtempSync(join(tmpdir(), 'identity-eval-'));
const store = await openPersonIndexStore(values.store ?? `sqlite:${join(scratch!, 'gateway.sqlite')}`);
const opened = await openEstateSources(estate);
try {
  const model = values.model ? parseModel(readFileSync(values.model, 'utf8')) : undefined;
  const summary = await buildPersonIndex({ sources: opened.sources, store, ...(model ? { model } : {}) });
  const records = await store.loadRecords();
  const model0 = parseModel((await store.latestModelJson())!);
  const pairs = (await store.loadPairs()).map((p) => ({ ...p, evidence: expandEvidence(model0, JSON.parse(p.evidence) as CompactEvidence) }));
  const personsPath = join(estate, 'truth', 'persons.ndjson');
  const report = evaluateLinks({
    assigned: new Map(records.map((r) => [r.ref, r.personId])),
    truth: parseTruthTsv(readFileSync(truthPath, 'utf8')),
    hardNegatives: existsSync(personsPath) ? parseHardNegatives(readFileSync(personsPath, 'utf8')) : [],
    reviewQueue: summary.reviewQueue,
    pairs,
    worst: Number(values.worst),
  });
  if (values.json) console.log(JSON.stringify({ summary, report }, null, 2));
  else printReport(summary.records, summary.seconds, summary.modelVersion, report);
} finally {
  await opened.close();
  await store.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}

function printExample(e: ErrorExample): void {
  console.log(`  ${e.leftRef}  ~  ${e.rightRef}   ${e.outcome} by ${e.rule}, weight ${e.matchWeight.toFixed(2)}`);
  if (!e.evidence) return;
  console.log(`      prior ${e.evidence.priorWeight.toFixed(2)}`);
  for (const r of e.evidence.rows) {
    console.log(`      ${r.comparison.padEnd(13)} ${r.label}${r.note ? ` [${r.note}]` : ''}  BF ${r.bayesFactor.toPrecision(3)}  ${r.partialWeight >= 0 ? '+' : ''}${r.partialWeight.toFixed(2)}`);
  }
}

function printReport(records: number, seconds: number, modelVersion: string, r: EvaluationReport): void {
  console.log(`estate            ${estate}`);
  console.log(`model             ${modelVersion}`);
  console.log(`records           ${records} (${r.recordsWithoutTruth} without truth), built in ${seconds.toFixed(1)} s (${(records / seconds).toFixed(0)} records/s)`);
  console.log(`persons           true ${r.truePersons}, gateway ${r.gatewayPersons}`);
  console.log(`pairs             true ${r.truePairs}, auto-linked ${r.predictedPairs}, correct ${r.correctPairs}`);
  console.log(`precision         ${r.precision.toFixed(5)}`);
  console.log(`recall            ${r.recall.toFixed(5)}`);
  console.log(`F1                ${r.f1.toFixed(5)}`);
  console.log(`review queue      ${r.reviewQueue} (${r.reviewPercentOfPersons.toFixed(2)}% of persons)`);
  console.log(`hard negatives    ${r.hardNegativesAutoLinked} of ${r.hardNegatives} auto-linked`);
  console.log(`misses never scored (blocked out): ${r.missesNeverScored} persons`);
  console.log(`worst false links:`);
  r.worstFalseLinks.forEach(printExample);
  console.log(`worst misses:`);
  r.worstMisses.forEach(printExample);
}
