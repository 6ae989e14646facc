/**
 * Plausible caseworker notes for CID cases, in the terse style of case-note screens (004 §6.47:
 * notes are split by case, so a reader must open each case to follow a life). Names of staff are
 * random combinations from the name pools; notes never name a real person.
 */
import { offenceByCode } from '../../src/domain/offences.js';
import { drawName } from './names.js';
import type { Rng } from './rng.js';

const STAFF_CULTURES = ['GBR', 'GBR', 'GBR', 'IND', 'PAK', 'NGA', 'JAM', 'POL', 'IRL', 'GHA'] as const;

/** A pool of caseworker names (`J SMITH` style) for one estate. */
export function drawStaff(rng: Rng, count: number): readonly string[] {
  const out = new Set<string>();
  while (out.size < count) {
    const n = drawName(rng, rng.pick(STAFF_CULTURES), rng.chance(0.55) ? 'F' : 'M');
    out.add(`${n.givenNames[0]!.slice(0, 1)} ${n.familyName}`);
  }
  return [...out].sort();
}

export const PRISONS = [
  'HMP WANDSWORTH', 'HMP PENTONVILLE', 'HMP THAMESIDE', 'HMP BIRMINGHAM', 'HMP LEEDS', 'HMP HUNTERCOMBE',
  'HMP MAIDSTONE', 'HMP THE MOUNT', 'HMP WORMWOOD SCRUBS', 'HMP BRIXTON', 'HMP HEWELL', 'HMP WAKEFIELD',
] as const;

export const DETENTION_CENTRES = ['IRC COLNBROOK', 'IRC HARMONDSWORTH', 'IRC MORTON HALL', 'IRC THE VERNE', 'IRC BROOK HOUSE'] as const;

function offenceText(code: string): string {
  return (offenceByCode(code)?.description ?? code).toLowerCase();
}

function ukDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Note texts, one function per event a caseworker records. */
export const NOTE = {
  referral: (rng: Rng, offence: string, months: number | null, court: string) =>
    months
      ? `Referral received from ${rng.pick(PRISONS)}. Convicted of ${offenceText(offence)} at ${court}, sentenced to ${months} months. Liability to deportation to be considered.`
      : `Referral received from police: convicted of ${offenceText(offence)} at ${court}, non-custodial sentence. Referred as below-threshold case for consideration.`,
  autoDeportation: () => `Meets criteria for automatic deportation (UK Borders Act 2007 s32). No s33 exception identified at this stage.`,
  decisionServed: (isoDate: string) => `Deportation order signed; notice of decision served ${ukDate(isoDate)}.`,
  noDecision: () => `Case reviewed. Decision to deport still outstanding; file awaiting allocation.`,
  released: (isoDate: string, centre: string, freq: string) =>
    `Subject released ${ukDate(isoDate)}. IS96 served: report ${freq.toLowerCase()} at ${centre}.`,
  detained: (rng: Rng) => `Subject detained at ${rng.pick(DETENTION_CENTRES)} pending removal.`,
  review: () => `Three-monthly case review completed. No change in removability.`,
  etdSubmitted: (country: string) => `ETD application submitted to the ${country} High Commission / Embassy. Awaiting interview date.`,
  etdHalted: () => `ETD interview halted: subject claimed asylum during interview.`,
  noShow: (isoDate: string) => `ROM email: no show at reporting event ${ukDate(isoDate)}.`,
  absconder: (isoDate: string) => `Third consecutive breach. Subject listed as absconder ${ukDate(isoDate)}. Referral to Trace and Locate.`,
  circulated: () => `PNC team asked to circulate subject as absconder.`,
  barrier: (barrier: string) => `Removal deferred: ${barrier.toLowerCase().replace(/_/g, ' ')}.`,
  removed: (isoDate: string) => `Subject removed under escort ${ukDate(isoDate)}. Case closed.`,
  ownershipQuery: () => `Ownership query raised: case does not appear on any team's caseload.`,
  visaReceived: (kind: string) => `${kind} application received via visa application centre. Biometrics enrolled.`,
  visaGranted: (until: string) => `Application granted. Leave valid until ${ukDate(until)}.`,
  asylumLodged: () => `Asylum claim lodged at screening unit. Screening interview completed; SEF issued.`,
  asylumRefused: () => `Asylum claim refused. Refusal letter served; appeal rights explained.`,
  statusCheck: (route: string) => `Police encounter: status check via ${route === 'CCU' ? 'CCU' : 'immigration officer at custody suite'} confirmed no valid leave. IS151A served.`,
  furtherReps: () => `Further representations received. Removal directions cannot be set until considered.`,
  humanRights: () => `Application for leave on human rights grounds (Article 8) received.`,
  judicialReview: () => `Judicial review claim lodged. Removal deferred pending permission decision.`,
  application: (kind: string) => `${kind} application received. Awaiting consideration.`,
  refused: () => `Application refused. Notice of decision served.`,
  granted: () => `Application granted.`,
  eeaResidence: () => `Application for EEA registration certificate received. Evidence of Treaty rights requested.`,
} as const;
