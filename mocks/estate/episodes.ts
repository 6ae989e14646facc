/**
 * Building blocks of a synthetic life: a person under construction (`Draft`), and the episodes
 * that happen to one — a CID case, an arrest with its status check, a reporting restriction with
 * its events, an ACRO check, a conviction. Used by the random lives in population.ts and the
 * scripted showcase persons in showcase.ts, so both obey the same rules.
 */
import type { ForceCode } from '../../src/domain/common.js';
import { isEea } from '../../src/domain/nationality.js';
import { OFFENCES, offenceByCode, type Offence } from '../../src/domain/offences.js';
import { isoDateOf, isoInstantOf, londonLocalMs, minutesOf, MS_PER_DAY, MS_PER_MINUTE } from './calendar.js';
import {
  BRITISH_CHECK_SHARE,
  CHECK_ROUTE_WEIGHTS,
  COURTS,
  DECLARED_BRITISH_CHECK_SHARE,
  EEA_CHECK_FACTOR,
  EVENT_BLANK_SHARE,
  EVENT_NO_SHOW_SHARE,
  FINGERPRINT_HIT_CHECK_SHARE,
  FINGERPRINTED_SHARE,
  pickWeighted,
  RELEASED_BEFORE_IO_SHARE,
  SUITES,
} from './distributions.js';
import type { IdAllocator } from './identifiers.js';
import type {
  Barrier,
  CaseStatus,
  CaseType,
  CheckRoute,
  EstateOptions,
  ReportingFrequency,
  RestrictionStatus,
  StatusCheckResult,
  TrueAcroCheck,
  TrueAcroResult,
  TrueAlias,
  TrueArrest,
  TrueCase,
  TrueCirculation,
  TrueConviction,
  TrueCriminalDetail,
  TrueEtd,
  TrueNote,
  TruePerson,
  TrueReportingEvent,
  TrueRestriction,
  ShowcaseTag,
} from './model.js';
import type { Rng } from './rng.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What every life shares: the estate's options, clock, id allocator and staff. */
export interface Env {
  readonly options: EstateOptions;
  /** Day number of `options.today`. */
  readonly today: number;
  /** The estate's now (ms): 08:00 UTC on today. */
  readonly nowMs: number;
  readonly ids: IdAllocator;
  readonly staff: readonly string[];
  /** First day the custody databases hold. */
  readonly custodyFrom: number;
}

export type MutableCase = Mutable<Omit<TrueCase, 'notes' | 'barriers'>> & { notes: TrueNote[]; barriers: Barrier[] };

/** A person under construction. Days are day numbers; `finish` turns it into a TruePerson. */
export interface Draft {
  id: string;
  showcase: ShowcaseTag | null;
  givenNames: string[];
  familyName: string;
  gender: 'M' | 'F';
  dob: number;
  nationality: string;
  placeOfBirth: string;
  aliases: TrueAlias[];
  resembles: TruePerson['resembles'];
  falseClaim: TruePerson['falseClaim'];
  /** The nationality declared on arrest when it is false (GBR or an EEA state). */
  claimedNationality: string | null;
  hoRef: string | null;
  /** Day the Home Office first knew the person (first CID case); null if never. */
  hoKnownFrom: number | null;
  fingerprintRef: string | null;
  fingerprintFrom: number | null;
  pncId: string | null;
  croNumber: string | null;
  passportNumber: string | null;
  /** Non-EEA: last day of lawful leave (Infinity when settled, -Infinity when never lawful). */
  lawfulUntil: number;
  /** Day a Criminal Casework case was opened, if any. */
  criminalSince: number | null;
  homeForce: ForceCode;
  cases: MutableCase[];
  arrests: TrueArrest[];
  convictions: TrueConviction[];
  circulations: TrueCirculation[];
  acroChecks: TrueAcroCheck[];
  mappaLevel: TruePerson['mappaLevel'];
  harmCategory: TruePerson['harmCategory'];
  detained: boolean;
  tagged: boolean;
  noFixedAddress: boolean;
  highHarmIntelligence: boolean;
}

