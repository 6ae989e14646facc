/**
 * Pathfinder as a gateway source: the adapter over the Pathfinder folder (daily import plus the
 * Liverpool and Leeds master spreadsheets, 004 §6.40–6.44), its per-request loaders, its
 * resolvers, and a probe that checks the three files are readable.
 */
import { createPathfinderAdapter, type PathfinderAdapter } from '../../../adapters/pathfinder/index.js';
import { defineSource } from '../types.js';
import { createPathfinderLoaders, type PathfinderLoaders } from './loaders.js';
import { pathfinderResolvers } from './resolvers.js';

export type { PathfinderLoaders } from './loaders.js';

export const pathfinderSource = defineSource<'pathfinder', PathfinderAdapter, PathfinderLoaders>({
  name: 'pathfinder',
  title: 'Pathfinder spreadsheets (daily CID import, Liverpool and Leeds masters)',
  open: (config) => createPathfinderAdapter({ dir: config.pathfinder.dir }),
  createLoaders: (adapter, scope) => createPathfinderLoaders(adapter, scope),
  resolvers: pathfinderResolvers,
  ping: (adapter) => adapter.ping(),
  close: (adapter) => adapter.close(),
});
