/**
 * Police custody episodes as the gateway sees them, whatever force database they came from.
 *
 * Each force keeps its own custody database with its own schema, code lists and date formats, and
 * the databases do not interface with each other (001 §4.25). The custody adapter (adapters/custody/)
 * maps every force's rows into `CustodyEpisode`, with the problems it met while reading a row kept
 * on the episode as data-quality issues (never a crash, never a silent drop).
 *
 * Times are ISO 8601 UTC (`...Z`): forces record UK local wall-clock time, which the adapter converts
 * taking British Summer Time into account. Nationalities are ISO 3166-1 alpha-3.
 */
import type { DataQualityIssue, ForceCode, Gender, Identifier, PersonName, SourceRef } from './common.js';

/** How a status check was asked for (001 §4.7–4.11; 000 rec. 1). */
export type CheckRoute =
  | 'CCU' // the Home Office Command and Control Unit, 24/7 by telephone
  | 'EMBEDDED_IO' // an immigration officer embedded in the custody suite
  | 'LOCAL_IO'; // the local Immigration Enforcement office (West Yorkshire's "police call-out" model)

export const CHECK_ROUTES: readonly CheckRoute[] = Object.freeze(['CCU', 'EMBEDDED_IO', 'LOCAL_IO']);

/** What the status check found. */
export type StatusCheckResult =
  | 'NO_TRACE' // nothing on Home Office systems
  | 'IMMIGRATION_OFFENDER'
  | 'LAWFUL' // lawfully in the UK
  | 'BRITISH_CONFIRMED'
  | 'EEA_LAWFUL'; // EEA national exercising Treaty rights (001 fn 9)

export interface StatusCheck {
  /** A status check was requested for this episode. */
  readonly requested: boolean;
  readonly route: CheckRoute | null;
  /** When it was requested (UTC). */
  readonly requestedAt: string | null;
  /** Null while awaited, or when the force recorded none. */
  readonly result: StatusCheckResult | null;
}

/** PACE: 24 hours before charge or release (36 with a superintendent's authority) — 001 fn 17. */
export const PACE_CLOCK_HOURS = 24;

/** One arrest and detention in one custody suite, as one force's custody record holds it. */
export interface CustodyEpisode {
  /** `{ source: 'custody', key: '<FORCE>/<custody record number>' }`. */
  readonly ref: SourceRef;
  readonly force: ForceCode;
  /** The force's custody record number, exactly as held. */
  readonly recordNumber: string;
  /** Custody suite name. */
  readonly suite: string | null;
  /** Arrest (booking-in) time, UTC; null when the source value could not be read (issue recorded). */
  readonly arrestedAt: string | null;
  /** Release time, UTC; null while still in custody (or unreadable, with an issue). */
  readonly releasedAt: string | null;
  /** The source shows no release. */
  readonly inCustody: boolean;
  /** Gateway offence code (src/domain/offences.ts); null when the force's code is unknown. */
  readonly offenceCode: string | null;
  /** Nationality the detainee gave, alpha-3 (self-declared: may be a false British or EEA claim). */
  readonly declaredNationality: string | null;
  /** The nationality exactly as the force recorded it (free text, alpha-2 or force code). */
  readonly declaredNationalityAsHeld: string | null;
  /** Declared British, or a national of an EEA state. */
  readonly claimsBritishOrEea: boolean;
  /** The custody officer recorded doubt about the declared nationality. */
  readonly nationalityDoubted: boolean;
  /**
   * The force's automatic IDENT1 check of custody fingerprints matched Home Office records
   * (MPS and WMP, 002 §4.4). Null where the force does not check (WYP) or did not record it.
   */
  readonly fingerprintHit: boolean | null;
  /** The matched Home Office (IABS) fingerprint reference, when there was a hit and it was recorded. */
  readonly hoFingerprintRef: string | null;
  /**
   * The detainee's PNC id from the PNC check on arrest (long form `YYYY/NNNNNNNC`), when the force
   * recorded it; often missing on a first arrest, whose PNC record was created after booking in.
   */
  readonly pncId: string | null;
  readonly statusCheck: StatusCheck;
  /** Released before an immigration officer attended (002 rec. 2); null where not recorded. */
  readonly releasedBeforeIoAttended: boolean | null;
  /**
   * MPS only: the record was completed. MPS records of foreign nationals cannot be completed until
   * a status-check request is confirmed (001 §4.9). Null for forces without this rule.
   */
  readonly recordComplete: boolean | null;
  readonly name: PersonName;
  /** `YYYY-MM-DD`, or null when missing or unreadable. */
  readonly dateOfBirth: string | null;
  readonly gender: Gender | null;
  /** Problems found reading this record. */
  readonly dataQuality: readonly DataQualityIssue[];
}

/**
 * A foreign national, or someone who may be one, for the status-check rules: declared a non-British
 * nationality, or the claim to be British is doubted, or their fingerprints are on Home Office records.
 */
export function isPossibleForeignNational(e: CustodyEpisode): boolean {
  return (e.declaredNationality !== null && e.declaredNationality !== 'GBR') || e.nationalityDoubted || e.fingerprintHit === true;
}

/**
 * Identifiers a custody record links by: itself, the Home Office fingerprint ref from an IDENT1 hit,
 * and the PNC id recorded from the PNC check.
 */
export function custodyIdentifiers(e: Pick<CustodyEpisode, 'ref' | 'fingerprintHit' | 'hoFingerprintRef' | 'pncId'>): Identifier[] {
  const ids: Identifier[] = [{ kind: 'CUSTODY_RECORD', value: e.ref.key }];
  if (e.fingerprintHit && e.hoFingerprintRef) ids.push({ kind: 'FINGERPRINT', value: e.hoFingerprintRef });
  if (e.pncId) ids.push({ kind: 'PNC_ID', value: e.pncId });
  return ids;
}

/** When the PACE clock runs out (24 hours after arrest), or null when the arrest time is unknown. */
export function paceClockExpiresAt(e: Pick<CustodyEpisode, 'arrestedAt'>): string | null {
  if (!e.arrestedAt) return null;
  return new Date(Date.parse(e.arrestedAt) + PACE_CLOCK_HOURS * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Someone in custody with no status check requested: the embedded IO's worklist (000 rec. 1). */
export interface UncheckedDetention {
  readonly episode: CustodyEpisode;
  /** Arrest + 24 hours (001 fn 17); null when the arrest time could not be read (listed first). */
  readonly paceClockExpiresAt: string | null;
  /** Whole minutes left on the clock at `now` (negative when already past); null when unknown. */
  readonly minutesRemaining: number | null;
}

/** Arrest and referral counts for one force over a period: counts only, no personal data (002 rec. 2–3). */
export interface CustodyArrestCounts {
  readonly force: ForceCode;
  /** Inclusive start, UTC. */
  readonly from: string;
  /** Exclusive end, UTC. */
  readonly to: string;
  /** All arrests booked in within the period. */
  readonly arrests: number;
  /** Of those, possible foreign nationals (see `isPossibleForeignNational`). */
  readonly foreignNationalArrests: number;
  /** Foreign-national arrests with a status check requested, by route. */
  readonly checksByRoute: Readonly<Record<CheckRoute, number>>;
  /** Foreign-national arrests with no status check requested. */
  readonly notChecked: number;
  /** Foreign-national arrests released before an IO attended (002 rec. 2). */
  readonly releasedBeforeIoAttended: number;
  /** Records left out because their arrest time could not be read (each has a data-quality issue). */
  readonly undatedRecords: number;
}
