/**
 * Checks a GraphQL HTTP request against every request limit before Apollo parses or executes it,
 * so a refused request reads nothing: batch size, that `query` is a string, document bytes and
 * tokens, then (on the parsed document) fragments and fragment cycles, depth, aliases, directives
 * (structure.ts) and the estimated cost of each operation (cost.ts, costTable.ts).
 * A document that does not parse is left to Apollo, which reports GRAPHQL_PARSE_FAILED.
 */
import { Kind, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { RequestLimitsConfig } from '../../config/types.js';
import { estimateCost } from './cost.js';
import type { CostModel } from './costTable.js';
import { limitRefusal, type Refusal } from './refusal.js';
import { measureStructure, type StructureMeasure } from './structure.js';
import { countTokens } from './tokens.js';

export interface RequestGuardOptions {
  readonly schema: GraphQLSchema;
  readonly limits: RequestLimitsConfig;
  readonly costModel: CostModel;
}

export interface OperationMeasure {
  readonly bytes: number;
  readonly tokens: number;
  /** Highest estimated cost among the document's operations (the one named by operationName, if given). */
  readonly cost: number | null;
  /** Depth, aliases, directives, fragments, introspection lists; null when not measured (refused earlier, or no parse). */
  readonly structure: StructureMeasure | null;
}

export interface RequestGuard {
  /** A POST body (parsed JSON): one operation object, or an array of them (a batch). */
  checkPayload(body: unknown): Refusal | null;
  /** One operation: `{ query, variables?, operationName? }`. */
  checkOperation(op: unknown): Refusal | null;
  /** What a document measures (for tests, the bench and tuning the defaults); null when it does not parse. */
  measure(query: string, variables?: Record<string, unknown> | null, operationName?: string | null): OperationMeasure & { readonly refusal: Refusal | null };
}

function badRequest(message: string): Refusal {
  return { code: 'BAD_REQUEST', status: 400, message };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function createRequestGuard(options: RequestGuardOptions): RequestGuard {
  const { schema, limits, costModel } = options;

  function measure(query: string, variables: Record<string, unknown> | null = null, operationName: string | null = null) {
    const bytes = Buffer.byteLength(query, 'utf8');
    if (bytes > limits.maxQueryBytes) {
      return { bytes, tokens: 0, cost: null, structure: null, refusal: limitRefusal('DOCUMENT_TOO_LARGE', 'GraphQL document size in bytes', limits.maxQueryBytes, bytes) };
    }
    const tokens = countTokens(query, limits.maxTokens * 10);
    if (tokens > limits.maxTokens) {
      return { bytes, tokens, cost: null, structure: null, refusal: limitRefusal('TOO_MANY_TOKENS', 'Tokens in the GraphQL document', limits.maxTokens, tokens) };
    }
    let document: DocumentNode;
    try {
      document = parse(query, { noLocation: true, maxTokens: limits.maxTokens });
    } catch {
      return { bytes, tokens, cost: null, structure: null, refusal: null }; // Apollo reports the syntax error
    }
    const { refusal: structural, ...structure } = measureStructure(schema, document, limits);
    if (structural) return { bytes, tokens, cost: null, structure, refusal: structural };
    let cost = 0;
    for (const def of document.definitions) {
      if (def.kind !== Kind.OPERATION_DEFINITION) continue;
      if (operationName && def.name?.value !== operationName) continue;
      cost = Math.max(cost, estimateCost(schema, document, def, { model: costModel, defaultListSize: limits.defaultListSize, variables }));
    }
    const refusal = cost > limits.maxCost ? limitRefusal('QUERY_TOO_COSTLY', 'Estimated cost of the operation', limits.maxCost, cost) : null;
    return { bytes, tokens, cost, structure, refusal };
  }

  function checkOperation(op: unknown): Refusal | null {
    if (!isRecord(op)) return badRequest('Each GraphQL operation must be a JSON object: {"query": "...", "variables": {...}}.');
    const { query, variables, operationName } = op;
    if (query === undefined) return null; // persisted-query hash only: Apollo answers (a stored document passed these checks)
    if (typeof query !== 'string') return badRequest(`"query" must be a string holding a GraphQL document, not ${Array.isArray(query) ? 'an array' : query === null ? 'null' : `a ${typeof query}`}.`);
    if (variables !== undefined && variables !== null && !isRecord(variables)) return badRequest('"variables" must be a JSON object.');
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return badRequest('"operationName" must be a string.');
    return measure(query, (variables as Record<string, unknown> | undefined) ?? null, (operationName as string | undefined) ?? null).refusal;
  }

  return {
    measure,
    checkOperation,
    checkPayload(body) {
      if (Array.isArray(body)) {
        if (body.length === 0) return badRequest('An empty batch holds no operation.');
        if (body.length > limits.maxBatchOperations) {
          return limitRefusal('TOO_MANY_OPERATIONS', 'Operations in one batched request', limits.maxBatchOperations, body.length);
        }
        for (const op of body) {
          const r = checkOperation(op);
          if (r) return r;
        }
        return null;
      }
      if (!isRecord(body)) return badRequest('The body must be a JSON object (one operation) or an array of them (a batch).');
      return checkOperation(body);
    },
  };
}
