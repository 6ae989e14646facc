/**
 * Builders for hand-made ground truth in renderer and adapter tests: a person with every life-list
 * empty and no identifiers, to which a test adds only what it is about, and noise switched off.
 */
import type { NoiseOptions, TruePerson } from './model.js';
import { DEFAULT_NOISE } from './noise.js';

/** Every noise probability 0: copies are exact. */
export const NO_NOISE: NoiseOptions = Object.freeze(
  Object.fromEntries(Object.keys(DEFAULT_NOISE).map((k) => [k, 0])) as unknown as NoiseOptions,
);

/** The fields a test person starts with (a man born in Lagos with no record anywhere). */
export const BLANK_PERSON: Omit<TruePerson, 'id' | 'givenNames' | 'familyName' | 'dateOfBirth' | 'nationality'> = Object.freeze({
  gender: 'M',
  placeOfBirth: 'LAGOS',
  aliases: [],
  resembles: null,
  falseClaim: null,
  hoRef: null,
  fingerprintRef: null,
  pncId: null,
  croNumber: null,
  passportNumber: null,
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
});

export function truePerson(fields: Partial<TruePerson> & Pick<TruePerson, 'id' | 'givenNames' | 'familyName' | 'dateOfBirth' | 'nationality'>): TruePerson {
  return { ...BLANK_PERSON, ...fields };
}