export function newDraft(id: string, base: Pick<Draft, 'givenNames' | 'familyName' | 'gender' | 'dob' | 'nationality' | 'placeOfBirth' | 'homeForce'>): Draft {
  return {
    id,
    showcase: null,
    ...base,
    aliases: [],
    resembles: null,
    falseClaim: null,
    claimedNationality: null,
    hoRef: null,
    hoKnownFrom: null,
    fingerprintRef: null,
    fingerprintFrom: null,
    pncId: null,
    croNumber: null,
    passportNumber: null,
    lawfulUntil: base.nationality === 'GBR' || isEea(base.nationality) ? Infinity : -Infinity,
    criminalSince: null,
    cases: [],
    arrests: [],
    convictions: [],
    circulations: [],
    acroChecks: [],
    mappaLevel: 0,
    harmCategory: null,
    detained: false,
    tagged: false,
    noFixedAddress: false,
    highHarmIntelligence: false,
  };
}

/** Integer day in [a, b]; `b` when the range is empty (the ceiling, usually "before today", wins). */
export function between(rng: Rng, a: number, b: number): number {
  return b <= a ? b : rng.int(a, b);
}

/** An office-hours instant on a day (for notes, requests, decisions). */
export function officeInstant(rng: Rng, day: number): string {
  return isoInstantOf(day * MS_PER_DAY + rng.int(8 * 60, 17 * 60 + 30) * MS_PER_MINUTE);
}

/** Offences to draw from, weighted by `Offence.weight` times a boost; built once, drawn often. */
export interface OffencePool {
  readonly items: readonly Offence[];
  readonly cumulative: readonly number[];
}

export function offencePool(accept: (o: Offence) => boolean = () => true, boost: (o: Offence) => number = () => 1): OffencePool {
  const items = OFFENCES.filter(accept);
  let total = 0;
  const cumulative = items.map((o) => (total += o.weight * boost(o)));
  if (items.length === 0 || total <= 0) throw new Error('offencePool: no offence has weight');
  return { items, cumulative };
}

export const ANY_OFFENCE = offencePool();
/** Offences other than immigration offences (for British people and overseas convictions). */
export const CRIMINAL_OFFENCE = offencePool((o) => !o.code.startsWith('IMM-'));

export function pickOffence(rng: Rng, pool: OffencePool = ANY_OFFENCE): Offence {
  const { items, cumulative } = pool;
  const r = rng.next() * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > r) hi = mid;
    else lo = mid + 1;
  }
  return items[lo]!;
}

export function note(rng: Rng, env: Env, day: number, text: string, author?: string): TrueNote {
  return { at: officeInstant(rng, Math.min(day, env.today - 1)), author: author ?? rng.pick(env.staff), text };
}

// ---------------------------------------------------------------------------------------------
// CID cases

export interface CaseSpec {
  readonly type: CaseType;
  readonly openedOn: number;
  readonly status?: CaseStatus;
  readonly closedOn?: number | null;
  readonly ownerUnit: string;
  readonly caseworker?: string | null;
  readonly criminal?: TrueCriminalDetail | null;
  /** Reuse the CID person id of an earlier case with this probability (004 §6.47: per case, not always reused). */
  readonly reuseCidPersonId?: number;
}

/** Open a CID case; the first case gives the person a Home Office reference. */
export function openCase(env: Env, d: Draft, rng: Rng, spec: CaseSpec): MutableCase {
  if (d.hoRef == null) d.hoRef = env.ids.hoRef(rng);
  if (d.hoKnownFrom == null || spec.openedOn < d.hoKnownFrom) d.hoKnownFrom = spec.openedOn;
  const reuse = d.cases.length > 0 && rng.chance(spec.reuseCidPersonId ?? 0.55);
  const c: MutableCase = {
    caseId: env.ids.caseId(rng),
    cidPersonId: reuse ? rng.pick(d.cases).cidPersonId : env.ids.cidPersonId(rng),
    type: spec.type,
    status: spec.status ?? 'OPEN',
    openedOn: isoDateOf(spec.openedOn),
    closedOn: spec.closedOn == null ? null : isoDateOf(spec.closedOn),
    ownerUnit: spec.ownerUnit,
    caseworker: spec.caseworker === undefined ? rng.pick(env.staff) : spec.caseworker,
    notes: [],
    criminal: spec.criminal ?? null,
    restriction: null,
    etd: null,
    barriers: [],
  };
  d.cases.push(c);
  return c;
}

