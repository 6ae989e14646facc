/**
 * The Police National Computer as a gateway source: the HTTP adapter (PNC's legacy XML), its
 * per-request loaders, its resolvers, and a probe of PNC's status endpoint.
 */
import { createPncAdapter, type PncAdapter } from '../../../adapters/pnc/adapter.js';
import { defineSource, type SourceDefinition } from '../types.js';
import { createPncLoaders, type PncLoaders } from './loaders.js';
import { pncResolvers } from './resolvers.js';

export type { PncLoaders } from './loaders.js';

export const pncSource: SourceDefinition<'pnc', PncAdapter, PncLoaders> = defineSource<'pnc', PncAdapter, PncLoaders>({
  name: 'pnc',
  title: 'Police National Computer',
  open: (config) => createPncAdapter({ url: config.pnc.url }),
  createLoaders: (adapter, scope) => createPncLoaders(adapter, scope),
  resolvers: pncResolvers,
  ping: (adapter) => adapter.ping(),
  close: (adapter) => adapter.close(),
});
