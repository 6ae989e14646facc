import { describe, expect, it } from 'vitest';
import { DETERMINISTIC_RULES, firstRuleMatch } from '../../src/identity/rules/deterministicRules.js';
import { classifyPair, contradiction, twinPattern } from '../../src/identity/classify.js';
import { comparePair, scoreCompared } from '../../src/identity/score.js';
import { identifiersConflict } from '../../src/identity/identifiers.js';
import type { IdentifierKind } from '../../src/domain/common.js';
import { record, type FragmentSpec } from './fragments.js';
import { handModel } from './handModel.js';

const decide = (l: FragmentSpec, r: FragmentSpec) => {
  const a = record(l, 0);
  const b = record(r, 1);
  const v = comparePair(a, b);
  const model = handModel();
  return classifyPair(model, a, b, v, scoreCompared(model, v, null));
};

describe('deterministic rules', () => {
  it.each(DETERMINISTIC_RULES.map((r) => [r.name, r.kind] as const))('%s links records sharing %s', (name, kind) => {
    const value = kind === 'PNC_ID' ? '2014/0123456D' : kind === 'CRO' ? '012345/09B' : 'X1234567';
    const ids = { [kind]: value } as Partial<Record<IdentifierKind, string>>;
    const d = decide({ ids, family: 'KHAN' }, { ids, family: 'KHAN', given: ['AHMAD'] });
    expect(d).toEqual({ outcome: 'LINKED', rule: name, guard: null });
  });

  it('tries rules in their fixed order', () => {
    const both = { HO_REF: 'B1', FINGERPRINT: 'IA1' };
    expect(firstRuleMatch(record({ ids: both }).ids, record({ ids: both }).ids)?.rule.name).toBe('SharedFingerprintRule');
    expect(firstRuleMatch(record({ ids: { HO_REF: 'B1' } }).ids, record({ ids: { HO_REF: 'B2' } }).ids)).toBeNull();
  });

  it.each([
    ['dates of birth far apart', { dob: '1962-01-01' }],
    ['names disagree', { given: ['PIOTR'], family: 'NOWAK' }],
    ['conflicting FINGERPRINT', { ids: { CID_PERSON: '3000001', FINGERPRINT: 'IA999999999' } }],
  ] as const)('a shared identifier contradicted by %s goes to review', (why, spec) => {
    const d = decide({ ids: { CID_PERSON: '3000001', FINGERPRINT: 'IA000000001' } }, { ids: { CID_PERSON: '3000001' }, ...spec } as FragmentSpec);
    expect(d.outcome).toBe('POSSIBLE_MATCH');
    expect(d.rule).toBe('ReusedCidPersonIdRule');
    expect(d.guard).toBe(`identifier contradicted: ${why}`);
  });

  it('a shared PNC id, CRO number (check-lettered) or fingerprint ref (the same prints) is not contradicted by a date of birth given under an alias', () => {
    for (const ids of [{ PNC_ID: '2014/0123456D' }, { CRO: '012345/09B' }, { FINGERPRINT: 'IA000000001' }] as const) {
      const d = decide({ ids }, { ids, dob: '1962-01-01' });
      expect(d.outcome).toBe('LINKED');
      expect(d.guard).toBeNull();
    }
  });

  it('a shared PNC id counts whichever rule matched first (here the reused CID person id)', () => {
    const ids = { CID_PERSON: '3000001', PNC_ID: '2014/0123456D' };
    expect(decide({ ids }, { ids, dob: '1962-01-01' })).toEqual({ outcome: 'LINKED', rule: 'ReusedCidPersonIdRule', guard: null });
    // A CID person id alone is contradicted by a date of birth far apart.
    expect(decide({ ids: { CID_PERSON: '3000001' } }, { ids: { CID_PERSON: '3000001' }, dob: '1962-01-01' }).outcome).toBe('POSSIBLE_MATCH');
  });

  it('a shared PNC id on a record whose names both disagree (recorded on the wrong person) goes to review', () => {
    const ids = { PNC_ID: '2014/0123456D' };
    const d = decide({ ids }, { ids, given: ['PIOTR'], family: 'NOWAK', dob: '1962-01-01' });
    expect(d).toEqual({ outcome: 'POSSIBLE_MATCH', rule: 'PncIdOnCidCaseRule', guard: 'identifier contradicted: names disagree' });
  });

  it('a PNC id or CRO number failing its check letter is a typo: it never links, and is kept apart as mistyped', () => {
    const r = record({ ids: { PNC_ID: '2014/0123457K', CRO: '012345/09A' } });
    expect(r.ids.size).toBe(0);
    expect([...r.mistyped.keys()].sort()).toEqual(['CRO', 'PNC_ID']);
    expect(record({ ids: { PNC_ID: '9014/0123456D' } }).ids.size).toBe(0);
    expect(identifiersConflict(record({ ids: { PNC_ID: '2014/0123456D' } }), record({ ids: { PNC_ID: '2014/0123457E' } }))).toBe('PNC_ID');
    // Shared mistyped values do not link either.
    expect(firstRuleMatch(record({ ids: { PNC_ID: '2014/0123458D' } }).ids, record({ ids: { PNC_ID: '2014/0123458D' } }).ids)).toBeNull();
  });

  it('a mistyped PNC id conflicts with a value three or more edits from it, not with one it is a slip of', () => {
    const valid = record({ ids: { PNC_ID: '2014/0123456D' } });
    // 2014/0123458D fails its check letter (F): one digit off 2014/0123456D, the same PNC record.
    expect(identifiersConflict(record({ ids: { PNC_ID: '2014/0123458D' } }), valid)).toBeNull();
    expect(comparePair(record({ ids: { PNC_ID: '2014/0123458D' } }), valid).relation.kind).toBe('NEAR');
    // 2014/0987654D fails its check letter (Z) and is a slip of some other PNC id: two people.
    const far = record({ ids: { PNC_ID: '2014/0987654D' } });
    expect(identifiersConflict(far, valid)).toBe('PNC_ID');
    expect(identifiersConflict(valid, far)).toBe('PNC_ID');
    expect(comparePair(far, valid).relation.kind).toBe('CONFLICT');
    expect(decide({ ids: { PNC_ID: '2014/0987654D' } }, { ids: { PNC_ID: '2014/0123456D' } })).toEqual({ outcome: 'POSSIBLE_MATCH', rule: 'PROBABILISTIC', guard: 'conflicting PNC_ID' });
    // Two mistyped values far apart are two police records too; a record holding only the other kind is not compared.
    expect(identifiersConflict(far, record({ ids: { PNC_ID: '2014/0123458D' } }))).toBe('PNC_ID');
    expect(identifiersConflict(far, record({ ids: { HO_REF: 'B1234567' } }))).toBeNull();
  });

  it('a mistyped identifier (one or two digits off) is not a conflict', () => {
    expect(identifiersConflict(record({ ids: { HO_REF: 'B2001343' } }), record({ ids: { HO_REF: 'B1001943' } }))).toBeNull();
    expect(identifiersConflict(record({ ids: { HO_REF: 'B1234567' } }), record({ ids: { HO_REF: 'B1234568' } }))).toBeNull();
    expect(identifiersConflict(record({ ids: { HO_REF: 'B1234567' } }), record({ ids: { HO_REF: 'B7654321' } }))).toBe('HO_REF');
    expect(identifiersConflict(record({ ids: { CID_PERSON: '1' } }), record({ ids: { CID_PERSON: '9999' } }))).toBeNull();
  });
});