export function etd(env: Env, country: string, status: TrueEtd['status'], submittedOn: number | null, interviewOn: number | null): TrueEtd {
  return {
    id: env.ids.etdId(),
    country,
    status,
    submittedOn: submittedOn == null ? null : isoDateOf(submittedOn),
    interviewOn: interviewOn == null ? null : isoDateOf(interviewOn),
  };
}

// ---------------------------------------------------------------------------------------------
// Arrests and status checks

function defaultRoute(force: ForceCode): CheckRoute {
  return force === 'MPS' ? 'CCU' : force === 'WMP' ? 'EMBEDDED_IO' : 'LOCAL_IO';
}

/** What a status check on this day would say, from what the Home Office knew then. */
export function statusResultOn(d: Draft, day: number): StatusCheckResult {
  if (d.nationality === 'GBR') return 'BRITISH_CONFIRMED';
  if (d.hoKnownFrom == null || d.hoKnownFrom > day) return 'NO_TRACE';
  if (isEea(d.nationality)) return d.criminalSince != null && d.criminalSince <= day ? 'IMMIGRATION_OFFENDER' : 'EEA_LAWFUL';
  return day <= d.lawfulUntil ? 'LAWFUL' : 'IMMIGRATION_OFFENDER';
}

export interface ArrestSpec {
  readonly day: number;
  readonly force: ForceCode;
  readonly offenceCode: string;
  /** In custody at the estate's now: arrested within the last 36 hours, not released. */
  readonly inCustodyNow?: boolean;
  /** Force the status-check decision (showcase): a route, or null for no check. */
  readonly route?: CheckRoute | null;
  readonly fingerprinted?: boolean;
}

export function addArrest(env: Env, d: Draft, rng: Rng, spec: ArrestSpec): TrueArrest {
  const { force } = spec;
  const suite = rng.pick(SUITES[force]);
  const arrestedMs = spec.inCustodyNow
    ? env.nowMs - rng.int(10, 35 * 60) * MS_PER_MINUTE
    : spec.day * MS_PER_DAY + (rng.chance(0.65) ? rng.int(14 * 60, 23 * 60 + 59) : rng.int(0, 14 * 60 - 1)) * MS_PER_MINUTE;
  const day = Math.floor(arrestedMs / MS_PER_DAY);
  const year = new Date(arrestedMs).getUTCFullYear();
  const declared = d.claimedNationality ?? d.nationality;
  const fingerprinted = spec.fingerprinted ?? rng.chance(FINGERPRINTED_SHARE);
  // MPS and WMP custody prints are checked against Home Office records automatically (002 §4.4).
  const fingerprintHit = fingerprinted && force !== 'WYP' && d.fingerprintRef != null && d.fingerprintFrom != null && d.fingerprintFrom <= day;

  let route: CheckRoute | null;
  if (spec.route !== undefined) route = spec.route;
  else if (d.nationality === 'GBR') route = rng.chance(BRITISH_CHECK_SHARE) ? defaultRoute(force) : null;
  else if (declared === 'GBR') route = rng.chance(fingerprintHit ? FINGERPRINT_HIT_CHECK_SHARE : DECLARED_BRITISH_CHECK_SHARE) ? defaultRoute(force) : null;
  else {
    route = pickWeighted(rng, CHECK_ROUTE_WEIGHTS[force]);
    if (route && isEea(declared) && !rng.chance(EEA_CHECK_FACTOR)) route = null;
    if (!route && fingerprintHit && rng.chance(0.5)) route = defaultRoute(force);
  }
  const requestedMs = arrestedMs + rng.int(20, 6 * 60) * MS_PER_MINUTE;
  if (spec.inCustodyNow && requestedMs >= env.nowMs) route = null;
  const result = statusResultOn(d, day);
  const statusCheck = route ? { route, requestedAt: isoInstantOf(requestedMs), result } : null;

  const custodyMinutes = rng.chance(0.9) ? rng.int(3 * 60, 24 * 60) : rng.int(24 * 60, 36 * 60);
  const releasedMs = arrestedMs + custodyMinutes * MS_PER_MINUTE;
  const releasedAt = spec.inCustodyNow || releasedMs >= env.nowMs ? null : isoInstantOf(releasedMs);
  const arrest: TrueArrest = {
    force,
    custodyRecord: env.ids.custodyRecord(rng, force, suite.code, year),
    suite: suite.name,
    arrestedAt: isoInstantOf(arrestedMs),
    offenceCode: spec.offenceCode,
    declaredNationality: declared,
    fingerprinted,
    fingerprintHit,
    statusCheck,
    releasedAt,
    releasedBeforeIoAttended: releasedAt != null && statusCheck?.result === 'IMMIGRATION_OFFENDER' && rng.chance(RELEASED_BEFORE_IO_SHARE),
  };
  d.arrests.push(arrest);
  return arrest;
}

