/**
 * The person index API for the rest of the gateway: build it in full from the sources, keep it
 * current as records appear or change, answer "which person is this record?" and "which records
 * make this person, and how were they linked?" in batches, search for candidate persons with match
 * reasons, and record caseworkers' decisions, which every re-run respects.
 */
import type { IdentityFragment, SourceName, SourceRef } from '../domain/common.js';
import { sourceRefString } from '../domain/common.js';
import { BadInputError, GatewayError } from '../domain/errors.js';
import type { DecisionKind, DecisionRow, PairRow, PersonIndexStore, RecordRow, ReviewRow } from '../store/personStore.js';
import { identityKey, sharedIdentityKeys } from './collisions.js';
import { trainModel } from './em.js';
import { termFrequencies } from './frequencies.js';
import { clusterPairs, pairKey, scorePairs, type HumanConstraint, type ScoredPair } from './link.js';
import { parseModel, serialiseModel, type LinkageModel, type Thresholds } from './model.js';
import { assignPersonIds } from './personIds.js';
import { prepareRecord, type PreparedRecord } from './prepare.js';
import { reviewOffers } from './reviewQueue.js';
import { comparePair, compactEvidence, expandEvidence, scoreCompared, type CompactEvidence, type PairEvidence, type WaterfallRow } from './score.js';

/** A person-bearing source as identity resolution sees it. */
export interface IdentitySource {
  readonly name: SourceName;
  scanFragments(): AsyncIterable<IdentityFragment>;
}

/** Counts only: never personal data. */
export interface IdentityLog {
  info(details: Record<string, unknown>, message: string): void;
}

const silentLog: IdentityLog = { info: () => undefined };

export interface IndexSummary {
  readonly records: number;
  readonly persons: number;
  readonly comparedPairs: number;
  readonly linkedPairs: number;
  readonly possiblePairs: number;
  readonly reviewQueue: number;
  readonly refusedLinks: number;
  readonly modelVersion: string;
  readonly seconds: number;
}

export interface BuildOptions {
  readonly sources: readonly IdentitySource[];
  readonly store: PersonIndexStore;
  readonly log?: IdentityLog;
  /** Use this model instead of training one on the data. */
  readonly model?: LinkageModel;
  readonly thresholds?: Thresholds;
  readonly now?: () => string;
}

const isoNow = () => new Date().toISOString();

/** How a record joined its person. */
export interface RecordLink {
  readonly ref: SourceRef;
  readonly personId: string;
  /** Deterministic rule name, PROBABILISTIC, HUMAN (a caseworker's decision) or SINGLE (alone). */
  readonly rule: string;
  readonly matchWeight: number | null;
  readonly evidence: PairEvidence | null;
}

export interface PersonSearchQuery {
  readonly familyName: string;
  readonly givenNames?: readonly string[];
  readonly dateOfBirth?: string | null;
  readonly nationality?: string | null;
  readonly gender?: 'M' | 'F' | null;
  /** At most this many persons (each may come with one candidate per source). */
  readonly limit?: number;
}

export interface PersonCandidate {
  readonly personId: string;
  /** The record of that person that matched best in its source (one candidate per person and source). */
  readonly ref: SourceRef;
  readonly matchWeight: number;
  readonly probability: number;
  /** Comparisons that counted for the match, in words ("familyName: exact match"). */
  readonly reasons: readonly string[];
  readonly evidence: PairEvidence;
}

export type DecisionInput =
  | { readonly kind: 'CONFIRM_LINK'; readonly refs: readonly [SourceRef, SourceRef]; readonly decidedBy: string; readonly reason: string }
  | { readonly kind: 'REJECT_LINK'; readonly refs: readonly [SourceRef, SourceRef]; readonly decidedBy: string; readonly reason: string }
  | { readonly kind: 'SPLIT'; readonly personId: string; readonly refs: readonly SourceRef[]; readonly decidedBy: string; readonly reason: string }
  | { readonly kind: 'MERGE'; readonly personIds: readonly [string, string]; readonly decidedBy: string; readonly reason: string };

