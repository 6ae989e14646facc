/**
 * A small hand-built ground-truth population for testing the Pathfinder renderer and adapter
 * without the full population generator: persons with criminal cases across all four bands and
 * none (detained), with barriers, caseworkers, ETDs and reporting, plus the showcase person
 * TP0000006 (band 2, two barriers, a caseworker) whose master rows must contradict CID.
 * Deterministic from the seed; used only by tests and the render benchmark.
 */
import { Rng } from '../rng.js';
import { DEFAULT_NOISE } from '../noise.js';
import type { Barrier, EstateOptions, NoiseOptions, Population, TrueCase, TruePerson } from '../model.js';

const GIVEN = ['MOHAMMED', 'AISHA', 'YUSUF', 'FATIMA', 'OLUWASEUN', 'SERGEI', 'TATYANA', 'MIHAI', 'KHALID', 'MARYAM', 'ABDI', 'CHUKWUEMEKA'];
const FAMILY = ['KHAN', 'HUSSEIN', 'AHMED', 'NGUYEN', 'RAHMAN', 'OKAFOR', 'POPESCU', 'KOWALSKI', 'MAHMOUD', 'SINGH', 'IBRAHIM', 'PETROV'];
const NATIONALITIES = ['NGA', 'PAK', 'SOM', 'VNM', 'ROU', 'POL', 'IRQ', 'JAM', 'ALB', 'IND'];
const CASEWORKERS = ['A. Lindqvist', 'B. Osei', 'C. Murray', 'D. Fraser', 'E. Haddad'];
const UNITS = ['CC LIVERPOOL', 'CC LEEDS', 'CC CROYDON', 'NO UNIT', 'NOT IN USE', '', 'LIT NORTH WEST'];
const BARRIERS: readonly Barrier[] = ['OUTSTANDING_ASYLUM_CLAIM', 'OUTSTANDING_APPLICATION', 'FURTHER_REPRESENTATIONS', 'JUDICIAL_REVIEW', 'NO_TRAVEL_DOCUMENT'];

export interface FixtureOptions {
  readonly seed?: number;
  readonly persons: number;
  readonly today?: string;
  readonly noise?: Partial<NoiseOptions>;
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function daysFrom(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

export function pathfinderFixturePopulation(opts: FixtureOptions): Population {
  const seed = opts.seed ?? 7;
  const today = opts.today ?? '2017-05-31';
  const options: EstateOptions = { seed, persons: opts.persons, today, noise: { ...DEFAULT_NOISE, ...opts.noise } };
  const rng = new Rng(seed).fork('pathfinder-fixture');
  const persons: TruePerson[] = [];
  let caseSeq = 0;
  for (let i = 1; i <= opts.persons; i++) {
    const id = `TP${String(i).padStart(7, '0')}`;
    const showcase = id === 'TP0000006';
    const born = daysFrom('1960-01-01', rng.int(0, 40 * 365));
    const nCases = showcase ? 1 : rng.weighted([0, 1, 2], (n) => [0.3, 0.55, 0.15][n]!);
    const cases: TrueCase[] = [];
    for (let c = 0; c < nCases; c++) {
      caseSeq++;
      const openedOn = daysFrom(today, -rng.int(30, 2000));
      const open = showcase || rng.chance(0.8);
      const band = showcase ? 2 : rng.weighted<1 | 2 | 3 | 4 | null>([1, 2, 3, 4, null], (b) => (b === null ? 0.15 : 0.2125));
      const barriers = showcase
        ? (['OUTSTANDING_ASYLUM_CLAIM', 'NO_TRAVEL_DOCUMENT'] as Barrier[])
        : BARRIERS.filter(() => rng.chance(0.15));
      const interview = rng.chance(0.2) ? daysFrom(today, rng.int(-20, 40)) : null;
      cases.push({
        caseId: `CC${String(1_000_000 + caseSeq * 7).padStart(7, '0')}`,
        cidPersonId: `P${String(500_000 + caseSeq).padStart(7, '0')}`,
        type: 'CRIMINAL',
        status: open ? 'OPEN' : 'CLOSED',
        openedOn,
        closedOn: open ? null : daysFrom(openedOn, 20),
        ownerUnit: showcase ? 'CC LIVERPOOL' : rng.pick(UNITS),
        caseworker: showcase ? 'A. Lindqvist' : rng.chance(0.8) ? rng.pick(CASEWORKERS) : null,
        notes: [],
        criminal: {
          convictionIndex: 0,
          deportationDecisionOn: rng.chance(0.5) ? daysFrom(openedOn, 60) : null,
          noticeServedBefore2008: false,
          s33Exception: false,
          releasedOn: null,
          band,
          operationZincs: false,
        },
        restriction: rng.chance(0.5)
          ? {
              id: `R${caseSeq}`,
              centre: 'Liverpool Reporting Centre',
              frequency: 'WEEKLY',
              windowStart: '10:00',
              windowMinutes: 60,
              bail: false,
              status: 'OPEN',
              startedOn: openedOn,
              events: [
                { id: `E${caseSeq}a`, dueAt: `${daysFrom(today, -7)}T10:00:00Z`, result: 'COMPLETED' },
                { id: `E${caseSeq}b`, dueAt: `${daysFrom(today, 7)}T10:00:00Z`, result: null },
              ],
            }
          : null,
        etd: interview ? { id: `ETD${caseSeq}`, country: 'NGA', status: 'INTERVIEW_BOOKED', submittedOn: daysFrom(interview, -30), interviewOn: interview } : null,
        barriers,
      });
    }
    // A non-criminal case too, which Pathfinder must not import.
    if (rng.chance(0.3)) {
      caseSeq++;
      cases.push({
        caseId: `CC${String(1_000_000 + caseSeq * 7).padStart(7, '0')}`,
        cidPersonId: `P${String(500_000 + caseSeq).padStart(7, '0')}`,
        type: 'ASYLUM', status: 'REFUSED', openedOn: daysFrom(today, -900), closedOn: daysFrom(today, -600),
        ownerUnit: 'ASYLUM', caseworker: null, notes: [], criminal: null, restriction: null, etd: null, barriers: [],
      });
    }
    persons.push({
      id,
      givenNames: [rng.pick(GIVEN)],
      familyName: rng.pick(FAMILY),
      gender: rng.chance(0.8) ? 'M' : 'F',
      dateOfBirth: born,
      nationality: rng.pick(NATIONALITIES),
      placeOfBirth: 'UNKNOWN',
      aliases: [],
      resembles: null,
      falseClaim: null,
      hoRef: `H${String(2_000_000 + i).padStart(7, '0')}`,
      fingerprintRef: null,
      pncId: null,
      croNumber: null,
      passportNumber: null,
      cases,
      arrests: [],
      convictions: [],
      circulations: [],
      acroChecks: [],
      mappaLevel: rng.pick([0, 1, 2, 3, 'EX'] as const),
      harmCategory: null,
      detained: false,
      tagged: false,
      noFixedAddress: false,
      highHarmIntelligence: false,
    });
  }
  return { options, persons };
}
