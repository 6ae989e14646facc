import { graphql } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { describe, expect, it } from 'vitest';
import { DateScalar, DateTimeScalar, isIsoDate, isIsoDateTime } from './scalars.js';

describe('Date and DateTime', () => {
  it.each([
    ['1984-03-07', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1984-13-01', false],
    ['07/03/1984', false],
    ['1984-3-7', false],
  ])('isIsoDate(%s) = %s', (value, ok) => expect(isIsoDate(value)).toBe(ok));

  it.each([
    ['2016-04-01T09:30:00Z', true],
    ['2016-04-01T09:30:00.123Z', true],
    ['2016-04-01T09:30+01:00', true],
    ['2016-04-01T09:30:00', false],
    ['2016-04-01', false],
    ['2016-04-31T09:30:00Z', false],
    ['2016-04-01T24:30:00Z', false],
  ])('isIsoDateTime(%s) = %s', (value, ok) => expect(isIsoDateTime(value)).toBe(ok));

  const schema = makeExecutableSchema({
    typeDefs: 'scalar Date scalar DateTime type Query { echo(d: Date, t: DateTime): String bad: Date at: DateTime }',
    resolvers: {
      Date: DateScalar,
      DateTime: DateTimeScalar,
      Query: {
        echo: (_: unknown, a: { d?: string; t?: string }) => `${a.d ?? ''}|${a.t ?? ''}`,
        bad: () => '01/02/1980',
        at: () => new Date(Date.UTC(2016, 3, 1, 9, 30)),
      },
    },
  });

  it('accepts valid input and serialises Date objects as ISO instants', async () => {
    const r = await graphql({ schema, source: '{ echo(d: "1984-03-07", t: "2016-04-01T09:30:00Z") at }' });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ echo: '1984-03-07|2016-04-01T09:30:00Z', at: '2016-04-01T09:30:00.000Z' });
  });

  it('refuses bad input as BAD_USER_INPUT and a bad resolver value as a field error', async () => {
    const input = await graphql({ schema, source: 'query($t: DateTime) { echo(t: $t) }', variableValues: { t: '2016-04-01' } });
    expect(input.errors?.[0]?.message).toMatch(/DateTime must be ISO 8601 with zone/);
    const literal = await graphql({ schema, source: '{ echo(d: "1984-02-30") }' });
    expect(literal.errors?.[0]?.message).toMatch(/Date must be a calendar date/);
    const out = await graphql({ schema, source: '{ bad }' });
    expect(out.data).toEqual({ bad: null });
    expect(out.errors?.[0]?.message).toMatch(/Date cannot represent/);
  });
});
