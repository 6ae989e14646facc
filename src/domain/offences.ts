/**
 * Offence reference data shared by the estate, the adapters and the assessments.
 *
 * Codes are the gateway's own stable offence codes (legacy sources write them in their own ways;
 * adapters map to these). Each offence carries the categories the guidance reasons about:
 * - Nexus High Harm categories (001 fn 8, 004 fn 16): GBH or worse, human trafficking, sex offences,
 *   firearms, knives, other weapons; robbery and burglary count when there are 3 or more convictions.
 * - Referral below the custodial threshold when the offence involves violence, sex, children or
 *   serious drugs (004 §6.32–6.34).
 * - Bournemouth Commitment: gun crime or a serious drug offence (004 §5.11).
 * - Home Office Serious Offence List (HOSOL): overseas (ACRO) results on this list are recorded on
 *   PNC and may be shared with the Home Office (001 §4.32).
 */

export type HighHarmCategory =
  | 'GBH_OR_WORSE'
  | 'HUMAN_TRAFFICKING'
  | 'SEXUAL'
  | 'FIREARMS'
  | 'KNIFE'
  | 'OTHER_WEAPON'
  | 'ROBBERY'
  | 'BURGLARY';

export interface Offence {
  readonly code: string;
  readonly description: string;
  /** The High Harm category this offence falls in, if any. */
  readonly highHarm: HighHarmCategory | null;
  readonly violent: boolean;
  readonly sexual: boolean;
  readonly involvesChildren: boolean;
  readonly seriousDrugs: boolean;
  readonly gunCrime: boolean;
  /** On the Home Office Serious Offence List. */
  readonly hosol: boolean;
  /** Relative frequency in the synthetic estate (weights, not probabilities). */
  readonly weight: number;
}

type Flags = Partial<Pick<Offence, 'violent' | 'sexual' | 'involvesChildren' | 'seriousDrugs' | 'gunCrime' | 'hosol'>>;

const O = (code: string, description: string, highHarm: HighHarmCategory | null, weight: number, f: Flags = {}): Offence =>
  Object.freeze({
    code,
    description,
    highHarm,
    weight,
    violent: f.violent ?? false,
    sexual: f.sexual ?? false,
    involvesChildren: f.involvesChildren ?? false,
    seriousDrugs: f.seriousDrugs ?? false,
    gunCrime: f.gunCrime ?? false,
    hosol: f.hosol ?? false,
  });

export const OFFENCES: readonly Offence[] = Object.freeze([
  O('MURDER', 'Murder', 'GBH_OR_WORSE', 1, { violent: true, hosol: true }),
  O('MANSLAUGHTER', 'Manslaughter', 'GBH_OR_WORSE', 1, { violent: true, hosol: true }),
  O('GBH-S18', 'Wounding with intent / GBH (s18)', 'GBH_OR_WORSE', 3, { violent: true, hosol: true }),
  O('GBH-S20', 'Inflicting grievous bodily harm (s20)', 'GBH_OR_WORSE', 4, { violent: true, hosol: true }),
  O('ABH', 'Assault occasioning actual bodily harm', null, 10, { violent: true }),
  O('COMMON-ASSAULT', 'Common assault', null, 14, { violent: true }),
  O('TRAFFICKING', 'Human trafficking for exploitation', 'HUMAN_TRAFFICKING', 1, { hosol: true }),
  O('RAPE', 'Rape', 'SEXUAL', 1, { sexual: true, violent: true, hosol: true }),
  O('SEX-ASSAULT', 'Sexual assault', 'SEXUAL', 2, { sexual: true, violent: true, hosol: true }),
  O('SEX-CHILD', 'Sexual activity with a child', 'SEXUAL', 1, { sexual: true, involvesChildren: true, hosol: true }),
  O('CHILD-CRUELTY', 'Cruelty to a child', null, 1, { involvesChildren: true, violent: true, hosol: true }),
  O('FIREARM-POSS', 'Possession of a firearm', 'FIREARMS', 1, { gunCrime: true, hosol: true }),
  O('FIREARM-INTENT', 'Possession of a firearm with intent to endanger life', 'FIREARMS', 1, { gunCrime: true, violent: true, hosol: true }),
  O('KNIFE-POSS', 'Possession of a bladed article in a public place', 'KNIFE', 4, { hosol: false }),
  O('OFF-WEAPON', 'Possession of an offensive weapon', 'OTHER_WEAPON', 3),
  O('ROBBERY', 'Robbery', 'ROBBERY', 5, { violent: true, hosol: true }),
  O('BURGLARY-DWELLING', 'Burglary of a dwelling', 'BURGLARY', 5, { hosol: true }),
  O('BURGLARY-OTHER', 'Burglary other than a dwelling', 'BURGLARY', 3),
  O('DRUGS-SUPPLY-A', 'Supply of a class A drug', null, 5, { seriousDrugs: true, hosol: true }),
  O('DRUGS-IMPORT', 'Importation of a controlled drug', null, 2, { seriousDrugs: true, hosol: true }),
  O('DRUGS-POSS', 'Possession of a controlled drug', null, 10),
  O('THEFT', 'Theft', null, 16),
  O('SHOPLIFTING', 'Theft from a shop', null, 12),
  O('FRAUD', 'Fraud by false representation', null, 6),
  O('FALSE-DOCS', 'Possession of a false identity document', null, 4, { hosol: true }),
  O('PUBLIC-ORDER', 'Public order offence (s4)', null, 8),
  O('DRINK-DRIVE', 'Driving with excess alcohol', null, 8),
  O('NO-LICENCE', 'Driving otherwise than in accordance with a licence', null, 6),
  O('IMM-OVERSTAY', 'Overstaying leave (Immigration Act 1971 s24)', null, 3),
  O('IMM-ILLEGAL-WORK', 'Illegal working', null, 2),
  O('BREACH-ORDER', 'Breach of a court order', null, 4),
]);

const byCode = new Map(OFFENCES.map((o) => [o.code, o]));

export function offenceByCode(code: string): Offence | undefined {
  return byCode.get(code);
}
