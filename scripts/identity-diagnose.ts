/**
 * Where identity resolution loses pairs on an estate with ground truth (a developer's tool, not
 * part of the build): runs the linking pipeline in memory and breaks the true pairs that did not
 * end up on one person, and the false links, down by cause and by source pair.
 *
 *   npx tsx scripts/identity-diagnose.ts --estate DIR [--cache FILE]
 *
 * --margin BITS overrides the ambiguity margin (default: the link threshold).
 * --cache keeps the fragments read from the sources in a JSON file so repeated runs skip the read.
 * Prints counts only (no personal data) unless --examples N is given; --dump-hard prints the records
 * of each look-alike pair left on one person (the synthetic estate's made-up people, never real data).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { IdentityFragment } from '../src/domain/common.js';
import { candidatePairs, DEFAULT_BLOCKING } from '../src/identity/blocking.js';
import { classifyPair } from '../src/identity/classify.js';
import { identityKey, sharedIdentityKeys } from '../src/identity/collisions.js';
import { heldTogether, holdsPersonalIdentifier } from '../src/identity/identifiers.js';
import { reviewOffers } from '../src/identity/reviewQueue.js';
import { trainModel } from '../src/identity/em.js';
import { parseHardNegatives, parseTruthTsv } from '../src/identity/evaluate.js';
import { termFrequencies } from '../src/identity/frequencies.js';
import { clusterPairs, isCompetitor, type ScoredPair } from '../src/identity/link.js';
import { collectFragments } from '../src/identity/personIndex.js';
import { prepareRecord } from '../src/identity/prepare.js';
import { comparePair, scoreCompared } from '../src/identity/score.js';
import { openEstateSources } from './identity-sources.js';

const { values } = parseArgs({
  options: { estate: { type: 'string' }, cache: { type: 'string' }, examples: { type: 'string', default: '0' }, link: { type: 'string' }, review: { type: 'string' }, margin: { type: 'string' }, 'dump-hard': { type: 'boolean', default: false }, 'dump-queue': { type: 'string', default: '0' } },
});
if (!values.estate) {
  console.error('usage: identity-diagnose --estate DIR [--cache FILE] [--examples N]');
  process.exit(2);
}
const estate = values.estate;
let fragments: IdentityFragment[];
if (values.cache && existsSync(values.cache)) fragments = JSON.parse(readFileSync(values.cache, 'utf8')) as IdentityFragment[];
else {
  const opened = await openEstateSources(estate);
  try {
    fragments = await collectFragments(opened.sources);
  } finally {
    await opened.close();
  }
  if (values.cache) writeFileSync(values.cache, JSON.stringify(fragments));
}
const t0 = performance.now();
const records = fragments.map((f, i) => prepareRecord(f, i));
const trained = trainModel(records);
const model = values.link || values.review
  ? { ...trained, thresholds: { link: Number(values.link ?? trained.thresholds.link), review: Number(values.review ?? trained.thresholds.review) } }
  : trained;
console.log(`model prior ${model.prior} (log2 odds ${Math.log2(model.prior / (1 - model.prior)).toFixed(2)}), training ${JSON.stringify(model.training)}`);
const truth = parseTruthTsv(readFileSync(join(estate, 'truth', 'records.tsv'), 'utf8'));
const truthOf = records.map((r) => truth.get(r.refKey) ?? '?');
let clusterOfShown: readonly number[] = [];
const showRecord = (i: number) => {
  const f = records[i]!.fragment;
  const ids = f.identifiers.map((x) => `${x.kind}=${x.value}`).join(',');
  const names = [f.name, ...f.aliases].map((n) => `${n.given.join(' ')} ${n.family}`).join(' / ');
  return `    c${clusterOfShown[i]} ${truthOf[i]} ${f.ref.source}:${f.ref.key} | ${names} | ${f.dateOfBirth} ${f.gender} ${f.nationality} pob=${f.placeOfBirth} | ${ids} | rec ${f.recordedAt}`;
};
const hard = parseHardNegatives(readFileSync(join(estate, 'truth', 'persons.ndjson'), 'utf8'));
const hardKind = new Map<string, string>();
for (const [a, b, k] of hard) {
  hardKind.set(`${a}|${b}`, k);
  hardKind.set(`${b}|${a}`, k);
}
const tf = termFrequencies(records);
const sharedKeys = sharedIdentityKeys(records);
const { pairs: candidates } = candidatePairs(records, DEFAULT_BLOCKING);
const kept: ScoredPair[] = [];
const outcomeOf = new Map<string, { outcome: string; weight: number; guard: string | null; rule: string }>();
const hist = new Map<string, number>();
for (const [l, r] of candidates) {
  const a = records[l]!;
  const b = records[r]!;
  const c = comparePair(a, b);
  const e = scoreCompared(model, c, tf);
  const d = classifyPair(model, a, b, c, e, sharedKeys);
  const same = truthOf[l] === truthOf[r];
  const bin = `${same ? 'M' : 'U'}|${Math.max(-10, Math.min(40, Math.floor(e.matchWeight / 2) * 2))}`;
  hist.set(bin, (hist.get(bin) ?? 0) + 1);
  outcomeOf.set(`${l}:${r}`, { outcome: d.outcome, weight: e.matchWeight, guard: d.guard, rule: d.rule });
  if (d.outcome !== 'NOT_LINKED' || isCompetitor(d.outcome, d.rule, e.matchWeight)) kept.push({ left: l, right: r, ...d, evidence: e });
}
const { clusterOf, refused, resolved } = clusterPairs(records, kept, [], { ambiguityMargin: Number(values.margin ?? model.thresholds.link), unscoredWeight: model.thresholds.review });
clusterOfShown = clusterOf;
console.log(`pipeline ${((performance.now() - t0) / 1000).toFixed(1)} s; candidates ${candidates.length}; kept ${kept.length}; refused ${refused.length}`);

const bump = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);
const print = (title: string, m: Map<string, number>, top = 25) => {
  console.log(title);
  for (const [k, v] of [...m.entries()].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`  ${String(v).padStart(7)}  ${k}`);
};
console.log("weight histogram (bin: same | different)");
for (let b = -10; b <= 40; b += 2) console.log(`  ${String(b).padStart(4)} ${String(hist.get(`M|${b}`) ?? 0).padStart(7)} ${String(hist.get(`U|${b}`) ?? 0).padStart(7)}`);

// Missed true pairs: for every true person split over several gateway clusters, each pair of records
// in different clusters, classified by what happened to that pair.
const recordsOfTruth = new Map<string, number[]>();
truthOf.forEach((t, i) => recordsOfTruth.set(t, [...(recordsOfTruth.get(t) ?? []), i]));
const refusedWhy = new Map<string, string>();
for (const r of refused) refusedWhy.set(`${Math.min(r.left, r.right)}:${Math.max(r.left, r.right)}`, r.reason);
const missCause = new Map<string, number>();
const missBySources = new Map<string, number>();
let missed = 0;
const src = (i: number) => records[i]!.fragment.ref.source;
for (const members of recordsOfTruth.values()) {
  for (let x = 0; x < members.length; x++) {
    for (let y = x + 1; y < members.length; y++) {
      const l = members[x]!;
      const r = members[y]!;
      if (clusterOf[l] === clusterOf[r]) continue;
      missed++;
      const o = outcomeOf.get(`${l}:${r}`);
      const why = refusedWhy.get(`${l}:${r}`);
      const cause = !o ? 'not blocked' : why ? `refused: ${why}` : o.outcome === 'LINKED' ? 'linked pair, clusters apart' : o.outcome === 'POSSIBLE_MATCH' ? `review: ${o.guard ?? 'between thresholds'}` : `not linked (w ${Math.floor(o.weight / 4) * 4})`;
      bump(missCause, cause);
      bump(missBySources, [src(l), src(r)].sort().join('-'));
    }
  }
}
// The review queue as the person index builds it (reviewQueue.ts).
const offers = reviewOffers({ records, clusterOf, pairs: kept, refused });
const membersOf = new Map<number, number[]>();
clusterOf.forEach((c, i) => (membersOf.get(c) ?? membersOf.set(c, []).get(c)!).push(i));
const heldOf = new Map([...membersOf].map(([c, ms]) => [c, heldTogether(ms.map((i) => records[i]!))]));
// What the review queue holds: per pair of clusters, whether their main true persons are one person
// (a missed link), look-alikes (twins, namesakes: what review is for) or unrelated.
{
  const mainTruth = new Map<number, string>();
  const counts = new Map<number, Map<string, number>>();
  clusterOf.forEach((c, i) => {
    const m = counts.get(c) ?? new Map<string, number>();
    m.set(truthOf[i]!, (m.get(truthOf[i]!) ?? 0) + 1);
    counts.set(c, m);
  });
  for (const [c, m] of counts) mainTruth.set(c, [...m.entries()].sort((x, y) => y[1] - x[1])[0]![0]);
  const kinds = new Map<string, number>();
  const queueWhy = new Map<string, string>();
  for (const o of offers) queueWhy.set([o.leftCluster, o.rightCluster].sort().join('|'), o.reason.replace(/^link refused: /, 'refused: ').replace('score between the review and link thresholds', 'between thresholds'));
  for (const [k, why] of queueWhy) {
    const [x, y] = k.split('|').map(Number) as [number, number];
    const tx = mainTruth.get(x)!;
    const ty = mainTruth.get(y)!;
    const kind = tx === ty ? 'same person' : hardKind.get(`${tx}|${ty}`) ?? 'unrelated';
    const anchored = (c: number) => holdsPersonalIdentifier(heldOf.get(c)!);
    const sides = `${anchored(x) ? 'id' : 'no-id'}~${anchored(y) ? 'id' : 'no-id'}`.replace('no-id~id', 'id~no-id');
    bump(kinds, `${kind} | ${why.replace(/\(conflicting [A-Z_]+\)/, '(…)')} | ${sides}`);
  }
  print('review queue (cluster pairs) by truth | why:', kinds, 60);
  // --dump-queue N: the records of the first N queued true links held back by a shared key, with the
  // other holders of the key (the synthetic estate's made-up people only).
  let dumped = 0;
  for (const [k, why] of queueWhy) {
    if (dumped >= Number(values['dump-queue']) || !why.startsWith('name and date of birth held')) continue;
    const [x, y] = k.split('|').map(Number) as [number, number];
    if (mainTruth.get(x) !== mainTruth.get(y)) continue;
    dumped++;
    const keys = new Set([...membersOf.get(x)!, ...membersOf.get(y)!].map((i) => identityKey(records[i]!)).filter((key) => key !== null && sharedKeys.has(key)));
    const others = new Set<number>();
    records.forEach((r, i) => {
      const key = identityKey(r);
      if (key !== null && keys.has(key) && clusterOf[i] !== x && clusterOf[i] !== y) others.add(clusterOf[i]!);
    });
    console.log(`queued ${why}`);
    for (const c of [x, y, ...others]) {
      console.log(`  group c${c}${c === x || c === y ? '' : ' (other holder)'}`);
      for (const i of membersOf.get(c)!) console.log(`  ${showRecord(i)}`);
    }
    for (const p of kept) {
      const cs = [clusterOf[p.left], clusterOf[p.right]];
      if (cs[0] === cs[1] || !cs.every((c) => c === x || c === y || others.has(c!))) continue;
      console.log(`    edge c${cs[0]}~c${cs[1]} ${p.outcome} w${p.evidence.matchWeight.toFixed(1)} guard=${p.guard}: ${p.evidence.rows.map((r) => `${r.comparison}=${r.label}(${r.partialWeight.toFixed(1)})`).join(' ')}`);
    }
  }
}
let truePairs = 0;
for (const ms of recordsOfTruth.values()) truePairs += (ms.length * (ms.length - 1)) / 2;
let predicted = 0;
const sizes = new Map<number, number>();
for (const c of clusterOf) sizes.set(c, (sizes.get(c) ?? 0) + 1);
for (const n of sizes.values()) predicted += (n * (n - 1)) / 2;
const correct = truePairs - missed;
console.log(`thresholds ${JSON.stringify(model.thresholds)}: precision ${(correct / predicted).toFixed(5)} recall ${(correct / truePairs).toFixed(5)} queue ${offers.length} (${((100 * offers.length) / recordsOfTruth.size).toFixed(2)}% of persons)`);
console.log(`missed true pairs: ${missed}`);
{
  const byTruth = new Map<string, number>();
  for (const p of resolved) bump(byTruth, truthOf[p.left] === truthOf[p.right] ? 'same person' : hardKind.get(`${truthOf[p.left]}|${truthOf[p.right]}`) ?? 'unrelated');
  print('shared-key links joined, other holders excluded:', byTruth);
}
print('by cause:', missCause);
print('by sources:', missBySources);

// False links: pairs of records of different true persons in one cluster.
const members = new Map<number, number[]>();
clusterOf.forEach((c, i) => members.set(c, [...(members.get(c) ?? []), i]));
const falseBySources = new Map<string, number>();
const falseByKind = new Map<string, number>();
let falsePairs = 0;
for (const ms of members.values()) {
  for (let x = 0; x < ms.length; x++) {
    for (let y = x + 1; y < ms.length; y++) {
      const l = ms[x]!;
      const r = ms[y]!;
      if (truthOf[l] === truthOf[r]) continue;
      falsePairs++;
      bump(falseBySources, [src(l), src(r)].sort().join('-'));
      bump(falseByKind, hardKind.get(`${truthOf[l]}|${truthOf[r]}`) ?? 'unrelated');
    }
  }
}
console.log(`false record pairs: ${falsePairs}`);
print('by sources:', falseBySources);
print('by resemblance:', falseByKind);
// Direct false LINKED edges (not via transitivity).
const edgeCause = new Map<string, number>();
for (const p of kept) {
  if (p.outcome !== 'LINKED' || truthOf[p.left] === truthOf[p.right] || clusterOf[p.left] !== clusterOf[p.right]) continue;
  const dob = p.evidence.rows[2]!.label;
  bump(edgeCause, `${p.rule} | ${hardKind.get(`${truthOf[p.left]}|${truthOf[p.right]}`) ?? 'unrelated'} | dob ${dob} | ${[src(p.left), src(p.right)].sort().join('-')}`);
}
print('false LINKED edges applied:', edgeCause);
const review = new Map<string, number>();
for (const p of kept) {
  if (p.outcome !== 'POSSIBLE_MATCH' || clusterOf[p.left] === clusterOf[p.right]) continue;
  bump(review, `${truthOf[p.left] === truthOf[p.right] ? 'same' : 'diff'} | ${p.guard ?? 'between'}`);
}
print('review pairs (between clusters):', review);

// Examples of missed custody pairs (field levels only: labels, no personal data).
const nExamples = Number(values.examples);
if (nExamples > 0) {
  const seen = new Map<string, number>();
  for (const members of recordsOfTruth.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const l = members[x]!;
        const r = members[y]!;
        if (clusterOf[l] === clusterOf[r]) continue;
        const o = outcomeOf.get(`${l}:${r}`);
        if (!o) continue;
        const cause = refusedWhy.get(`${l}:${r}`) ?? o.guard ?? o.outcome;
        const pat = scoreCompared(model, comparePair(records[l]!, records[r]!), tf).rows.map((row) => `${row.comparison}=${row.label.slice(0, 18)}(${row.partialWeight.toFixed(1)})`).join(' ');
        const k = `${[src(l), src(r)].sort().join('-')} ${cause} w${o.weight.toFixed(0)} :: ${pat}`;
        seen.set(k, (seen.get(k) ?? 0) + 1);
      }
    }
  }
  print('missed-pair patterns:', new Map([...seen.entries()].sort((a, b) => b[1] - a[1]).slice(0, nExamples)));
}

// Hard negatives (twins, namesakes) that ended up on one gateway person: per look-alike pair, the
// edges that joined their records (rule, guard, date-of-birth level, sources, identifier kinds held),
// and whether the two persons' names and dates of birth fall on a key known to be shared.
const hardJoined: string[] = [];
for (const [a, b, kind] of hard) {
  const ra = recordsOfTruth.get(a) ?? [];
  const rb = new Set(recordsOfTruth.get(b) ?? []);
  const clustersB = new Set([...rb].map((i) => clusterOf[i]));
  if (!ra.some((i) => clustersB.has(clusterOf[i]))) continue;
  const idKinds = (i: number) => [...records[i]!.ids.keys()].filter((k) => k !== 'CUSTODY_RECORD' && k !== 'CID_CASE').sort().join('+') || 'none';
  const edges = kept
    .filter((p) => p.outcome === 'LINKED' && clusterOf[p.left] === clusterOf[p.right] && ((truthOf[p.left] === a && truthOf[p.right] === b) || (truthOf[p.left] === b && truthOf[p.right] === a)))
    .map((p) => `${p.rule} dob=${p.evidence.rows[2]!.label} ${src(p.left)}[${idKinds(p.left)}]~${src(p.right)}[${idKinds(p.right)}] sharedKey=${sharedKeys.has(identityKey(records[p.left]!) ?? '') || sharedKeys.has(identityKey(records[p.right]!) ?? '')}`);
  hardJoined.push(`${kind}: ${edges.length ? edges.join('; ') : 'joined through third records'}`);
}
console.log(`hard negatives on one person: ${hardJoined.length}`);
for (const h of hardJoined) console.log(`  ${h}`);

if (values['dump-hard']) {
  for (const [a, b, kind] of hard) {
    const ra = recordsOfTruth.get(a) ?? [];
    const rb = recordsOfTruth.get(b) ?? [];
    const clustersB = new Set(rb.map((i) => clusterOf[i]));
    if (!ra.some((i) => clustersB.has(clusterOf[i]))) continue;
    console.log(`${kind} ${a} ~ ${b}`);
    for (const i of [...ra, ...rb]) console.log(showRecord(i));
    const mine = new Set([...ra, ...rb]);
    for (const p of kept) {
      if (!mine.has(p.left) && !mine.has(p.right)) continue;
      if (truthOf[p.left] === truthOf[p.right] && clusterOf[p.left] === clusterOf[p.right]) continue;
      const why = refusedWhy.get(`${Math.min(p.left, p.right)}:${Math.max(p.left, p.right)}`);
      if (why) console.log(`    refused: ${why}`);
      console.log(`    edge ${clusterOf[p.left] === clusterOf[p.right] ? 'joined' : 'apart'} ${truthOf[p.left]}~${truthOf[p.right]} ${p.outcome} ${p.rule} w${p.evidence.matchWeight.toFixed(1)} guard=${p.guard} ${records[p.left]!.refKey} ~ ${records[p.right]!.refKey}: ${p.evidence.rows.map((r) => `${r.comparison}=${r.label}(${r.partialWeight.toFixed(1)})`).join(' ')}`);
    }
  }
}
