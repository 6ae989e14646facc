/**
 * HM Passport Office DVA as a gateway source: the HTTP adapter, loaders for checks already made,
 * resolvers for its types, and a status probe. Making a check is exposed later, with authorisation.
 */
import { createDvaAdapter, type DvaAdapter } from '../../../adapters/dva/adapter.js';
import { defineSource, type SourceDefinition } from '../types.js';
import { createDvaLoaders, type DvaLoaders } from './loaders.js';
import { dvaResolvers } from './resolvers.js';

export type { DvaLoaders } from './loaders.js';

export const dvaSource: SourceDefinition<'dva', DvaAdapter, DvaLoaders> = defineSource<'dva', DvaAdapter, DvaLoaders>({
  name: 'dva',
  title: 'HM Passport Office Data Validation Application',
  open: (config) => createDvaAdapter({ url: config.dva.url }),
  createLoaders: (adapter, scope) => createDvaLoaders(adapter, scope),
  resolvers: dvaResolvers,
  ping: (adapter) => adapter.ping(),
  close: (adapter) => adapter.close(),
});
