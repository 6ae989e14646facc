/**
 * No personal data in logs. Real names, dates of birth and identifiers of a person in the test
 * estate are sent in variables, returned in results and echoed in error messages; the log must hold
 * none of them, while still holding one line per request with the request id and error codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCES } from '../../src/sources/registry.js';
import { createTestGateway, headersFor, type TestGateway } from '../support/gateway.js';
import { lookupOf, readPersons, readTruth, variablesFor, type TruthPerson } from './lookups.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await createTestGateway();
});
afterAll(() => gw?.close());

function personalStrings(p: TruthPerson): string[] {
  return [p.familyName, ...p.givenNames, p.dateOfBirth, p.hoRef, p.pncId, p.croNumber, p.passportNumber].filter(
    (s): s is string => typeof s === 'string' && s.length >= 4,
  );
}

describe('log redaction', () => {
  it('keeps names, dates of birth and identifiers out of the log, from variables, results and errors', async () => {
    const persons = readPersons(gw.estateDir);
    const truth = readTruth(gw.estateDir);
    const registered: string[] = SOURCES.map((s): string => s.name).filter((n) => lookupOf(n) !== null);
    expect(registered.length).toBeGreaterThan(0);

    // A person with records in a registered source and plenty of identifiers.
    const candidates = persons.filter((p) => p.pncId && p.passportNumber && truth.some((t) => t.personId === p.id && registered.includes(t.source)));
    const person = candidates[0] ?? persons[0]!;
    // The person's identifiers as the sources hold them: their record keys (PNC id, ACRO
    // reference, custody record number, CID ids) and any identifiers the truth file lists.
    const ownKeys = truth.filter((t) => t.personId === person.id).map((t) => t.key);
    const planted = [...personalStrings(person), ...ownKeys.filter((k) => k.length >= 6)];
    expect(planted.length).toBeGreaterThanOrEqual(6);

    const ids: string[] = [];
    for (const name of registered) {
      const lookup = lookupOf(name)!;
      const own = truth.find((t) => t.personId === person.id && t.source === name);
      // 1. a lookup that returns the person's record, with personal data in extra variables
      const as = async (key: string) => (lookup.actAs ? headersFor(lookup.actAs(key, gw.estateDir)) : {});
      if (own) {
        const found = await gw.request(lookup.query, {
          ...variablesFor(lookup, own.key),
          name: `${person.givenNames.join(' ')} ${person.familyName}`,
          dateOfBirth: person.dateOfBirth,
          pncId: person.pncId,
        }, await as(own.key));
        expect(found.body.errors).toBeUndefined();
        ids.push(found.headers.get('x-request-id')!);
      }
      // 2. lookups whose key is an identifier or a name: the NOT_FOUND error echoes it to the client
      const otherSourceKeys = truth.filter((t) => t.personId === person.id && t.source !== name).map((t) => t.key).slice(0, 3);
      for (const key of [person.passportNumber, person.pncId, `${person.familyName} ${person.dateOfBirth}`, ...otherSourceKeys]) {
        if (!key) continue;
        const missing = await gw.request(lookup.query, variablesFor(lookup, key), await as(key));
        expect(missing.body.data?.[lookup.field] ?? null).toBeNull();
        ids.push(missing.headers.get('x-request-id')!);
      }
    }
    // 3. a bad value for a scalar: the error message quotes the variable's value
    const bad = await gw.request('query Bad($n: String!) { __type(name: $n) { name } }', { n: { dateOfBirth: person.dateOfBirth } });
    expect(JSON.stringify(bad.body.errors)).toContain(person.dateOfBirth);
    ids.push(bad.headers.get('x-request-id')!);

    const log = gw.logText();
    for (const s of planted) expect(log, `log contains "${s}"`).not.toContain(s);
    for (const id of ids) {
      const lines = gw.logs.filter((l) => l.requestId === id && (l.msg === 'graphql request' || l.msg === 'graphql request rejected'));
      expect(lines, `one log line for request ${id}`).toHaveLength(1);
    }
    expect(gw.logs.some((l) => Array.isArray(l.errorCodes) && (l.errorCodes as string[]).includes('NOT_FOUND'))).toBe(true);
  });
});
