/** Resilience of legacy source calls: per-source timeout, retries, circuit breaker and bulkhead. */
export { SourceCallFailedError, type ResilienceReason } from './errors.js';
export { attachResilience, resilienceFor, SourceResilience, type CircuitSink } from './registry.js';
export { circuitStatusOf, createSourcePolicy, isRetryable, isSourceFailure, type CircuitStatus, type SourcePolicy, type SourcePolicyEvents } from './sourcePolicy.js';