// ---------------------------------------------------------------------------------------------
// Convictions

export function addConviction(env: Env, d: Draft, rng: Rng, day: number, offenceCode: string, sentenceMonths: number | null, force: ForceCode = d.homeForce): TrueConviction {
  const courts = COURTS[force];
  const crown = sentenceMonths != null && sentenceMonths >= 6 ? true : rng.chance(0.15);
  const c: TrueConviction = {
    id: env.ids.convictionId(),
    convictedOn: isoDateOf(day),
    offenceCode,
    sentenceMonths,
    court: rng.pick(crown ? courts.crown : courts.magistrates),
  };
  d.convictions.push(c);
  return c;
}

/** A sentence for a conviction that did not bring a CC case: mostly non-custodial or short. */
export function minorSentence(rng: Rng, offence: Offence): number | null {
  if (offence.highHarm === 'GBH_OR_WORSE' || offence.sexual || offence.gunCrime) return rng.int(12, 96);
  if (rng.chance(0.6)) return null;
  return rng.int(1, 11);
}

/** Nexus High Harm by definition (001 fn 8, 004 fn 16) over convictions and arrest offences. */
export function meetsHighHarm(d: Draft): boolean {
  let robberyOrBurglary = 0;
  for (const c of d.convictions) {
    const o = offenceByCode(c.offenceCode);
    if (!o?.highHarm) continue;
    if (o.highHarm === 'ROBBERY' || o.highHarm === 'BURGLARY') robberyOrBurglary++;
    else return true;
  }
  for (const a of d.arrests) {
    const o = offenceByCode(a.offenceCode);
    if (o?.highHarm && o.highHarm !== 'ROBBERY' && o.highHarm !== 'BURGLARY') return true;
  }
  return robberyOrBurglary >= 3;
}

// ---------------------------------------------------------------------------------------------
// Reporting restrictions

const STEP_DAYS: Record<ReportingFrequency, number> = { WEEKLY: 7, FORTNIGHTLY: 14, MONTHLY: 28 };
/** Future events are scheduled this far ahead of the estate's today. */
export const REPORTING_HORIZON_DAYS = 28;

export interface RestrictionSpec {
  readonly startedOn: number;
  readonly centre: string;
  readonly frequency: ReportingFrequency;
  readonly windowStart: string;
  readonly windowMinutes: number;
  readonly bail: boolean;
  /** How it ends: still OPEN, ABSCONDER after a run of no-shows, or closed on `endDay`. */
  readonly fate: RestrictionStatus;
  /** Last day of reporting for REMOVED / GRANTED_LEAVE / EXCUSED. */
  readonly endDay?: number;
  /** ABSCONDER: consecutive no-shows before listing. */
  readonly breachRun?: number;
  /**
   * Scripted results (showcase): result of each past event in order; missing entries are
   * COMPLETED. When given, no random results are drawn.
   */
  readonly script?: readonly ('COMPLETED' | 'NO_SHOW' | null)[];
}

export interface BuiltRestriction {
  readonly restriction: TrueRestriction;
  /** Day the person was listed as an absconder (fate ABSCONDER only). */
  readonly abscondedOn: number | null;
  readonly lastNoShowOn: number | null;
}