export interface ReviewItem {
  readonly id: number;
  readonly left: SourceRef;
  readonly right: SourceRef;
  readonly leftPersonId: string;
  readonly rightPersonId: string;
  readonly matchWeight: number;
  readonly reason: string;
  readonly evidence: PairEvidence;
}

export interface PersonIndex {
  updatePersonIndex(fragments: readonly IdentityFragment[], removed?: readonly SourceRef[]): Promise<IndexSummary>;
  personIdForRecord(refs: readonly SourceRef[]): Promise<Array<string | Error>>;
  recordsForPerson(personIds: readonly string[]): Promise<Array<readonly RecordLink[] | Error>>;
  searchCandidates(query: PersonSearchQuery): Promise<PersonCandidate[]>;
  recordDecision(decision: DecisionInput): Promise<{ readonly decisionId: number; readonly summary: IndexSummary }>;
  reviewQueue(limit?: number): Promise<ReviewItem[]>;
  model(): Promise<LinkageModel | null>;
}

export function parseRef(ref: string): SourceRef {
  const i = ref.indexOf(':');
  return { source: ref.slice(0, i) as SourceName, key: ref.slice(i + 1) };
}

// ---------------------------------------------------------------- the computation shared by build and update

interface Snapshot {
  readonly records: RecordRow[];
  readonly pairs: PairRow[];
  readonly review: ReviewRow[];
  readonly persons: number;
  readonly refused: number;
}

function constraintsFor(decisions: readonly DecisionRow[], indexOf: ReadonlyMap<string, number>): HumanConstraint[] {
  const latest = new Map<string, HumanConstraint>();
  for (const d of decisions) {
    for (const [l, r, link] of d.constraints) {
      const a = indexOf.get(l);
      const b = indexOf.get(r);
      if (a === undefined || b === undefined || a === b) continue;
      latest.set(pairKey(a, b), { left: a, right: b, link });
    }
  }
  return [...latest.values()];
}

function pairRowOf(p: ScoredPair, records: readonly PreparedRecord[], modelVersion: string): PairRow {
  return {
    leftRef: records[p.left]!.refKey, rightRef: records[p.right]!.refKey, outcome: p.outcome, rule: p.rule, guard: p.guard,
    matchWeight: p.evidence.matchWeight, probability: p.evidence.probability, evidence: JSON.stringify(compactEvidence(p.evidence)), modelVersion,
  };
}

