/**
 * A small hand-built ground-truth population for testing the custody renderer and adapter without
 * the full population generator: foreign nationals (some claiming to be British or EEA), British
 * nationals, arrests in all three forces across GMT and BST, fingerprint hits (MPS, WMP), status
 * checks by every route, people still in custody, releases before an IO attended. Three showcase
 * persons have fixed arrests that tests assert exactly (TP0000001–TP0000003). Deterministic from
 * the seed; used only by tests and the render benchmark.
 */
import type { ForceCode } from '../../../src/domain/common.js';
import { OFFENCES } from '../../../src/domain/offences.js';
import { DEFAULT_NOISE } from '../noise.js';
import type { CheckRoute, EstateOptions, NoiseOptions, Population, StatusCheckResult, TrueArrest, TruePerson } from '../model.js';
import { Rng } from '../rng.js';
import { NO_NOISE, truePerson } from '../testing.js';

const GIVEN = ['MOHAMMED', 'AISHA', 'YUSUF', 'FATIMA', 'OLUWASEUN', 'SERGEI', 'TATYANA', 'MIHAI', 'KHALID', 'MARYAM', 'ABDI', 'JOHN', 'SARAH'];
const FAMILY = ['KHAN', 'HUSSEIN', 'AHMED', 'NGUYEN', 'RAHMAN', 'OKAFOR', 'POPESCU', 'KOWALSKI', 'MAHMOUD', 'SINGH', 'IBRAHIM', 'SMITH'];
const FOREIGN = ['NGA', 'PAK', 'SOM', 'VNM', 'ROU', 'POL', 'IRQ', 'JAM', 'ALB', 'IND', 'LTU', 'AFG'];
const SUITES: Record<ForceCode, readonly (readonly [string, string])[]> = {
  MPS: [['BS', 'Brixton'], ['CX', 'Charing Cross'], ['GN', 'Stoke Newington'], ['ZD', 'Croydon']],
  WMP: [['01', 'Perry Barr'], ['02', 'Oldbury'], ['03', 'Coventry']],
  WYP: [['LD', 'Leeds District'], ['BD', 'Bradford'], ['KD', 'Kirklees']],
};
/** Routes by force: MPS refers everyone to CCU (001 §4.7), WMP mostly to embedded IOs (§4.10), WYP to local IOs (§4.11). */
const ROUTES: Record<ForceCode, readonly (readonly [CheckRoute, number])[]> = {
  MPS: [['CCU', 0.92], ['EMBEDDED_IO', 0.08]],
  WMP: [['CCU', 0.35], ['EMBEDDED_IO', 0.55], ['LOCAL_IO', 0.1]],
  WYP: [['LOCAL_IO', 0.7], ['CCU', 0.2], ['EMBEDDED_IO', 0.1]],
};

export interface CustodyFixtureOptions {
  readonly seed?: number;
  readonly persons: number;
  readonly today?: string;
  readonly noise?: Partial<NoiseOptions>;
}

/** No noise at all: copies equal the truth (for exact assertions). */
export { NO_NOISE };

const MINUTE = 60_000;

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

class RecordNumbers {
  private serial: Record<ForceCode, number> = { MPS: 1000, WMP: 1000, WYP: 1000 };
  next(rng: Rng, force: ForceCode, suiteCode: string, at: string): string {
    this.serial[force] += rng.int(1, 9);
    const s = String(this.serial[force]).padStart(6, '0');
    const yy = at.slice(2, 4);
    if (force === 'MPS') return `${suiteCode}/${yy}/${s}`;
    if (force === 'WMP') return `20${yy}${suiteCode}${s}`;
    return `WY-${s}-${yy}`;
  }
}

function person(id: number, fields: Partial<TruePerson> & Pick<TruePerson, 'givenNames' | 'familyName' | 'nationality' | 'arrests'>): TruePerson {
  return truePerson({ id: `TP${String(id).padStart(7, '0')}`, dateOfBirth: '1985-06-15', ...fields });
}

function arrest(fields: Partial<TrueArrest> & Pick<TrueArrest, 'force' | 'custodyRecord' | 'arrestedAt'>): TrueArrest {
  return {
    suite: 'Brixton',
    offenceCode: 'THEFT',
    declaredNationality: 'GBR',
    fingerprinted: true,
    fingerprintHit: false,
    statusCheck: null,
    releasedAt: null,
    releasedBeforeIoAttended: false,
    ...fields,
  };
}

