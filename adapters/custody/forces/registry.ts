/**
 * The force mappings, one line per force. Adding a force: write `forces/<code>.ts` implementing
 * `ForceMapping`, add its code to FORCE_CODES (src/domain/common.ts) and one line here.
 */
import type { ForceCode } from '../../../src/domain/common.js';
import { mpsMapping } from './mps.js';
import type { ForceMapping } from './types.js';
import { wmpMapping } from './wmp.js';
import { wypMapping } from './wyp.js';

export const FORCE_MAPPINGS: Readonly<Record<ForceCode, ForceMapping>> = Object.freeze({
  MPS: mpsMapping,
  WMP: wmpMapping,
  WYP: wypMapping,
});
