/**
 * One resilience policy per source for the whole process (a breaker must see every request's
 * calls), attached to the runtime's SourceHealthStore so that each request's RequestScope
 * (src/context/sourceCalls.ts) finds it, and reporting each breaker's state to that store for the
 * `sources` health query.
 */
import type { SourceResilienceConfig } from '../config/types.js';
import type { SourceName } from '../domain/common.js';
import { createSourcePolicy, type CircuitStatus, type SourcePolicy } from './sourcePolicy.js';

/** Where breaker state changes are reported (SourceHealthStore implements it). */
export interface CircuitSink {
  recordCircuit(source: SourceName, state: CircuitStatus): void;
}

export class SourceResilience {
  private readonly policies = new Map<SourceName, SourcePolicy>();

  constructor(settings: Readonly<Record<SourceName, SourceResilienceConfig>>, sink: CircuitSink | null = null) {
    for (const [source, s] of Object.entries(settings) as Array<[SourceName, SourceResilienceConfig]>) {
      this.policies.set(source, createSourcePolicy(source, s, { onCircuit: (name, state) => sink?.recordCircuit(name, state) }));
    }
  }

  /** The policy of `source`, or null when none is configured (the call then runs unguarded). */
  policy(source: SourceName): SourcePolicy | null {
    return this.policies.get(source) ?? null;
  }

  read<T>(source: SourceName, call: () => Promise<T>): Promise<T> {
    const p = this.policies.get(source);
    return p ? p.read(call) : call();
  }

  write<T>(source: SourceName, call: () => Promise<T>): Promise<T> {
    const p = this.policies.get(source);
    return p ? p.write(call) : call();
  }

  circuit(source: SourceName): CircuitStatus {
    return this.policies.get(source)?.circuit() ?? 'CLOSED';
  }

  dispose(): void {
    for (const p of this.policies.values()) p.dispose();
  }
}

const attached = new WeakMap<object, SourceResilience>();

/** Puts `resilience` in front of every source call made through contexts over `owner` (the runtime's health store). */
export function attachResilience(owner: object, resilience: SourceResilience): void {
  attached.get(owner)?.dispose();
  attached.set(owner, resilience);
}

/** The resilience attached to `owner`, or null (then source calls run unguarded, as in unit tests). */
export function resilienceFor(owner: object): SourceResilience | null {
  return attached.get(owner) ?? null;
}
