/**
 * CID (Casework Information Database) as a gateway source: the adapter over CID's tables
 * (adapters/cid), its per-request loaders, its resolvers (schema/cid.graphql), and a probe.
 * Configuration: `SourcesConfig.cid.databaseUrl` (`sqlite:<file>` or `postgres://...?schema=cid`),
 * opened read-only.
 */
import { openCidAdapter, type CidAdapter } from '../../../adapters/cid/index.js';
import { defineSource, type SourceDefinition } from '../types.js';
import { createCidLoaders, type CidLoaders } from './loaders.js';
import { cidResolvers } from './resolvers.js';

export type { CidLoaders } from './loaders.js';

export const cidSource: SourceDefinition<'cid', CidAdapter, CidLoaders> = defineSource<'cid', CidAdapter, CidLoaders>({
  name: 'cid',
  title: 'Casework Information Database (CID)',
  open: (config) => openCidAdapter(config.cid.databaseUrl),
  createLoaders: (adapter, scope) => createCidLoaders(adapter, scope),
  resolvers: cidResolvers,
  ping: (adapter) => adapter.ping(),
  close: (adapter) => adapter.close(),
});
