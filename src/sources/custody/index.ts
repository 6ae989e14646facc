/**
 * The police custody databases (MPS, WMP, WYP) as one gateway source: the custody adapter with its
 * per-force mappings (adapters/custody), per-request loaders, resolvers (schema/custody.graphql)
 * and a probe of every force. Configuration: `SourcesConfig.custody.databaseUrls`, keyed by force
 * code (`sqlite:<file>` or `postgres://...?schema=custody_mps`), each opened read-only. A force with
 * no URL is left out: its records answer SOURCE_UNAVAILABLE and the probe names it.
 */
import type { Knex } from 'knex';
import { createCustodyAdapter, type CustodyAdapter } from '../../../adapters/custody/adapter.js';
import { openDatabase } from '../../db/connect.js';
import { FORCE_CODES, type ForceCode } from '../../domain/common.js';
import { defineSource, type SourceDefinition } from '../types.js';
import { createCustodyLoaders, type CustodyLoaders } from './loaders.js';
import { custodyResolvers } from './resolvers.js';

export type { CustodyLoaders } from './loaders.js';

export const custodySource: SourceDefinition<'custody', CustodyAdapter, CustodyLoaders> = defineSource<'custody', CustodyAdapter, CustodyLoaders>({
  name: 'custody',
  title: 'Police custody databases (MPS, WMP, WYP)',
  open: (config) => {
    const dbs: Partial<Record<ForceCode, Knex>> = {};
    for (const force of FORCE_CODES) {
      const url = config.custody.databaseUrls[force];
      if (url) dbs[force] = openDatabase(url, { readonly: true });
    }
    return createCustodyAdapter(dbs);
  },
  createLoaders: (adapter, scope) => createCustodyLoaders(adapter, scope),
  resolvers: custodyResolvers,
  ping: (adapter) => adapter.ping(),
  close: (adapter) => adapter.close(),
});
