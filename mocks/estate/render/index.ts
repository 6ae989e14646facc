/**
 * Every source renderer, in the order the estate generator runs them. Each gets its own Rng fork
 * (named after the renderer), so adding or changing one never changes another's output.
 */
import { renderCid } from './cid.js';
import { renderCustody } from './custody.js';
import { renderPathfinder } from './pathfinder.js';
import { renderServices } from './services.js';
import type { Renderer } from './types.js';

export const RENDERERS: readonly Renderer[] = Object.freeze([renderCid, renderCustody, renderPathfinder, renderServices]);