function computeSnapshot(
  model: LinkageModel,
  records: readonly PreparedRecord[],
  pairs: readonly ScoredPair[],
  decisions: readonly DecisionRow[],
  prior: ReadonlyMap<string, string>,
  now: string,
): Snapshot {
  const indexOf = new Map(records.map((r) => [r.refKey, r.index]));
  const constraints = constraintsFor(decisions, indexOf);
  const { clusterOf, refused, promoted, resolved } = clusterPairs(records, pairs, constraints, { ambiguityMargin: model.thresholds.link, unscoredWeight: model.thresholds.review });
  const members = new Map<number, string[]>();
  clusterOf.forEach((c, i) => {
    const list = members.get(c);
    if (list) list.push(records[i]!.refKey);
    else members.set(c, [records[i]!.refKey]);
  });
  const roots = [...members.keys()];
  const ids = assignPersonIds(roots.map((r) => members.get(r)!), prior);
  const personOfRoot = new Map(roots.map((r, i) => [r, ids[i]!]));
  const personOf = (i: number) => personOfRoot.get(clusterOf[i]!)!;

  // How each record joined its person: the strongest linked pair inside its cluster. Its evidence is
  // serialised once per record at the end, compactly (levels and partial weights with the model
  // version: recordLinkEvidence), not once per pair considered.
  const how = new Array<{ rule: string; weight: number | null; pair: ScoredPair | null; rank: number } | undefined>(records.length);
  const consider = (i: number, rule: string, weight: number | null, pair: ScoredPair | null, rank: number) => {
    const cur = how[i];
    if (!cur || rank > cur.rank) how[i] = { rule, weight, pair, rank };
  };
  for (const c of constraints) {
    if (c.link && clusterOf[c.left] === clusterOf[c.right]) {
      consider(c.left, 'HUMAN', null, null, Number.POSITIVE_INFINITY);
      consider(c.right, 'HUMAN', null, null, Number.POSITIVE_INFINITY);
    }
  }
  for (const p of pairs) {
    const only = promoted.has(p);
    const excluded = resolved.has(p);
    if ((p.outcome !== 'LINKED' && !only && !excluded) || clusterOf[p.left] !== clusterOf[p.right]) continue;
    // ONLY_CANDIDATE: a possible match joined because each side had no other candidate (cluster evidence).
    // OTHER_HOLDERS_EXCLUDED: its name and date of birth are held by two people, and every other one
    // was excluded by a fact (cluster.ts).
    const rule = only ? 'ONLY_CANDIDATE' : excluded ? 'OTHER_HOLDERS_EXCLUDED' : p.rule;
    const rank = (p.rule === 'PROBABILISTIC' ? 0 : 1e6) - (only ? 1e3 : 0) + p.evidence.matchWeight;
    consider(p.left, rule, p.evidence.matchWeight, p, rank);
    consider(p.right, rule, p.evidence.matchWeight, p, rank);
  }
  const evidenceJson = new Map<ScoredPair, string>();
  const evidenceOfPair = (p: ScoredPair): string => {
    let json = evidenceJson.get(p);
    if (json === undefined) {
      json = JSON.stringify(recordLinkEvidence(model.modelVersion, p.evidence));
      evidenceJson.set(p, json);
    }
    return json;
  };
  const recordRows: RecordRow[] = records.map((r, i) => {
    const h = how[i];
    const n = r.names[0];
    return {
      ref: r.refKey, source: r.fragment.ref.source, recordKey: r.fragment.ref.key, personId: personOf(i),
      rule: h?.rule ?? 'SINGLE', matchWeight: h?.weight ?? null, evidence: h?.pair ? evidenceOfPair(h.pair) : null, fragment: r.fragment,
      familyKey: n?.familyPhonetic || null, givenKey: n?.givenPhonetic || null, dateOfBirth: r.dob?.iso ?? null,
    };
  });

  // Review queue: one item per pair of persons (reviewQueue.ts says which pairs).
  const decided = new Set(constraints.map((c) => pairKey(c.left, c.right)));
  const byPersons: ReviewRow[] = reviewOffers({ records, clusterOf, pairs, refused, decided }).map((o) => ({
    leftRef: records[o.left]!.refKey, rightRef: records[o.right]!.refKey, leftPerson: personOf(o.left), rightPerson: personOf(o.right),
    matchWeight: o.pair.evidence.matchWeight, reason: o.reason, evidence: JSON.stringify(compactEvidence(o.pair.evidence)), createdAt: now,
  }));
  const review = byPersons.sort((a, b) => b.matchWeight - a.matchWeight || (a.leftRef < b.leftRef ? -1 : 1));
  return {
    records: recordRows,
    pairs: pairs.map((p) => pairRowOf(p, records, model.modelVersion)),
    review,
    persons: roots.length,
    refused: refused.length,
  };
}

