/**
 * What the mock ACRO holds (`services/acro.json`): every check already asked, with who asked,
 * when, and when (if ever) ACRO will answer (`001 §4.31`). `answerAt` is absolute (the estate's
 * today is the reference): checks answered before today are complete, checks still to come answer
 * later, and `answerAt: null` is a check ACRO never answers. Subjects are noisy copies; countries
 * are ISO alpha-2 as ACRO writes them; each result says whether its offence is on the HOSOL.
 */
import type { Rng } from '../estate/rng.js';
import type { Population, TrueAcroCheck, TruePerson, TruthRecord } from '../estate/model.js';
import { copyDate, copyIdentifier, copyName } from '../estate/noise.js';
import { countryByAlpha3 } from '../../src/domain/nationality.js';
import { offenceByCode } from '../../src/domain/offences.js';

export type AcroInstigatorCode = TrueAcroCheck['instigator'];
export type AcroPurposeCode = 'IMMIGRATION' | 'CRIMINAL_INVESTIGATION';

export interface AcroSubjectData {
  readonly surname: string;
  readonly forenames: string;
  /** ISO date as ACRO holds it. */
  readonly dateOfBirth: string;
  /** ISO alpha-2, or null. */
  readonly nationality: string | null;
  readonly pncId: string | null;
}

export interface AcroResultData {
  /** ISO alpha-2 of the convicting state. */
  readonly country: string;
  readonly convictionDate: string;
  /** UK-equivalent offence (gateway code). */
  readonly ukOffenceCode: string;
  /** The offence as the convicting state described it. */
  readonly offenceText: string;
  readonly sentence: string;
  readonly hosol: boolean;
}

export interface AcroRequestData {
  readonly reference: string;
  readonly instigator: AcroInstigatorCode;
  readonly instigatingOrganisation: string;
  readonly purpose: AcroPurposeCode;
  readonly requestedAt: string;
  /** When the request completes; null = never answered. */
  readonly answerAt: string | null;
  /** What it completes with; null = never answered. */
  readonly answer: 'RESULTS' | 'NO_TRACE' | null;
  readonly subject: AcroSubjectData;
  readonly results: readonly AcroResultData[];
}

export interface AcroData {
  readonly service: 'acro';
  readonly today: string;
  readonly requests: readonly AcroRequestData[];
}

export const INSTIGATING_ORGANISATIONS: Readonly<Record<string, string>> = Object.freeze({
  HOME_OFFICE: 'HOME OFFICE CRIMINAL CASEWORK',
  MPS: 'METROPOLITAN POLICE SERVICE',
  WMP: 'WEST MIDLANDS POLICE',
  WYP: 'WEST YORKSHIRE POLICE',
});

export function alpha2(alpha3: string): string {
  return countryByAlpha3(alpha3)?.alpha2 ?? alpha3;
}

function addDays(isoDate: string, days: number, hour: number): string {
  const t = Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000 + hour * 3_600_000;
  return new Date(t).toISOString().replace('.000Z', 'Z');
}

/** When and how a pre-seeded check will be answered. A PENDING check with no time gets one after today. */
function schedule(check: TrueAcroCheck, today: string, rng: Rng): Pick<AcroRequestData, 'answerAt' | 'answer'> {
  if (check.outcome === 'NEVER') return { answerAt: null, answer: null };
  const answer = check.outcome === 'NO_TRACE' || (check.outcome === 'PENDING' && check.results.length === 0) ? 'NO_TRACE' : 'RESULTS';
  const answerAt = check.answeredAt ?? addDays(today, rng.int(1, 42), rng.int(8, 17));
  return { answerAt, answer };
}

function requestFor(person: TruePerson, check: TrueAcroCheck, population: Population, rng: Rng): AcroRequestData {
  const noise = population.options.noise;
  const name = copyName(rng, noise, person.givenNames, person.familyName);
  return {
    reference: check.ref,
    instigator: check.instigator,
    instigatingOrganisation: INSTIGATING_ORGANISATIONS[check.instigator] ?? check.instigator,
    purpose: check.instigator === 'HOME_OFFICE' ? 'IMMIGRATION' : 'CRIMINAL_INVESTIGATION',
    requestedAt: check.requestedAt,
    ...schedule(check, population.options.today, rng),
    subject: {
      surname: name.familyName,
      forenames: name.givenNames.join(' '),
      dateOfBirth: copyDate(rng, noise, person.dateOfBirth),
      nationality: alpha2(person.nationality),
      pncId: copyIdentifier(rng, noise, person.pncId),
    },
    results: check.results.map((r) => {
      const offence = offenceByCode(r.offenceCode);
      return {
        country: alpha2(r.country),
        convictionDate: r.convictedOn,
        ukOffenceCode: r.offenceCode,
        offenceText: offence?.description ?? r.offenceCode,
        sentence: r.sentence,
        hosol: offence?.hosol ?? false,
      };
    }),
  };
}

/** ACRO's requests from the ground truth: every TrueAcroCheck, in population order. */
export function buildAcroData(population: Population, rng: Rng, truth?: (r: TruthRecord) => void): AcroData {
  const requests: AcroRequestData[] = [];
  for (const person of population.persons) {
    for (const check of person.acroChecks) {
      requests.push(requestFor(person, check, population, rng));
      truth?.({ source: 'acro', key: check.ref, personId: person.id });
    }
  }
  return { service: 'acro', today: population.options.today, requests };
}
