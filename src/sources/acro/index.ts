/**
 * ACRO Criminal Records Office as a gateway source: the HTTP adapter (asynchronous request/poll
 * JSON), per-request loaders, resolvers and a status probe.
 */
import { createAcroAdapter, type AcroAdapter } from '../../../adapters/acro/adapter.js';
import { defineSource, type SourceDefinition } from '../types.js';
import { createAcroLoaders, type AcroLoaders } from './loaders.js';
import { acroResolvers } from './resolvers.js';

export type { AcroLoaders } from './loaders.js';

export const acroSource: SourceDefinition<'acro', AcroAdapter, AcroLoaders> = defineSource<'acro', AcroAdapter, AcroLoaders>({
  name: 'acro',
  title: 'ACRO Criminal Records Office',
  open: (config) => createAcroAdapter({ url: config.acro.url }),
  createLoaders: (adapter, scope) => createAcroLoaders(adapter, scope),
  resolvers: acroResolvers,
  ping: (adapter) => adapter.ping(),
  close: (adapter) => adapter.close(),
});
