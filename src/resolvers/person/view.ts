/**
 * One person, as one request sees it: what the person index links to them, and each source's part
 * read on first use through the per-request DataLoaders (`ctx.loaders.<source>`), decided by the
 * policy record by record (src/policy/decide.ts) and recorded in the audit collector. Parts are
 * memoised per request, so the fields of a person share reads, and the same part of many persons
 * is read in one batch per source (DataLoader). Sources do not wait for each other: every part
 * depends only on the person index.
 *
 * A source that fails makes its part fail with an error naming the source and what is missing;
 * the other parts answer. `status()` tells which sources answered for this person.
 */
import type { DecidedItem } from '../../policy/decide.js';
import {
  decideAcroRequest,
  decideAcroResults,
  decideCidRecord,
  decideCustodyEpisode,
  decideIdentityFragment,
  decidePncRecord,
  decideSourceRef,
  visibleOnly,
} from '../../policy/decide.js';
import type { Decision } from '../../policy/decision.js';
import { decisionError } from '../../policy/decision.js';
import type { PolicyContext } from '../../policy/context.js';
import type { DataClass } from '../../policy/classes.js';
import type { GatewayContext } from '../../context/types.js';
import type { CidCase, CidPersonOnCase } from '../../domain/cid.js';
import type { IdentityFragment, SourceName, SourceRef } from '../../domain/common.js';
import { SOURCE_NAMES, sourceRefString } from '../../domain/common.js';
import type { CustodyEpisode } from '../../domain/custody.js';
import { GatewayError, NotFoundError, SourceUnavailableError } from '../../domain/errors.js';
import type { PathfinderRow } from '../../domain/pathfinder.js';
import { PATHFINDER_WORKBOOKS } from '../../domain/pathfinder.js';
import type { PncRecord } from '../../domain/pnc.js';
import type { RecordRow } from '../../store/personStore.js';
import type { EtdOnCase, NoteOnCase, PersonRecords, RestrictionOnCase, VisibleAcroRequest } from '../../person/records.js';
import { describeSourceError } from '../../context/sourceHealth.js';
import { unauthenticated } from '../../auth/errors.js';

/** Sources all of whose records carry one class; a requester without it is not read for them. */
const CLASS_OF_SOURCE: Partial<Record<SourceName, DataClass>> = { custody: 'CUSTODY', pnc: 'PNC', acro: 'ACRO' };

/** What a source's failure leaves out of the view, in words (for the error and `sources`). */
export const MISSING_WHEN_DOWN: Readonly<Record<SourceName, string>> = {
  cid: 'CID cases, case notes, reporting restrictions and events, ETD applications, ownership',
  custody: 'custody episodes (arrests, detentions, status checks, fingerprint hits)',
  pathfinder: 'Pathfinder rows and master-spreadsheet annotations (barriers, allocation, diary)',
  pnc: 'PNC convictions and circulations',
  acro: 'ACRO overseas conviction checks',
  dva: 'DVA passport checks',
};

interface SourceState {
  read: number;
  error: string | null;
  asOf: string | null;
}

export interface SourceStatusLine {
  readonly source: SourceName;
  readonly linkedRecords: number;
  readonly answered: boolean;
  readonly recordsRead: number;
  readonly asOf: string | null;
  readonly error: string | null;
  readonly missing: readonly string[];
}

/** The requester's policy context, or the request is refused before anything is read. */
export function requirePolicy(ctx: GatewayContext): PolicyContext {
  if (!ctx.policy) throw unauthenticated('NO_TOKEN');
  return ctx.policy;
}

const views = new WeakMap<GatewayContext, Map<string, PersonView>>();

/** The request's view of a person (one per person per request). */
export function personView(ctx: GatewayContext, personId: string): PersonView {
  let byId = views.get(ctx);
  if (!byId) {
    byId = new Map();
    views.set(ctx, byId);
  }
  let v = byId.get(personId);
  if (!v) {
    v = new PersonView(ctx, personId);
    byId.set(personId, v);
  }
  return v;
}