function summarise(model: LinkageModel, snap: Snapshot, compared: number, started: number): IndexSummary {
  return {
    records: snap.records.length,
    persons: snap.persons,
    comparedPairs: compared,
    linkedPairs: snap.pairs.filter((p) => p.outcome === 'LINKED').length,
    possiblePairs: snap.pairs.filter((p) => p.outcome === 'POSSIBLE_MATCH').length,
    reviewQueue: snap.review.length,
    refusedLinks: snap.refused,
    modelVersion: model.modelVersion,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Reads every fragment from every source (later duplicates of a ref replace earlier ones). */
export async function collectFragments(sources: readonly IdentitySource[]): Promise<IdentityFragment[]> {
  const byRef = new Map<string, IdentityFragment>();
  for (const s of sources) for await (const f of s.scanFragments()) byRef.set(sourceRefString(f.ref), f);
  return [...byRef.values()].sort((a, b) => (sourceRefString(a.ref) < sourceRefString(b.ref) ? -1 : 1));
}

/** Full build: read every source, train (unless given a model), link, cluster, write the index. */
export async function buildPersonIndex(options: BuildOptions): Promise<IndexSummary> {
  const log = options.log ?? silentLog;
  const now = options.now ?? isoNow;
  const startedAt = now();
  const started = performance.now();
  const fragments = await collectFragments(options.sources);
  log.info({ records: fragments.length, sources: options.sources.map((s) => s.name) }, 'identity: fragments read');
  const records = fragments.map((f, i) => prepareRecord(f, i));
  const model = options.model ?? trainModel(records, { trainedAt: startedAt, ...(options.thresholds ? { thresholds: options.thresholds } : {}) });
  log.info({ modelVersion: model.modelVersion, prior: model.prior }, 'identity: model ready');
  const scored = scorePairs(model, records, { tf: termFrequencies(records) });
  log.info({ compared: scored.compared, kept: scored.pairs.length, skippedBlocks: scored.blocking.skippedBlocks }, 'identity: pairs scored');
  const store = options.store;
  const prior = new Map((await store.loadRecords()).map((r) => [r.ref, r.personId]));
  const decisions = await store.loadDecisions();
  const snap = computeSnapshot(model, records, scored.pairs, decisions, prior, startedAt);
  log.info({ persons: snap.persons, refused: snap.refused }, 'identity: persons clustered');
  await store.saveModel(model.modelVersion, serialiseModel(model), startedAt);
  await store.writeFull(snap.records, snap.pairs, snap.review, startedAt);
  log.info({ records: snap.records.length, pairs: snap.pairs.length }, 'identity: store written');
  const summary = summarise(model, snap, scored.compared, started);
  await store.addRun('BUILD', startedAt, now(), model.modelVersion, summary);
  log.info({ ...summary }, 'identity: person index built');
  return summary;
}

/**
 * A record link's evidence as stored in person_records: the compact waterfall (levels, partial
 * weights, notes) and the version of the model that scored it, whose labels expand it on read.
 */
export interface StoredLinkEvidence extends CompactEvidence {
  readonly v: string;
}

export function recordLinkEvidence(modelVersion: string, e: PairEvidence): StoredLinkEvidence {
  return { v: modelVersion, ...compactEvidence(e) };
}

/** The model version a stored evidence JSON names (null: none named, e.g. a full waterfall from an older store). */
export function storedEvidenceModel(json: string): string | null {
  const data = JSON.parse(json) as { v?: unknown };
  return typeof data.v === 'string' ? data.v : null;
}

/**
 * Full waterfall from stored evidence: compact (record links, pairs, review items) expanded with
 * the model that scored it, or a full waterfall as stores before compact record links held it.
 * Null when the evidence needs a model that is not given.
 */
export function evidenceOf(model: LinkageModel | null, json: string | null): PairEvidence | null {
  if (!json) return null;
  const data = JSON.parse(json) as PairEvidence | (CompactEvidence & { v?: string });
  if ('rows' in data) return data;
  if (!model || (data.v !== undefined && data.v !== model.modelVersion)) return null;
  return expandEvidence(model, data);
}

/**
 * Expands stored evidence JSON (record links, in any order) into full waterfalls, parsing each model
 * version it names once: the latest model, and any older one a record link still names.
 */
export async function expandStoredEvidence(store: PersonIndexStore, jsons: readonly (string | null)[]): Promise<(PairEvidence | null)[]> {
  if (jsons.every((j) => !j)) return jsons.map(() => null);
  const models = new Map<string, LinkageModel | null>();
  const latestJson = await store.latestModelJson();
  const latest = latestJson ? parseModel(latestJson) : null;
  if (latest) models.set(latest.modelVersion, latest);
  const out: (PairEvidence | null)[] = [];
  for (const json of jsons) {
    if (!json) {
      out.push(null);
      continue;
    }
    const version = storedEvidenceModel(json);
    if (version !== null && !models.has(version)) {
      const older = await store.modelJson(version);
      models.set(version, older ? parseModel(older) : null);
    }
    out.push(evidenceOf(version === null ? latest : models.get(version)!, json));
  }
  return out;
}

function reasonsOf(rows: readonly WaterfallRow[]): string[] {
  return rows.filter((r) => r.partialWeight > 0).map((r) => `${r.comparison}: ${r.label}${r.note ? ` (${r.note})` : ''}`);
}

/**
 * Records to re-score because a name and date of birth they sit on became, or stopped being, known
 * to be held by two people (collisions.ts): a full build would classify their pairs differently.
 * Only keys a changed, new or removed record sits on (before or after) can change. `changed`: refs
 * of new and changed records; `previous`: the stored versions of changed and removed records.
 */
function keysWhoseCollisionChanged(
  records: readonly PreparedRecord[],
  indexOf: ReadonlyMap<string, number>,
  changed: ReadonlySet<string>,
  previous: ReadonlyMap<string, IdentityFragment>,
): string[] {
  const oldVersions = [...previous.values()].map((f) => prepareRecord(f, -1));
  const touched = new Set<string>();
  for (const r of oldVersions) {
    const key = identityKey(r);
    if (key) touched.add(key);
  }
  for (const ref of changed) {
    const i = indexOf.get(ref);
    const key = i === undefined ? null : identityKey(records[i]!);
    if (key) touched.add(key);
  }
  if (touched.size === 0) return [];
  const nowOn = new Map<string, PreparedRecord[]>();
  for (const r of records) {
    const key = identityKey(r);
    if (key && touched.has(key)) (nowOn.get(key) ?? nowOn.set(key, []).get(key)!).push(r);
  }
  const out: string[] = [];
  for (const key of touched) {
    const after = nowOn.get(key) ?? [];
    const before = [...after.filter((r) => !changed.has(r.refKey)), ...oldVersions.filter((r) => identityKey(r) === key)];
    if (sharedIdentityKeys(before).get(key) !== sharedIdentityKeys(after).get(key)) out.push(...after.map((r) => r.refKey));
  }
  return out;
}

/** The person index over a store, for the rest of the gateway. */
export function createPersonIndex(options: { readonly store: PersonIndexStore; readonly log?: IdentityLog; readonly now?: () => string }): PersonIndex {
  const { store } = options;
  const log = options.log ?? silentLog;
  const now = options.now ?? isoNow;

  async function loadModel(): Promise<LinkageModel | null> {
    const json = await store.latestModelJson();
    return json ? parseModel(json) : null;
  }

  async function update(kind: string, fragments: readonly IdentityFragment[], removed: readonly SourceRef[]): Promise<IndexSummary> {
    const startedAt = now();
    const started = performance.now();
    const model = await loadModel();
    if (!model) throw new GatewayError('CONFLICT', 'The person index has not been built yet: run scripts/identity-build.ts first.');
    const stored = await store.loadRecords();
    const removedKeys = new Set(removed.map(sourceRefString));
    const byRef = new Map(stored.map((r) => [r.ref, r.fragment]));
    const focusKeys = new Set<string>();
    /** The stored versions of changed and removed records. */
    const previous = new Map<string, IdentityFragment>();
    for (const f of fragments) {
      const key = sourceRefString(f.ref);
      const old = byRef.get(key);
      if (old && JSON.stringify(old) === JSON.stringify(f)) continue;
      focusKeys.add(key);
      if (old) previous.set(key, old);
      byRef.set(key, f);
    }
    for (const k of removedKeys) {
      const old = byRef.get(k);
      if (old) previous.set(k, old);
      byRef.delete(k);
    }
    const keys = [...byRef.keys()].sort();
    const records = keys.map((k, i) => prepareRecord(byRef.get(k)!, i));
    const indexOf = new Map(records.map((r) => [r.refKey, r.index]));
    for (const k of keysWhoseCollisionChanged(records, indexOf, focusKeys, previous)) focusKeys.add(k);
    const focus = new Set([...focusKeys].map((k) => indexOf.get(k)!));
    const kept: ScoredPair[] = [];
    for (const p of await store.loadPairs()) {
      if (focusKeys.has(p.leftRef) || focusKeys.has(p.rightRef) || removedKeys.has(p.leftRef) || removedKeys.has(p.rightRef)) continue;
      const l = indexOf.get(p.leftRef);
      const r = indexOf.get(p.rightRef);
      /* c8 ignore next */
      if (l === undefined || r === undefined) continue;
      kept.push({ left: Math.min(l, r), right: Math.max(l, r), outcome: p.outcome as ScoredPair['outcome'], rule: p.rule, guard: p.guard, evidence: expandEvidence(model, JSON.parse(p.evidence) as CompactEvidence) });
    }
    const fresh = focus.size > 0 ? scorePairs(model, records, { focus, tf: termFrequencies(records) }) : { pairs: [], compared: 0 };
    const prior = new Map(stored.map((r) => [r.ref, r.personId]));
    const snap = computeSnapshot(model, records, [...kept, ...fresh.pairs], await store.loadDecisions(), prior, startedAt);
    const storedByRef = new Map(stored.map((r) => [r.ref, r]));
    const changed = snap.records.filter((r) => {
      const old = storedByRef.get(r.ref);
      return !old || focusKeys.has(r.ref) || old.personId !== r.personId || old.rule !== r.rule || old.matchWeight !== r.matchWeight;
    });
    const focusPairs = snap.pairs.filter((p) => focusKeys.has(p.leftRef) || focusKeys.has(p.rightRef));
    await store.writeChanges(changed, [...removedKeys], [...focusKeys], focusPairs, snap.review, startedAt);
    const summary = summarise(model, snap, fresh.compared, started);
    await store.addRun(kind, startedAt, now(), model.modelVersion, { ...summary, changedRecords: changed.length });
    log.info({ ...summary, changedRecords: changed.length }, 'identity: person index updated');
    return summary;
  }

  return {
    updatePersonIndex: (fragments, removed = []) => update('UPDATE', fragments, removed),

    async personIdForRecord(refs) {
      const rows = await store.loadRecords({ refs: refs.map(sourceRefString) });
      const byRef = new Map(rows.map((r) => [r.ref, r.personId]));
      return refs.map((ref) => byRef.get(sourceRefString(ref)) ?? new GatewayError('NOT_FOUND', `No record "${sourceRefString(ref)}" in the person index.`, { ref: sourceRefString(ref) }));
    },

    async recordsForPerson(personIds) {
      const rows = await store.loadRecords({ personIds });
      const evidence = await expandStoredEvidence(store, rows.map((r) => r.evidence));
      const byPerson = new Map<string, RecordLink[]>();
      for (const [i, r] of rows.entries()) {
        const list = byPerson.get(r.personId) ?? [];
        list.push({ ref: { source: r.source as SourceName, key: r.recordKey }, personId: r.personId, rule: r.rule, matchWeight: r.matchWeight, evidence: evidence[i]! });
        byPerson.set(r.personId, list);
      }
      return personIds.map((id) => byPerson.get(id) ?? new GatewayError('NOT_FOUND', `No person "${id}" in the person index.`, { personId: id }));
    },

    async searchCandidates(query) {
      if (!query.familyName?.trim()) throw new BadInputError('familyName', 'a family name is needed to search');
      const model = await loadModel();
      if (!model) return [];
      const probe = prepareRecord({
        ref: { source: 'cid', key: '(search)' },
        name: { given: [...(query.givenNames ?? [])], family: query.familyName, original: query.familyName },
        aliases: [], dateOfBirth: query.dateOfBirth ?? null, gender: query.gender ?? null, nationality: query.nationality ?? null,
        placeOfBirth: null, identifiers: [], recordedAt: null,
      }, -1);
      const n = probe.names[0];
      const keys: { familyKey?: string; givenKey?: string; dateOfBirth?: string } = {};
      if (n?.familyPhonetic) keys.familyKey = n.familyPhonetic;
      if (n?.givenPhonetic) keys.givenKey = n.givenPhonetic;
      if (probe.dob) keys.dateOfBirth = probe.dob.iso;
      const rows = await store.loadRecords({ keys });
      // The best-matching record of each source for each person: the caller shows a hit only through
      // a record the requester may see, so a person whose best match is in a withheld source is still
      // found through the best record the requester may see.
      const best = new Map<string, PersonCandidate>();
      rows.forEach((row, i) => {
        const rec = prepareRecord(row.fragment, i);
        const evidence = scoreCompared(model, comparePair(probe, rec), null);
        if (evidence.matchWeight < model.thresholds.review) return;
        const key = `${row.personId}|${row.fragment.ref.source}`;
        const cur = best.get(key);
        if (cur && cur.matchWeight >= evidence.matchWeight) return;
        best.set(key, {
          personId: row.personId, ref: row.fragment.ref, matchWeight: evidence.matchWeight, probability: evidence.probability,
          reasons: reasonsOf(evidence.rows), evidence,
        });
      });
      const ranked = [...best.values()].sort((a, b) => b.matchWeight - a.matchWeight || (a.personId < b.personId ? -1 : 1));
      const persons = new Set<string>();
      return ranked.filter((c) => {
        if (persons.has(c.personId)) return true;
        if (persons.size >= (query.limit ?? 20)) return false;
        persons.add(c.personId);
        return true;
      });
    },

    async recordDecision(decision) {
      if (!decision.decidedBy?.trim()) throw new BadInputError('decidedBy', 'a decision must say who made it');
      if (!decision.reason?.trim()) throw new BadInputError('reason', 'a decision must say why');
      let refs: string[];
      let personIds: string[];
      let constraints: [string, string, boolean][];
      if (decision.kind === 'CONFIRM_LINK' || decision.kind === 'REJECT_LINK') {
        refs = decision.refs.map(sourceRefString);
        if (refs[0] === refs[1]) throw new BadInputError('refs', 'name two different records');
        const found = await store.loadRecords({ refs });
        if (found.length !== 2) throw new BadInputError('refs', `records not in the person index: ${refs.filter((r) => !found.some((f) => f.ref === r)).join(', ')}`);
        personIds = refs.map((r) => found.find((f) => f.ref === r)!.personId);
        constraints = [[refs[0]!, refs[1]!, decision.kind === 'CONFIRM_LINK']];
      } else if (decision.kind === 'SPLIT') {
        const members = await store.loadRecords({ personIds: [decision.personId] });
        if (members.length === 0) throw new BadInputError('personId', `no person "${decision.personId}"`);
        refs = decision.refs.map(sourceRefString);
        const missing = refs.filter((r) => !members.some((m) => m.ref === r));
        if (refs.length === 0 || missing.length > 0) throw new BadInputError('refs', `records not on person "${decision.personId}": ${missing.join(', ') || '(none named)'}`);
        const stay = members.map((m) => m.ref).filter((r) => !refs.includes(r));
        if (stay.length === 0) throw new BadInputError('refs', 'a split must leave at least one record on the person');
        personIds = [decision.personId];
        constraints = [];
        for (const moved of refs) for (const s of stay) constraints.push([moved, s, false]);
        for (const moved of refs.slice(1)) constraints.push([refs[0]!, moved, true]);
        for (const s of stay.slice(1)) constraints.push([stay[0]!, s, true]);
      } else {
        personIds = [...decision.personIds];
        if (personIds[0] === personIds[1]) throw new BadInputError('personIds', 'name two different persons');
        const a = await store.loadRecords({ personIds: [personIds[0]!] });
        const b = await store.loadRecords({ personIds: [personIds[1]!] });
        if (a.length === 0 || b.length === 0) throw new BadInputError('personIds', `no person "${a.length === 0 ? personIds[0] : personIds[1]}"`);
        refs = [...a, ...b].map((r) => r.ref);
        constraints = refs.slice(1).map((r) => [refs[0]!, r, true]);
      }
      const row = await store.addDecision({
        kind: decision.kind as DecisionKind, refs, personIds, constraints, decidedBy: decision.decidedBy, decidedAt: now(), reason: decision.reason,
      });
      const summary = await update('DECISION', [], []);
      return { decisionId: row.id, summary };
    },

    async reviewQueue(limit) {
      const rows = await store.loadReview(limit);
      const model = await loadModel();
      return rows.map((r) => ({
        id: r.id!, left: parseRef(r.leftRef), right: parseRef(r.rightRef), leftPersonId: r.leftPerson, rightPersonId: r.rightPerson,
        matchWeight: r.matchWeight, reason: r.reason, evidence: evidenceOf(model, r.evidence)!,
      }));
    },

    model: loadModel,
  };
}
