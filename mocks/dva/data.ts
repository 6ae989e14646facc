/**
 * What the mock DVA holds (`services/dva.json`): HM Passport Office records of British passports.
 * Only genuinely British persons have one; people who falsely claim to be British have none, which
 * is what a justified check finds out (`001 §4.36–4.37`, fn 21). Passport records are authoritative,
 * so names and dates are the true ones (the noise is in what the requester types).
 */
import type { Rng } from '../estate/rng.js';
import type { Population } from '../estate/model.js';
import type { PassportStatus } from '../../src/domain/dva.js';

export interface DvaPassportData {
  readonly passportNumber: string;
  readonly surname: string;
  readonly forenames: string;
  /** ISO date. */
  readonly dateOfBirth: string;
  readonly sex: 'M' | 'F';
  readonly status: PassportStatus;
  readonly issuedOn: string;
  readonly expiresOn: string;
}

export interface DvaData {
  readonly service: 'dva';
  readonly today: string;
  readonly passports: readonly DvaPassportData[];
}

const STATUS_WEIGHTS: readonly (readonly [PassportStatus, number])[] = [
  ['VALID', 90],
  ['LOST', 4],
  ['STOLEN', 3],
  ['CANCELLED', 3],
];

function shiftYears(isoDate: string, years: number, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** British passports for the British persons of the population who hold one. */
export function buildDvaData(population: Population, rng: Rng): DvaData {
  const today = population.options.today;
  const passports: DvaPassportData[] = [];
  for (const p of population.persons) {
    if (p.nationality !== 'GBR' || p.falseClaim != null || !p.passportNumber) continue;
    const issuedOn = shiftYears(today, -rng.int(0, 9), -rng.int(0, 364));
    passports.push({
      passportNumber: p.passportNumber,
      surname: p.familyName,
      forenames: p.givenNames.join(' '),
      dateOfBirth: p.dateOfBirth,
      sex: p.gender,
      status: rng.weighted(STATUS_WEIGHTS, ([, w]) => w)[0],
      issuedOn,
      expiresOn: shiftYears(issuedOn, 10, 0),
    });
  }
  return { service: 'dva', today, passports };
}
