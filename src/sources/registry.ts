/**
 * The one place sources are registered. Each entry is a SourceDefinition from src/sources/<name>/.
 * The schema, the per-request loaders, the `sources` health query and shutdown all follow this list.
 */
import { cidSource } from './cid/index.js';
import { pathfinderSource } from './pathfinder/index.js';
import { pncSource } from './pnc/index.js';
import { acroSource } from './acro/index.js';
import { dvaSource } from './dva/index.js';
import { custodySource } from './custody/index.js';

export const SOURCES = [
  // one line per source, e.g. cidSource,
  cidSource,
  pathfinderSource,
  pncSource,
  acroSource,
  dvaSource,
  custodySource,
] as const;

export type RegisteredSource = (typeof SOURCES)[number];
