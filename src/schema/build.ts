/**
 * Assembles the executable schema: every `schema/*.graphql` file (base first, then by name) and the
 * resolvers of the base plus each registered source, merged by @graphql-tools/schema.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Resolvers } from '../generated/graphql.js';
import { policyResolvers } from '../policy/markResolvers.js';
import { auditResolvers } from '../resolvers/audit.js';
import { personResolvers } from '../resolvers/person/resolvers.js';
import { workflowResolvers } from '../resolvers/workflow/resolvers.js';
import { SOURCES } from '../sources/registry.js';
import { baseResolvers } from './baseResolvers.js';

/** The repository's `schema/` folder, found from this file (works from any working directory). */
export const SCHEMA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../schema');

export interface SdlFile {
  readonly path: string;
  readonly sdl: string;
}

export function readSdlFiles(dir: string = SCHEMA_DIR): SdlFile[] {
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.graphql'))
    .sort((a, b) => (a === 'base.graphql' ? -1 : b === 'base.graphql' ? 1 : a.localeCompare(b)));
  return names.map((n) => ({ path: join(dir, n), sdl: readFileSync(join(dir, n), 'utf8') }));
}

export interface BuildSchemaOptions {
  readonly schemaDir?: string;
  /** Defaults to the base resolvers plus every registered source's resolvers. */
  readonly resolvers?: readonly Resolvers[];
}

export function registeredResolvers(): Resolvers[] {
  return [baseResolvers, ...SOURCES.map((s: { readonly resolvers: Resolvers }) => s.resolvers), personResolvers, policyResolvers, auditResolvers, workflowResolvers];
}

export function buildGatewaySchema(options: BuildSchemaOptions = {}): GraphQLSchema {
  const files = readSdlFiles(options.schemaDir);
  return makeExecutableSchema({
    typeDefs: files.map((f) => f.sdl),
    resolvers: [...(options.resolvers ?? registeredResolvers())],
  });
}
