/**
 * Every playground example (examples/*.graphql) runs without errors and finds its record. The
 * examples use the showcase persons' keys of the default estate; the showcase persons are
 * generated first, so their keys are the same in the small test estate (same seed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExamples } from '../../src/server/examples.js';
import { createTestGateway, headersFor, type TestGateway } from '../support/gateway.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await createTestGateway();
});
afterAll(() => gw?.close());

const examples = loadExamples();

describe('playground examples', () => {
  it('includes the sources query and one lookup per source with a lookup', () => {
    expect(examples.map((e) => e.name)[0]).toBe('01-sources');
    expect(examples.length).toBeGreaterThanOrEqual(6);
  });

  it.each(examples.map((e) => [e.name, e] as const))('%s runs and returns data', async (_name, example) => {
    const headers = example.actAs ? await headersFor(example.actAs.identity, example.actAs.purpose ?? undefined, example.justification) : {};
    const res = await gw.request(example.query, example.variables ? (JSON.parse(example.variables) as Record<string, unknown>) : undefined, headers);
    expect(res.body.errors).toBeUndefined();
    const data = res.body.data ?? {};
    for (const [field, value] of Object.entries(data)) expect(value, `${field} is null`).not.toBeNull();
  });
});
