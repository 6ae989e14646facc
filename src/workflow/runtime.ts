/**
 * The workflow service as part of the process-wide runtime, handed to each request's resolvers the
 * way the person index is (src/context/identity.ts): attached to the runtime object at start.
 */
import type { WorkflowService } from './service.js';

const services = new WeakMap<object, WorkflowService>();

export function attachWorkflow(runtime: object, service: WorkflowService): void {
  services.set(runtime, service);
}

export function workflowOf(runtime: object): WorkflowService | null {
  return services.get(runtime) ?? null;
}