describe('threshold outcomes and guards', () => {
  it('links a strong probabilistic match', () => {
    expect(decide({}, {})).toEqual({ outcome: 'LINKED', rule: 'PROBABILISTIC', guard: null });
  });
  it('sends a middling match to review', () => {
    const d = decide({ place: null, nationality: null }, { place: null, nationality: null, dob: '1985-07-02' });
    expect(d.outcome).toBe('POSSIBLE_MATCH');
    expect(d.guard).toBeNull();
  });
  it('does not link a weak match', () => {
    expect(decide({}, { given: ['PIOTR'], family: 'NOWAK', dob: '1970-01-01', place: 'WARSAW', nationality: 'POL' }).outcome).toBe('NOT_LINKED');
  });
  it('holds back a high-scoring pair with conflicting personal identifiers', () => {
    const d = decide({ ids: { FINGERPRINT: 'IA000000001' } }, { ids: { FINGERPRINT: 'IA999999999' } });
    expect(d).toEqual({ outcome: 'POSSIBLE_MATCH', rule: 'PROBABILISTIC', guard: 'conflicting FINGERPRINT' });
  });
  it('holds back the twin pattern: same family and date of birth, different forename', () => {
    const a = comparePair(record({ given: ['HASSAN'] }), record({ given: ['FATIMA'] }));
    expect(twinPattern(a)).toBe(true);
    const d = decide({ given: ['HASSAN'] }, { given: ['FATIMA'] });
    expect(d.outcome).not.toBe('LINKED');
  });
  it('holds back the twin pattern when the forenames are alike only to Jaro-Winkler (a short name inside a longer one)', () => {
    // ALI / KHALED (canonical KHALID) score 0.83 but are four edits apart: two people.
    const a = record({ given: ['KHALED'], family: 'AKHTAR' }, 0);
    const b = record({ given: ['ALI'], family: 'AKHTAR' }, 1);
    expect(twinPattern(comparePair(a, b), a, b)).toBe(true);
    expect(decide({ given: ['KHALED'], family: 'AKHTAR' }, { given: ['ALI'], family: 'AKHTAR' }).guard).toBe('same family name and date of birth, different forename');
    // A forename miscopied (a transposition, a wrong letter) is the same person.
    for (const [x, y] of [['ABIODUN', 'ABIDOUN'], ['KHALED', 'KHALIL']] as const) {
      const p = record({ given: [x] }, 0);
      const q = record({ given: [y] }, 1);
      expect(twinPattern(comparePair(p, q), p, q), `${x} / ${y}`).toBe(false);
    }
    // Without the records only the levels speak: the weakly similar level is not the pattern.
    expect(twinPattern(comparePair(a, b))).toBe(false);
  });
  it('does not take names read swapped with a typo for twins (NQSSER SAMIR / SAMIR NASSER)', () => {
    const a = record({ given: ['NQSSER'], family: 'SAMIR' }, 0);
    const b = record({ given: ['SAMIR'], family: 'NASSER' }, 1);
    const v = comparePair(a, b);
    expect(v.swapped).toBe(true);
    expect(twinPattern(v, a, b)).toBe(false);
    expect(twinPattern(v, b, a)).toBe(false);
  });
  it('holds back the twin pattern when one record\'s names were read swapped (the shared name is a forename on one side)', () => {
    // Recorded "ALI / RAZA" (family ALI) against "RAZA / ZAHID": aligned swapped, RAZA agrees, ALI and ZAHID do not.
    const a = comparePair(record({ family: 'ALI', given: ['RAZA'] }), record({ family: 'RAZA', given: ['ZAHID'] }));
    expect(a.swapped).toBe(true);
    expect(twinPattern(a)).toBe(true);
    // The same person with swapped names agrees on both parts: not the pattern.
    expect(twinPattern(comparePair(record({ family: 'ZAHID', given: ['RAZA'] }), record({ family: 'RAZA', given: ['ZAHID'] })))).toBe(false);
  });
  it('holds back the twin pattern below the link threshold too, so it is never joined as an only candidate', () => {
    const model = handModel({ link: 1e6, review: -1e6 });
    const a = record({ given: ['HASSAN'] }, 0);
    const b = record({ given: ['FATIMA'] }, 1);
    const v = comparePair(a, b);
    expect(classifyPair(model, a, b, v, scoreCompared(model, v, null))).toEqual({
      outcome: 'POSSIBLE_MATCH', rule: 'PROBABILISTIC', guard: 'same family name and date of birth, different forename',
    });
  });
  it('holds back a strong pair whose dates of birth differ beyond a typo', () => {
    const model = handModel({ link: -100, review: -200 });
    const a = record({}, 0);
    const b = record({ dob: '1985-11-30' }, 1);
    const v = comparePair(a, b);
    expect(classifyPair(model, a, b, v, scoreCompared(model, v, null))).toEqual({ outcome: 'POSSIBLE_MATCH', rule: 'PROBABILISTIC', guard: 'dates of birth disagree beyond a typo' });
  });
  it('contradiction() is null for agreeing details', () => {
    expect(contradiction(comparePair(record({}), record({})))).toBeNull();
  });
});
