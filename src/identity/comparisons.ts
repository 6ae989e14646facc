/**
 * The comparisons of the person-linking model, each an ordered list of labelled levels
 * (Splink's comparison_library pattern). Names are compared after alignment (aliases, swapped
 * given/family); dates allow day/month swaps and one-digit typos (004 §6.47: details copied onto
 * each case and diverging).
 */
import type { AlignedNames } from './align.js';
import {
  comparison, customLevel, dateExactLevel, dateOffByOneOrTenLevel, dateSameYearLevel, dateSwappedLevel, dateTypoLevel, elseLevel, exactLevel,
  firstGivenExactLevel, firstGivenJaroWinklerLevel, firstGivenVariantLevel, givenReorderedLevel, jaroWinklerLevel,
  nullLevel, variantLevel, type Comparison,
} from './levels.js';
import type { IdentifierRelation } from './identifiers.js';
import type { PreparedOccasion, PreparedRecord } from './prepare.js';
import { COUNTRIES } from '../domain/nationality.js';

/** One side of a pair as comparisons see it: the record and its aligned name. */
export interface PairSide {
  readonly record: PreparedRecord;
  readonly names: AlignedNames;
  readonly side: 'left' | 'right';
  /** How the two records' identifiers relate (computed once per pair). */
  readonly relation: IdentifierRelation;
}

const alignedName = (s: PairSide) => (s.side === 'left' ? s.names.left : s.names.right);

export const familyNameComparison = comparison<PairSide, string | null>('familyName', (s) => alignedName(s)?.family || null, [
  nullLevel(), exactLevel({ tf: true }), variantLevel(), jaroWinklerLevel(0.92), jaroWinklerLevel(0.8), elseLevel(),
]);

export const givenNameComparison = comparison<PairSide, readonly string[]>('givenName', (s) => alignedName(s)?.given ?? [], [
  nullLevel(), firstGivenExactLevel(), firstGivenVariantLevel(), givenReorderedLevel(), firstGivenJaroWinklerLevel(0.92),
  firstGivenJaroWinklerLevel(0.8), elseLevel(),
]);

export const dateOfBirthComparison = comparison<PairSide, PairSide['record']['dob']>('dateOfBirth', (s) => s.record.dob, [
  nullLevel(), dateExactLevel(), dateSwappedLevel(), dateOffByOneOrTenLevel(), dateTypoLevel(), dateSameYearLevel(), elseLevel(),
]);

export const genderComparison = comparison<PairSide, string | null>('gender', (s) => s.record.gender, [nullLevel(), exactLevel(), elseLevel()]);

const BRITISH_OR_EEA = new Set(COUNTRIES.filter((c) => c.eea || c.alpha3 === 'GBR').map((c) => c.alpha3));

/**
 * Nationality. People arrested often self-declare as British or EEA when they are not (001 §4.8,
 * fn 21), so "one side British/EEA" is its own level, weaker evidence against than a plain mismatch.
 */
export const nationalityComparison = comparison<PairSide, string | null>('nationality', (s) => s.record.nationality, [
  nullLevel(), exactLevel(),
  customLevel('one record says British or EEA (often a false claim)', (a, b) => BRITISH_OR_EEA.has(a!) !== BRITISH_OR_EEA.has(b!)),
  elseLevel(),
]);

export const placeOfBirthComparison = comparison<PairSide, string | null>('placeOfBirth', (s) => s.record.placeOfBirth, [
  nullLevel(), exactLevel(), jaroWinklerLevel(0.88), elseLevel(),
]);

/** Identifiers compared as a whole: shared, one character off, conflicting, unrelated. */
export const identifiersComparison = comparison<PairSide, IdentifierRelation['kind']>('identifiers', (s) => s.relation.kind, [
  customLevel('no identifier of the same kind on both records', (a) => a === 'NONE', { isNull: true }),
  customLevel('an identifier is shared', (a) => a === 'SHARED'),
  customLevel('a personal identifier is one character off', (a) => a === 'NEAR'),
  customLevel('personal identifiers conflict', (a) => a === 'CONFLICT'),
  elseLevel(),
]);

/** How long after an arrest the arresting force's ACRO request may come and still be about it. */
export const ACRO_AFTER_ARREST_MS = 7 * 86_400_000;

/**
 * An ACRO request made by the force that arrested, within a week after the arrest (the same day's
 * request may be timed before the arrest record was opened, so up to a day before counts): forces
 * request ACRO checks on a foreign national's arrest (001 §4.31), so such a pair is one person on
 * one occasion. Other pairs (not an arrest and an ACRO request) have nothing to compare.
 */
export function acroRequestOnArrest(a: PreparedOccasion, b: PreparedOccasion): boolean {
  const [arrest, request] = a.kind === 'ARREST' ? [a, b] : [b, a];
  if (arrest.kind !== 'ARREST' || request.kind !== 'ACRO_REQUEST' || arrest.force !== request.force) return false;
  const after = request.at - arrest.at;
  return after > -86_400_000 && after <= ACRO_AFTER_ARREST_MS;
}

export const occasionComparison = comparison<PairSide, PreparedOccasion | null>('occasion', (s) => s.record.occasion, [
  customLevel('not an arrest and an ACRO request', (a, b) => !a || !b || a.kind === b.kind, { isNull: true }),
  customLevel('ACRO request by the arresting force within a week of the arrest', (a, b) => acroRequestOnArrest(a!, b!)),
  elseLevel(),
]);

/**
 * Years from the creation of one record's PNC record to the other record's arrest made without any
 * PNC id, or null when the pair is not that. An arrest creates the person's PNC record, or the PNC
 * check on arrest finds the one they have and the custody record carries its id; so an arrest
 * recorded without one is most often the first (the year the record was created), and one after
 * it is a check that missed (a slip). Before it, it is someone else (cluster.ts refuses it too).
 */
export function arrestAfterPncRecord(a: PreparedRecord, b: PreparedRecord): number | null {
  if (a.arrestWithoutPncYear !== null && b.pncYear !== null) return a.arrestWithoutPncYear - b.pncYear;
  if (b.arrestWithoutPncYear !== null && a.pncYear !== null) return b.arrestWithoutPncYear - a.pncYear;
  return null;
}

export const pncOnArrestComparison = comparison<PairSide, PreparedRecord>('pncOnArrest', (s) => s.record, [
  customLevel('not an arrest without a PNC id against a PNC record', (a, b) => arrestAfterPncRecord(a, b) === null, { isNull: true }),
  customLevel('arrested without a PNC id the year the PNC record was created', (a, b) => arrestAfterPncRecord(a, b) === 0),
  customLevel('arrested without a PNC id after the PNC record was created', (a, b) => arrestAfterPncRecord(a, b)! > 0),
  elseLevel(),
]);

/** The model's comparisons, in waterfall order. Order is data: changing it changes the model version. */
export const COMPARISONS: readonly Comparison<PairSide>[] = Object.freeze([
  familyNameComparison, givenNameComparison, dateOfBirthComparison, genderComparison, nationalityComparison,
  placeOfBirthComparison, identifiersComparison, occasionComparison, pncOnArrestComparison,
] as unknown as Comparison<PairSide>[]);