const caseIdOfCidKey = (key: string) => key.split('/')[0]!.toUpperCase();

export class PersonView {
  private readonly memo = new Map<string, Promise<unknown>>();
  private readonly states = new Map<SourceName, SourceState>();
  private readonly decisions = new Map<string, Decision>();
  readonly policy: PolicyContext;

  constructor(readonly ctx: GatewayContext, readonly personId: string) {
    this.policy = requirePolicy(ctx);
  }

  private once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let p = this.memo.get(key) as Promise<T> | undefined;
    if (!p) {
      p = make();
      this.memo.set(key, p);
      p.catch(() => undefined); // failures surface where awaited
    }
    return p;
  }

  private state(source: SourceName): SourceState {
    let s = this.states.get(source);
    if (!s) {
      s = { read: 0, error: null, asOf: null };
      this.states.set(source, s);
    }
    return s;
  }

  /** Records a decision in the audit trail against a coordinate of this person. */
  audit(coordinate: string, source: SourceName | null, decision: Decision): void {
    this.ctx.audit?.record({ coordinate, source, personId: this.personId }, decision);
  }

  /** Items whose decision is ALLOW (recorded); WITHHOLD left out silently (recorded). DENY kept for the caller. */
  decideAll<T>(coordinate: string, source: SourceName, items: readonly T[], decide: (item: T) => Decision, refOf?: (item: T) => SourceRef): DecidedItem<T>[] {
    const out: DecidedItem<T>[] = [];
    for (const item of items) {
      const decision = decide(item);
      this.audit(coordinate, source, decision);
      if (refOf) this.decisions.set(sourceRefString(refOf(item)), decision);
      if (decision.effect !== 'WITHHOLD') out.push({ item, decision });
    }
    return out;
  }

  /**
   * The decision already made in this request on a record (a person on a CID case shares its
   * case's), or undefined when the record has not been read.
   */
  decisionFor(ref: SourceRef): Decision | undefined {
    const d = this.decisions.get(sourceRefString(ref));
    if (d || ref.source !== 'cid' || !ref.key.includes('/')) return d;
    return this.decisions.get(sourceRefString({ source: 'cid', key: caseIdOfCidKey(ref.key) }));
  }

  /**
   * List field value: allowed items, and a FORBIDDEN error in place of each denied one. graphql-js
   * completes an Error list item as null with that error at the item's path (the list's items are
   * nullable in the SDL for this); the generated resolver types do not model Error items, hence the cast.
   */
  static listWithRefusals<T>(items: readonly DecidedItem<T>[], coordinate: string): T[] {
    return items.map(({ item, decision }) => (decision.effect === 'DENY' ? (decisionError(decision, coordinate) as unknown as T) : item));
  }

  /**
   * Reads `keys` through a loader; NOT_FOUND keys (the index is older than the source) are skipped.
   * A source whose every record needs a class the requester's role and purpose are not granted is
   * not read at all: nothing of it could be shown, so nothing of it is consulted.
   */
  private async read<V>(source: SourceName, keys: readonly string[], load: (keys: readonly string[]) => Promise<ReadonlyArray<V | Error>>): Promise<V[]> {
    const state = this.state(source);
    if (keys.length === 0) return [];
    const needed = CLASS_OF_SOURCE[source];
    if (needed && !this.policy.granted.has(needed)) return [];
    let results: ReadonlyArray<V | Error>;
    try {
      results = await load(keys);
    } catch (error) {
      throw this.failed(source, error);
    }
    const out: V[] = [];
    for (const r of results) {
      if (r instanceof NotFoundError) continue;
      if (r instanceof Error) throw this.failed(source, r);
      out.push(r);
    }
    state.read += out.length;
    if (state.asOf === null && source !== 'pathfinder') state.asOf = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    return out;
  }

  private failed(source: SourceName, error: unknown): GatewayError {
    const state = this.state(source);
    const reason = describeSourceError(error);
    state.error = reason;
    const code = error instanceof GatewayError && (error.code === 'SOURCE_TIMEOUT' || error.code === 'SOURCE_MALFORMED_RESPONSE') ? error.code : 'SOURCE_UNAVAILABLE';
    return new SourceUnavailableError(source, `${reason}. Missing from this view: ${MISSING_WHEN_DOWN[source]}.`, code);
  }

  // ------------------------------------------------------------------ the person index

  /** The records the person index links to this person (null when it holds no such person). */
  rows(): Promise<readonly RecordRow[] | null> {
    return this.once('rows', async () => {
      try {
        return await this.ctx.identity.recordsByPersonId.load(this.personId);
      } catch (error) {
        if (error instanceof GatewayError && error.code === 'NOT_FOUND') return null;
        throw error;
      }
    });
  }

  async exists(): Promise<boolean> {
    return (await this.rows()) !== null;
  }

  private async refs(source: SourceName): Promise<SourceRef[]> {
    const rows = (await this.rows()) ?? [];
    return rows.filter((r) => r.source === source).map((r) => ({ source, key: r.recordKey }));
  }

  /** Identity fragments of the person's records that the requester may see (from the index: no source read). */
  fragments(): Promise<IdentityFragment[]> {
    return this.once('fragments', async () => {
      const rows = (await this.rows()) ?? [];
      const decided = rows.map((r) => {
        const decision = decideIdentityFragment(this.policy, r.fragment);
        this.audit('Person.identity', r.fragment.ref.source, decision);
        return { item: r.fragment, decision };
      });
      return visibleOnly(decided);
    });
  }

  // ------------------------------------------------------------------ CID

  /** The CID cases of the person, decided case by case (denied ones kept for the caller to report). */
  cidCases(): Promise<DecidedItem<CidCase>[]> {
    return this.once('cidCases', async () => {
      const caseIds = [...new Set((await this.refs('cid')).map((r) => caseIdOfCidKey(r.key)))];
      const cases = await this.read('cid', caseIds, (ids) => this.ctx.loaders.cid.caseById.loadMany(ids));
      return this.decideAll('Person.cidCases', 'cid', cases, (k) => decideCidRecord(this.policy, { class: 'CID_CASEWORK', ownerUnit: k.owner.unit ?? k.owner.label }), (k) => k.ref);
    });
  }

  /** Cases the requester may see. */
  async visibleCases(): Promise<CidCase[]> {
    return visibleOnly(await this.cidCases());
  }

  /** The person as copied onto each visible case. */
  cidPersons(): Promise<CidPersonOnCase[]> {
    return this.once('cidPersons', async () => {
      const [refs, cases] = await Promise.all([this.refs('cid'), this.visibleCases()]);
      const visible = new Set(cases.map((k) => k.caseId.toUpperCase()));
      const keys = refs.map((r) => r.key).filter((k) => k.includes('/') && visible.has(caseIdOfCidKey(k)));
      return this.read('cid', keys, (ks) => this.ctx.loaders.cid.personOnCaseByKey.loadMany(ks));
    });
  }

  /** Every note of every visible case, decided as CID notes. */
  notes(): Promise<DecidedItem<NoteOnCase>[]> {
    return this.once('notes', async () => {
      const cases = await this.visibleCases();
      const lists = await this.read('cid', cases.map((k) => k.caseId), (ids) => this.ctx.loaders.cid.notesByCaseId.loadMany(ids));
      const notes = lists.flatMap((list, i) => list.map((note) => ({ note, case: cases[i]! })));
      return this.decideAll('Person.caseNotes', 'cid', notes, (n) => decideCidRecord(this.policy, { class: 'CID_NOTES', ownerUnit: n.case.owner.unit ?? n.case.owner.label }));
    });
  }

  /** Reporting restrictions of visible cases with their events, decided as reporting data. */
  restrictions(): Promise<DecidedItem<RestrictionOnCase>[]> {
    return this.once('restrictions', async () => {
      const cases = await this.visibleCases();
      const lists = await this.read('cid', cases.map((k) => k.caseId), (ids) => this.ctx.loaders.cid.restrictionsByCaseId.loadMany(ids));
      const restrictions = lists.flatMap((list, i) => list.map((restriction) => ({ restriction, case: cases[i]! })));
      const events = await this.read('cid', restrictions.map((r) => r.restriction.restrictionId), (ids) => this.ctx.loaders.cid.reportingEventsByRestrictionId.loadMany(ids));
      const withEvents = restrictions.map((r, i) => ({ ...r, events: events[i] ?? [] }));
      return this.decideAll('Person.reporting', 'cid', withEvents, (r) => decideCidRecord(this.policy, { class: 'REPORTING', ownerUnit: r.case.owner.unit ?? r.case.owner.label }));
    });
  }

  /** ETD applications of visible cases (CID casework, decided with their case). */
  etds(): Promise<EtdOnCase[]> {
    return this.once('etds', async () => {
      const cases = await this.visibleCases();
      const lists = await this.read('cid', cases.map((k) => k.caseId), (ids) => this.ctx.loaders.cid.etdByCaseId.loadMany(ids));
      return lists.flatMap((list, i) => list.map((etd) => ({ etd, case: cases[i]! })));
    });
  }

  // ------------------------------------------------------------------ custody, PNC, ACRO, Pathfinder

  custody(): Promise<DecidedItem<CustodyEpisode>[]> {
    return this.once('custody', async () => {
      const keys = (await this.refs('custody')).map((r) => r.key);
      const episodes = await this.read('custody', keys, (ks) => this.ctx.loaders.custody.episodeByKey.loadMany(ks));
      return this.decideAll('Person.custodyEpisodes', 'custody', episodes, (e) => decideCustodyEpisode(this.policy, e), (e) => e.ref);
    });
  }

  pnc(): Promise<DecidedItem<PncRecord>[]> {
    return this.once('pnc', async () => {
      const ids = (await this.refs('pnc')).map((r) => r.key);
      const records = await this.read('pnc', ids, (ks) => this.ctx.loaders.pnc.recordByPncId.loadMany(ks));
      return this.decideAll('Person.pncRecords', 'pnc', records, () => decidePncRecord(this.policy), (r) => r.ref);
    });
  }

  /** ACRO checks the requester may see, each with only the results they may see. */
  acro(): Promise<DecidedItem<VisibleAcroRequest>[]> {
    return this.once('acro', async () => {
      const refs = (await this.refs('acro')).map((r) => r.key);
      const requests = await this.read('acro', refs, (ks) => this.ctx.loaders.acro.requestByReference.loadMany(ks));
      const decided = this.decideAll('Person.acroRequests', 'acro', requests, (r) => decideAcroRequest(this.policy, r), (r) => r.ref);
      return decided.map(({ item, decision }) => {
        const results = decideAcroResults(this.policy, item);
        for (const r of results) this.audit('AcroResult', 'acro', r.decision);
        return { item: { request: item, results: visibleOnly(results) }, decision };
      });
    });
  }

  /**
   * Pathfinder rows: those the person index links to the person, and every row of the person's CID
   * cases (case ids come from the CID record keys, so this does not wait for CID).
   */
  pathfinder(): Promise<DecidedItem<PathfinderRow>[]> {
    return this.once('pathfinder', async () => {
      const [linked, cid] = await Promise.all([this.refs('pathfinder'), this.refs('cid')]);
      const caseIds = [...new Set(cid.map((r) => caseIdOfCidKey(r.key)))];
      const [byKey, byCase] = await Promise.all([
        this.read('pathfinder', linked.map((r) => r.key), (ks) => this.ctx.loaders.pathfinder.rowByKey.loadMany(ks)),
        this.read('pathfinder', caseIds, (ids) => this.ctx.loaders.pathfinder.rowsByCaseId.loadMany(ids)),
      ]);
      const rows = new Map<string, PathfinderRow>();
      for (const r of [...byKey, ...byCase.flat()]) rows.set(r.ref.key, r);
      const ordered = [...rows.values()].sort((a, b) => PATHFINDER_WORKBOOKS.indexOf(a.workbook) - PATHFINDER_WORKBOOKS.indexOf(b.workbook) || a.rowNumber - b.rowNumber);
      return this.decideAll('Person.pathfinderRows', 'pathfinder', ordered, (r) => decideCidRecord(this.policy, { class: 'CID_CASEWORK', ownerUnit: r.ownerUnit }), (r) => r.ref);
    });
  }

  // ------------------------------------------------------------------ the whole person

  /**
   * Every part the requester may see, for the composed fields (timeline, assessments, data quality).
   * A part whose source failed is empty; `failedSources()` names it.
   */
  records(): Promise<PersonRecords> {
    return this.once('records', async () => {
      const empty = <T>(p: Promise<T[]>) => p.catch(() => [] as T[]);
      const [fragments, cases, cidPersons, notes, restrictions, etds, custody, pnc, acro, pathfinder] = await Promise.all([
        this.fragments(),
        empty(this.visibleCases()),
        empty(this.cidPersons()),
        empty(this.notes().then(visibleOnly)),
        empty(this.restrictions().then(visibleOnly)),
        empty(this.etds()),
        empty(this.custody().then(visibleOnly)),
        empty(this.pnc().then(visibleOnly)),
        empty(this.acro().then(visibleOnly)),
        empty(this.pathfinder().then(visibleOnly)),
      ]);
      return { fragments, cidCases: cases, cidPersons, notes, restrictions, etds, custody, pnc, acro, pathfinder };
    });
  }

  /** Sources that failed for this person so far in this request. */
  failedSources(): SourceName[] {
    return [...this.states.entries()].filter(([, s]) => s.error !== null).map(([n]) => n);
  }

  /**
   * Which sources answered for this person; reads every part first so the answer is complete.
   * Counts only records the requester may see: a withheld record (e.g. a police-instigated ACRO
   * check below HOSOL) must not show even as a number (issue 6 "No side doors").
   */
  async status(): Promise<SourceStatusLine[]> {
    const records = await this.records();
    const rows = (await this.rows()) ?? [];
    const pathfinder = this.states.get('pathfinder');
    if (pathfinder && pathfinder.error === null && pathfinder.read > 0) {
      const statuses = await this.ctx.loaders.pathfinder.workbookStatus.loadMany(PATHFINDER_WORKBOOKS).catch(() => []);
      const times = statuses.flatMap((s) => (s instanceof Error || !s.modifiedAt ? [] : [s.modifiedAt]));
      const oldest = times.sort()[0];
      pathfinder.asOf = oldest ? new Date(oldest).toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
    }
    const shown: Record<SourceName, number> = {
      cid: records.cidCases.length, custody: records.custody.length, pathfinder: records.pathfinder.length,
      pnc: records.pnc.length, acro: records.acro.length, dva: 0,
    };
    const visibleLinked = (source: SourceName) =>
      rows.filter((r) => {
        if (r.source !== source) return false;
        const ref: SourceRef = { source, key: r.recordKey };
        return (this.decisionFor(ref) ?? decideSourceRef(this.policy, ref)).effect === 'ALLOW';
      }).length;
    return SOURCE_NAMES.map((source) => {
      const s = this.states.get(source);
      return {
        source,
        linkedRecords: visibleLinked(source),
        answered: !s || s.error === null,
        recordsRead: shown[source],
        asOf: s?.asOf ?? null,
        error: s?.error ?? null,
        missing: s?.error ? [MISSING_WHEN_DOWN[source]] : source === 'dva' ? ['DVA checks are not linked to persons (DVA has no identity fragments)'] : [],
      };
    });
  }
}
