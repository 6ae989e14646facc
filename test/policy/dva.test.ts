/**
 * DVA checks through the gateway (DOMAIN restriction 6; 001 §4.36–4.37, fn 21–22): only licensed
 * users, only with the NATIONALITY_VERIFICATION purpose and a written justification, each check
 * made for the requesting user and recorded in the audit trail with its justification.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAuditStore } from '../../src/audit/store.js';
import { createTestGateway, headersFor, type TestGateway } from '../support/gateway.js';

interface Passport {
  passportNumber: string;
  surname: string;
  dateOfBirth: string;
}

let gw: TestGateway;
let passport: Passport;
beforeAll(async () => {
  gw = await createTestGateway();
  passport = (JSON.parse(readFileSync(join(gw.estateDir, 'services', 'dva.json'), 'utf8')) as { passports: Passport[] }).passports[0]!;
});
afterAll(() => gw?.close());

const CHECK = 'mutation C($i: DvaPassportCheckInput!) { checkPassportWithDva(input: $i) { checkId result requestedBy justification passportNumber } }';
const REASON = 'Claims to be British on arrest; no Home Office record of citizenship; fingerprint hit on a visa application.';

describe('DVA passport checks', () => {
  it('lets a licensed CCU handler check with a justification; the check carries who and why, and can be read back', async () => {
    const input = { passportNumber: passport.passportNumber, surname: passport.surname, dateOfBirth: passport.dateOfBirth };
    const res = await gw.request(CHECK, { i: input }, await headersFor('ccu-handler', 'NATIONALITY_VERIFICATION', REASON));
    expect(res.body.errors).toBeUndefined();
    const check = res.body.data?.checkPassportWithDva as { checkId: string; result: string; requestedBy: string; justification: string };
    expect(check).toMatchObject({ result: 'MATCH', requestedBy: 'demo.ccu.handler', justification: REASON });

    const again = await gw.request('query Q($id: ID!) { dvaCheck(checkId: $id) { checkId result } }', { id: check.checkId }, await headersFor('ccu-handler', 'NATIONALITY_VERIFICATION', REASON));
    expect(again.body.data?.dvaCheck).toEqual({ checkId: check.checkId, result: 'MATCH' });

    const store = await openAuditStore(gw.config.gatewayDatabaseUrl);
    try {
      const events = await store.accessesBy('demo.ccu.handler', '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
      const mine = events.find((e) => e.requestId === res.headers.get('x-request-id'));
      expect(mine?.justification).toBe(REASON);
      expect(mine?.purpose).toBe('NATIONALITY_VERIFICATION');
    } finally {
      await store.close();
    }
  });

  it('refuses a check without a justification, before anything is sent to HMPO', async () => {
    const checksAtHmpo = async () => ((await (await fetch(`${gw.mocks.dvaUrl}/stats`)).json()) as { checks: number }).checks;
    const before = await checksAtHmpo();
    const res = await gw.request(CHECK, { i: { passportNumber: passport.passportNumber, surname: passport.surname, dateOfBirth: passport.dateOfBirth } }, await headersFor('ccu-handler', 'NATIONALITY_VERIFICATION'));
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body.errors)).toMatch(/justification/i);
    expect(await checksAtHmpo()).toBe(before);
  });

  it('refuses users without a DVA licence (a caseworker) whatever they state', async () => {
    const res = await gw.request(CHECK, { i: { passportNumber: passport.passportNumber, surname: passport.surname, dateOfBirth: passport.dateOfBirth } }, await headersFor('cc-liverpool', 'IMMIGRATION_CASEWORK', REASON));
    expect(res.status).toBe(403);
    expect(res.body.data ?? null).toBeNull();
  });
});