export function buildRestriction(env: Env, rng: Rng, spec: RestrictionSpec): BuiltRestriction {
  const step = STEP_DAYS[spec.frequency];
  const firstDay = spec.startedOn + step;
  const horizon = env.today + REPORTING_HORIZON_DAYS;
  let lastDay = horizon;
  if (spec.fate === 'REMOVED' || spec.fate === 'GRANTED_LEAVE' || spec.fate === 'EXCUSED') lastDay = Math.min(horizon, spec.endDay ?? env.today);

  const windowMinutes = minutesOf(spec.windowStart);
  const days: number[] = [];
  const dues: number[] = [];
  let pastCount = 0;
  for (let day = firstDay; day <= lastDay; day += step) {
    const due = londonLocalMs(day, windowMinutes);
    days.push(day);
    dues.push(due);
    if (due < env.nowMs) pastCount++;
  }

  let status: RestrictionStatus = spec.fate;
  let breachFrom = -1;
  let breachTo = -1;
  let count = days.length;
  if (spec.fate === 'ABSCONDER' && spec.script) count = Math.min(count, spec.script.length);
  else if (spec.fate === 'ABSCONDER') {
    const run = Math.max(1, spec.breachRun ?? 3);
    if (pastCount === 0) status = 'OPEN';
    else {
      // The run of no-shows ends before now, so a listed absconder really has missed them all.
      const latestStart = Math.max(0, pastCount - Math.min(run, pastCount));
      breachFrom = Math.floor(latestStart * (0.3 + 0.7 * rng.next()));
      breachTo = Math.min(pastCount - 1, breachFrom + run - 1);
      if (breachTo - breachFrom + 1 < 3) status = 'OPEN'; // not yet an absconder (004 §7.22)
      else count = breachTo + 1; // no events after listing
    }
  }

  const events: TrueReportingEvent[] = new Array(count);
  let lastNoShowOn: number | null = null;
  for (let i = 0; i < count; i++) {
    let result: TrueReportingEvent['result'] = null;
    if (i < pastCount) {
      if (spec.script) result = i < spec.script.length ? spec.script[i]! : 'COMPLETED';
      else if (i >= breachFrom && i <= breachTo && breachFrom >= 0) result = 'NO_SHOW';
      else {
        const r = rng.next();
        result = r < EVENT_NO_SHOW_SHARE ? 'NO_SHOW' : r < EVENT_NO_SHOW_SHARE + EVENT_BLANK_SHARE ? null : 'COMPLETED';
      }
      if (result === 'NO_SHOW') lastNoShowOn = days[i]!;
    }
    events[i] = { id: env.ids.reportingEventId(), dueAt: isoInstantOf(dues[i]!), result };
  }
  const abscondedOn = status === 'ABSCONDER' && breachTo >= 0 ? Math.min(env.today - 1, days[breachTo]! + rng.int(1, 12)) : null;
  return {
    restriction: {
      id: env.ids.restrictionId(),
      centre: spec.centre,
      frequency: spec.frequency,
      windowStart: spec.windowStart,
      windowMinutes: spec.windowMinutes,
      bail: spec.bail,
      status,
      startedOn: isoDateOf(spec.startedOn),
      events,
    },
    abscondedOn,
    lastNoShowOn,
  };
}

// ---------------------------------------------------------------------------------------------
// ACRO checks and circulations

const FOREIGN_SENTENCES = ['FINE', 'SUSPENDED', 'PRISON', 'COMMUNITY'] as const;

export function acroResult(rng: Rng, country: string, day: number, offence: Offence): TrueAcroResult {
  const kind = offence.hosol && rng.chance(0.7) ? 'PRISON' : rng.pick(FOREIGN_SENTENCES);
  const sentence =
    kind === 'FINE' ? `FINE ${rng.int(2, 40) * 50} EUR`
    : kind === 'SUSPENDED' ? `${rng.int(3, 18)} MONTHS SUSPENDED`
    : kind === 'COMMUNITY' ? `${rng.int(40, 200)} HOURS COMMUNITY WORK`
    : `${rng.int(6, 84)} MONTHS IMPRISONMENT`;
  return { country, convictedOn: isoDateOf(day), offenceCode: offence.code, sentence };
}

export interface AcroSpec {
  readonly instigator: TrueAcroCheck['instigator'];
  readonly requestedOn: number;
  readonly outcome?: TrueAcroCheck['outcome'];
  readonly answeredOn?: number | null;
  readonly results?: readonly TrueAcroResult[];
}

