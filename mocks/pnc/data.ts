/**
 * What the mock PNC holds (`services/pnc.json`): one subject per person with a PNC id, already in
 * PNC's legacy forms — `SURNAME/FORENAMES` names, `DDMMYYYY` dates (`00` for an unknown day), PNC
 * offence codes, sentence text such as `18M IMP` — so the quirks live in the data and the handlers
 * only serialise it. `buildPncData` derives it from the ground truth with the renderer's Rng.
 */
import type { Rng } from '../estate/rng.js';
import type { Population, TruePerson, TruthRecord } from '../estate/model.js';
import { copyDate, copyIdentifier, copyName } from '../estate/noise.js';
import { countryByAlpha3 } from '../../src/domain/nationality.js';
import { PNC_OFFENCE_CODES, RETIRED_PNC_OFFENCE_CODES } from '../../src/domain/pnc.js';

export interface PncAliasData {
  readonly name: string;
  readonly dob: string | null;
}

export interface PncConvictionData {
  /** DDMMYYYY */
  readonly date: string;
  readonly offenceCode: string;
  readonly court: string;
  readonly sentence: string;
}

export interface PncCirculationData {
  readonly type: string;
  /** DDMMYYYY */
  readonly date: string;
  readonly owner: string;
  readonly ref: string;
}

export interface PncSubjectData {
  readonly pncId: string;
  readonly cro: string | null;
  /** `SURNAME/FORENAME FORENAME` */
  readonly name: string;
  readonly aliases: readonly PncAliasData[];
  /** DDMMYYYY; `00` day when PNC never knew the day. */
  readonly dob: string;
  readonly sex: 'M' | 'F';
  /** Country name in capitals as police typed it, or null. */
  readonly nationality: string | null;
  readonly birthPlace: string | null;
  readonly convictions: readonly PncConvictionData[];
  readonly circulations: readonly PncCirculationData[];
}

export interface PncData {
  readonly service: 'pnc';
  /** The estate's today (ISO date). */
  readonly today: string;
  readonly subjects: readonly PncSubjectData[];
}

/** `YYYY-MM-DD` → PNC's `DDMMYYYY`. */
export function toPncDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}${m}${y}`;
}

/** PNC's sentence text for a custodial term in months (null = non-custodial). */
export function pncSentenceText(offenceCode: string, months: number | null, rng: Rng): string {
  if (months == null) return rng.pick(['FINE', 'COMMUNITY ORDER', 'CONDITIONAL DISCHARGE', 'SUSPENDED 6M']);
  if (offenceCode === 'MURDER') return 'LIFE IMP';
  const y = Math.floor(months / 12);
  const m = months % 12;
  if (y === 0 || months < 24) return `${months}M IMP`;
  return m === 0 ? `${y}Y IMP` : `${y}Y${m}M IMP`;
}

function pncName(given: readonly string[], family: string): string {
  return `${family}/${given.join(' ')}`;
}

/**
 * Legacy quirks are drawn at the estate's date-typo rate (NoiseOptions.dobTypo): an unknown day of
 * birth written `00`, a retired offence code, a sentence typed as free text.
 */
function subjectFor(person: TruePerson, pncId: string, rng: Rng, population: Population): PncSubjectData {
  const noise = population.options.noise;
  const quirk = noise.dobTypo;
  const copied = copyName(rng, noise, person.givenNames, person.familyName);
  let dob = toPncDate(copyDate(rng, noise, person.dateOfBirth));
  if (rng.chance(quirk)) dob = `00${dob.slice(2)}`;
  let nationality: string | null = countryByAlpha3(person.nationality)?.name.toUpperCase() ?? person.nationality;
  if (person.falseClaim === 'BRITISH' && rng.chance(0.5)) nationality = 'BRITISH';
  if (rng.chance(noise.missingIdentifier)) nationality = null;
  return {
    pncId,
    cro: copyIdentifier(rng, noise, person.croNumber),
    name: pncName(copied.givenNames, copied.familyName),
    aliases: person.aliases.map((a) => ({ name: pncName(a.givenNames, a.familyName), dob: a.dateOfBirth ? toPncDate(a.dateOfBirth) : null })),
    dob,
    sex: person.gender,
    nationality,
    birthPlace: person.placeOfBirth ? person.placeOfBirth.toUpperCase() : null,
    convictions: person.convictions.map((c) => {
      const code = rng.chance(quirk / 2) ? rng.pick(RETIRED_PNC_OFFENCE_CODES) : (PNC_OFFENCE_CODES[c.offenceCode] ?? c.offenceCode);
      const sentence = rng.chance(quirk / 2) ? 'SEE REMARKS' : pncSentenceText(c.offenceCode, c.sentenceMonths, rng);
      return { date: toPncDate(c.convictedOn), offenceCode: code, court: c.court.toUpperCase(), sentence };
    }),
    circulations: person.circulations.map((c) => ({ type: c.type, date: toPncDate(c.since), owner: c.force === 'HOME_OFFICE' ? 'HOME OFFICE' : c.force, ref: c.reference })),
  };
}

/** PNC's subjects from the ground truth: one per person holding a PNC id, in population order. */
export function buildPncData(population: Population, rng: Rng, truth?: (r: TruthRecord) => void): PncData {
  const subjects: PncSubjectData[] = [];
  for (const person of population.persons) {
    if (!person.pncId) continue;
    subjects.push(subjectFor(person, person.pncId, rng, population));
    truth?.({ source: 'pnc', key: person.pncId, personId: person.id });
  }
  return { service: 'pnc', today: population.options.today, subjects };
}
