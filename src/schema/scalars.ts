/**
 * The two time scalars of schema/base.graphql. Both are strings on the wire and inside the gateway
 * (codegen maps them to `string`), validated both ways: a resolver returning a malformed value is a
 * field error, a client sending one gets BAD_USER_INPUT.
 */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True for a real calendar date `YYYY-MM-DD` (no 2021-02-30). */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** True for an ISO 8601 instant with a zone (`Z` or `±hh:mm`). */
export function isIsoDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  if (!isIsoDate(`${m[1]}-${m[2]}-${m[3]}`)) return false;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return false;
  return !Number.isNaN(Date.parse(value));
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function literalString(ast: ValueNode, scalar: string): string {
  if (ast.kind !== Kind.STRING) throw badInput(`${scalar} must be a string`);
  return ast.value;
}

export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An instant in time, ISO 8601 with zone (e.g. `2016-04-01T09:30:00Z`).',
  serialize(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    if (typeof value === 'string' && isIsoDateTime(value)) return value;
    throw new GraphQLError('DateTime cannot represent a value that is not an ISO 8601 instant with zone');
  },
  parseValue(value) {
    if (typeof value === 'string' && isIsoDateTime(value)) return value;
    throw badInput('DateTime must be ISO 8601 with zone, e.g. 2016-04-01T09:30:00Z');
  },
  parseLiteral(ast) {
    const value = literalString(ast, 'DateTime');
    if (isIsoDateTime(value)) return value;
    throw badInput('DateTime must be ISO 8601 with zone, e.g. 2016-04-01T09:30:00Z');
  },
});

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, ISO 8601 `YYYY-MM-DD`.',
  serialize(value) {
    if (typeof value === 'string' && isIsoDate(value)) return value;
    throw new GraphQLError('Date cannot represent a value that is not a calendar date YYYY-MM-DD');
  },
  parseValue(value) {
    if (typeof value === 'string' && isIsoDate(value)) return value;
    throw badInput('Date must be a calendar date YYYY-MM-DD, e.g. 1984-03-07');
  },
  parseLiteral(ast) {
    const value = literalString(ast, 'Date');
    if (isIsoDate(value)) return value;
    throw badInput('Date must be a calendar date YYYY-MM-DD, e.g. 1984-03-07');
  },
});