export function addAcroCheck(env: Env, d: Draft, rng: Rng, spec: AcroSpec, outcomeWeights: readonly (readonly [TrueAcroCheck['outcome'], number])[]): TrueAcroCheck {
  let outcome = spec.outcome ?? pickWeighted(rng, outcomeWeights);
  let answeredOn = spec.answeredOn ?? null;
  if (spec.outcome == null) {
    if (outcome === 'RESULTS' || outcome === 'NO_TRACE') {
      answeredOn = spec.requestedOn + rng.int(3, 75);
      if (answeredOn >= env.today) {
        outcome = 'PENDING';
        answeredOn = null;
      }
    } else if (outcome === 'PENDING' && env.today - spec.requestedOn > 120) outcome = 'NEVER';
  }
  let results = spec.results ?? [];
  if (outcome === 'RESULTS' && spec.results == null) {
    const n = rng.chance(0.7) ? 1 : rng.int(2, 3);
    const from = d.dob + 16 * 365;
    const to = Math.max(from, spec.requestedOn - 200);
    results = Array.from({ length: n }, () => acroResult(rng, d.nationality, between(rng, from, to), pickOffence(rng, CRIMINAL_OFFENCE)));
  }
  const check: TrueAcroCheck = {
    ref: env.ids.acroRef(rng, new Date(spec.requestedOn * MS_PER_DAY).getUTCFullYear()),
    instigator: spec.instigator,
    requestedAt: officeInstant(rng, spec.requestedOn),
    outcome,
    answeredAt: answeredOn == null || (outcome !== 'RESULTS' && outcome !== 'NO_TRACE') ? null : officeInstant(rng, answeredOn),
    results: outcome === 'RESULTS' ? results : [],
  };
  d.acroChecks.push(check);
  return check;
}

export function addCirculation(env: Env, d: Draft, rng: Rng, type: TrueCirculation['type'], since: number, issuer: TrueCirculation['force']): void {
  d.circulations.push({
    type,
    since: isoDateOf(since),
    force: issuer,
    reference: env.ids.circulationRef(rng, issuer, new Date(since * MS_PER_DAY).getUTCFullYear()),
  });
}

// ---------------------------------------------------------------------------------------------
// Finishing

/** Point a criminal case at its conviction by index in the person's final (date, id) order. */
export function fixConvictionIndex(c: MutableCase, convictionId: string, d: Draft): void {
  const sorted = [...d.convictions].sort((a, b) => (`${a.convictedOn}|${a.id}` < `${b.convictedOn}|${b.id}` ? -1 : 1));
  if (c.criminal) c.criminal = { ...c.criminal, convictionIndex: sorted.findIndex((x) => x.id === convictionId) };
}

/** Give anyone arrested or convicted a PNC id, and anyone convicted a CRO number. */
export function assignPoliceIds(env: Env, d: Draft, rng: Rng): void {
  const days = [...d.arrests.map((a) => a.arrestedAt.slice(0, 10)), ...d.convictions.map((c) => c.convictedOn)].sort();
  if (days.length === 0) return;
  d.pncId ??= env.ids.pncId(rng, Number(days[0]!.slice(0, 4)));
  if (d.convictions.length > 0 && d.croNumber == null) {
    const first = d.convictions.map((c) => c.convictedOn).sort()[0]!;
    d.croNumber = env.ids.croNumber(rng, Number(first.slice(0, 4)));
  }
}

export function finish(d: Draft): TruePerson {
  const byTime = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const cases: TrueCase[] = [...d.cases]
    .sort(byTime((c) => `${c.openedOn}|${c.caseId}`))
    .map((c) => ({ ...c, notes: [...c.notes].sort(byTime((n) => n.at)), barriers: [...c.barriers] }));
  const person: Mutable<TruePerson> = {
    id: d.id,
    givenNames: d.givenNames,
    familyName: d.familyName,
    gender: d.gender,
    dateOfBirth: isoDateOf(d.dob),
    nationality: d.nationality,
    placeOfBirth: d.placeOfBirth,
    aliases: d.aliases,
    resembles: d.resembles,
    falseClaim: d.falseClaim,
    hoRef: d.hoRef,
    fingerprintRef: d.fingerprintRef,
    pncId: d.pncId,
    croNumber: d.croNumber,
    passportNumber: d.passportNumber,
    cases,
    arrests: [...d.arrests].sort(byTime((a) => a.arrestedAt)),
    convictions: [...d.convictions].sort(byTime((c) => `${c.convictedOn}|${c.id}`)),
    circulations: [...d.circulations].sort(byTime((c) => c.since)),
    acroChecks: [...d.acroChecks].sort(byTime((a) => a.requestedAt)),
    mappaLevel: d.mappaLevel,
    harmCategory: d.harmCategory,
    detained: d.detained,
    tagged: d.tagged,
    noFixedAddress: d.noFixedAddress,
    highHarmIntelligence: d.highHarmIntelligence,
  };
  if (d.showcase) person.showcase = d.showcase;
  return person;
}