/** The showcase persons (fixed values the tests assert). */
function showcase(): TruePerson[] {
  return [
    // MPS, summer (BST): booked in 09:30 local = 08:30Z; IDENT1 hit; CCU check; released.
    person(1, {
      givenNames: ['MOHAMMED', 'ALI'],
      familyName: 'HUSSEIN',
      nationality: 'NGA',
      dateOfBirth: '1984-03-02',
      fingerprintRef: 'IA004000001',
      arrests: [
        arrest({
          force: 'MPS',
          custodyRecord: 'BS/16/000101',
          suite: 'Brixton',
          arrestedAt: '2016-07-01T08:30:00Z',
          offenceCode: 'FALSE-DOCS',
          declaredNationality: 'NGA',
          fingerprintHit: true,
          statusCheck: { route: 'CCU', requestedAt: '2016-07-01T08:45:00Z', result: 'IMMIGRATION_OFFENDER' },
          releasedAt: '2016-07-01T20:00:00Z',
        }),
      ],
    }),
    // WMP, winter (GMT): claims British but is Pakistani; IDENT1 hit; never referred; still in custody.
    person(2, {
      givenNames: ['KHALID'],
      familyName: 'RAHMAN',
      nationality: 'PAK',
      dateOfBirth: '1990-11-23',
      falseClaim: 'BRITISH',
      fingerprintRef: 'IA004000002',
      arrests: [
        arrest({
          force: 'WMP',
          custodyRecord: '201701000102',
          suite: 'Perry Barr',
          arrestedAt: '2017-01-15T23:30:00Z',
          offenceCode: 'ROBBERY',
          declaredNationality: 'GBR',
          fingerprintHit: true,
        }),
      ],
    }),
    // WYP: a Polish national in custody with no check; an earlier arrest referred to a local IO and
    // released before the IO attended.
    person(3, {
      givenNames: ['TATYANA'],
      familyName: 'KOWALSKI',
      gender: 'F',
      nationality: 'POL',
      dateOfBirth: '1979-12-05',
      arrests: [
        arrest({
          force: 'WYP',
          custodyRecord: 'WY-000103-15',
          suite: 'Leeds District',
          arrestedAt: '2015-10-25T00:30:00Z',
          offenceCode: 'SHOPLIFTING',
          declaredNationality: 'POL',
          fingerprinted: false,
          statusCheck: { route: 'LOCAL_IO', requestedAt: '2015-10-25T02:00:00Z', result: 'EEA_LAWFUL' },
          releasedAt: '2015-10-25T09:15:00Z',
          releasedBeforeIoAttended: true,
        }),
        arrest({
          force: 'WYP',
          custodyRecord: 'WY-000104-17',
          suite: 'Bradford',
          arrestedAt: '2017-05-30T18:00:00Z',
          offenceCode: 'DRINK-DRIVE',
          declaredNationality: 'POL',
          fingerprinted: false,
        }),
      ],
    }),
  ];
}

export function custodyFixturePopulation(opts: CustodyFixtureOptions): Population {
  const seed = opts.seed ?? 11;
  const today = opts.today ?? '2017-05-31';
  const options: EstateOptions = { seed, persons: opts.persons, today, noise: { ...DEFAULT_NOISE, ...opts.noise } };
  const rng = new Rng(seed).fork('custody-fixture');
  const numbers = new RecordNumbers();
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const start = Date.parse('2014-01-01T00:00:00Z');
  const persons: TruePerson[] = showcase().slice(0, opts.persons);
  for (let i = persons.length + 1; i <= opts.persons; i++) {
    const british = rng.chance(0.6);
    const nationality = british ? 'GBR' : rng.pick(FOREIGN);
    const falseClaim = !british && rng.chance(0.15) ? (rng.chance(0.7) ? 'BRITISH' : 'EEA') : null;
    const knownToHo = !british && rng.chance(0.6);
    const fingerprintRef = knownToHo ? `IA${String(4_100_000 + i * 7).padStart(9, '0')}` : null;
    const arrests: TrueArrest[] = [];
    const n = rng.int(1, 3);
    for (let k = 0; k < n; k++) {
      const force = rng.pick(['MPS', 'MPS', 'WMP', 'WYP'] as const);
      const [suiteCode, suite] = rng.pick(SUITES[force]);
      const inCustody = rng.chance(0.05);
      const arrestedMs = inCustody ? todayMs - rng.int(60, 30 * 60) * MINUTE : rng.int(start, todayMs - 2 * 24 * 60 * MINUTE);
      const arrestedAt = iso(Math.floor(arrestedMs / MINUTE) * MINUTE);
      const declaredNationality = falseClaim === 'BRITISH' ? 'GBR' : falseClaim === 'EEA' ? 'POL' : nationality;
      const foreignDeclared = declaredNationality !== 'GBR';
      const fingerprinted = rng.chance(0.9);
      const fingerprintHit = force !== 'WYP' && fingerprinted && knownToHo;
      const referred = (foreignDeclared || fingerprintHit) && rng.chance(force === 'MPS' ? 0.8 : 0.5);
      const requestedMs = Date.parse(arrestedAt) + rng.int(10, 240) * MINUTE;
      const result: StatusCheckResult = british
        ? 'BRITISH_CONFIRMED'
        : falseClaim === 'EEA' || ['POL', 'ROU', 'LTU'].includes(nationality)
          ? 'EEA_LAWFUL'
          : rng.pick(['IMMIGRATION_OFFENDER', 'LAWFUL', 'NO_TRACE'] as const);
      const releasedMs = Date.parse(arrestedAt) + rng.int(2 * 60, 30 * 60) * MINUTE;
      arrests.push(
        arrest({
          force,
          custodyRecord: numbers.next(rng, force, suiteCode, arrestedAt),
          suite,
          arrestedAt,
          offenceCode: rng.weighted(OFFENCES, (o) => o.weight).code,
          declaredNationality,
          fingerprinted,
          fingerprintHit,
          statusCheck: referred ? { route: rng.weighted(ROUTES[force], (r) => r[1])[0], requestedAt: iso(requestedMs), result } : null,
          releasedAt: inCustody ? null : iso(releasedMs),
          releasedBeforeIoAttended: !inCustody && !british && rng.chance(0.1),
        }),
      );
    }
    persons.push(
      person(i, {
        givenNames: rng.chance(0.3) ? [rng.pick(GIVEN), rng.pick(GIVEN)] : [rng.pick(GIVEN)],
        familyName: rng.pick(FAMILY),
        gender: rng.chance(0.8) ? 'M' : 'F',
        dateOfBirth: iso(Date.parse('1960-01-01T00:00:00Z') + rng.int(0, 14_000) * 24 * 60 * MINUTE).slice(0, 10),
        nationality,
        falseClaim,
        fingerprintRef,
        aliases: rng.chance(0.1) ? [{ givenNames: [rng.pick(GIVEN)], familyName: rng.pick(FAMILY), dateOfBirth: null }] : [],
        arrests,
      }),
    );
  }
  return { options, persons };
}
