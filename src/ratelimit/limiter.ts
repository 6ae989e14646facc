/**
 * Who a request counts against, and whether they are over their limit. The key is the
 * authenticated user when a `principalOf` is given (authentication wired in), else a hash of the
 * Authorization header, else the client address; a role may have its own limit
 * (RATE_LIMIT_ROLES). A refusal says when to retry (`retry-after`, seconds).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { OverloadConfig } from '../config/types.js';
import type { RateLimitDecision, RateLimitStore } from './types.js';

export interface RequestIdentity {
  /** Opaque key the counter is kept under (never personal data: ids and addresses are hashed). */
  readonly key: string;
  /** The requester's role, when known (selects a per-role limit). */
  readonly role: string | null;
}

/** Resolves a request's verified principal; null when the request carries none (or an invalid one). */
export type PrincipalOf = (req: IncomingMessage) => Promise<{ readonly userId: string; readonly role: string } | null>;

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

export async function identifyRequest(req: IncomingMessage, principalOf: PrincipalOf | null = null): Promise<RequestIdentity> {
  const principal = principalOf ? await principalOf(req).catch(() => null) : null;
  if (principal) return { key: `user:${digest(principal.userId)}`, role: principal.role };
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && auth.trim() !== '') return { key: `auth:${digest(auth.trim())}`, role: null };
  return { key: `addr:${digest(req.socket.remoteAddress ?? 'unknown')}`, role: null };
}

export interface RateLimiter {
  /** Counts the request; `null` when allowed (or rate limiting is off). */
  check(identity: RequestIdentity): Promise<RateLimitDecision | null>;
  /** The limit that applies to a role (or the default). */
  limitFor(role: string | null): number;
  close(): Promise<void>;
}

export function createRateLimiter(config: Pick<OverloadConfig, 'rateLimitRequests' | 'rateLimitWindowMs' | 'rateLimitByRole'>, store: RateLimitStore): RateLimiter {
  const limitFor = (role: string | null) => (role !== null && config.rateLimitByRole[role] !== undefined ? config.rateLimitByRole[role]! : config.rateLimitRequests);
  return {
    limitFor,
    async check(identity) {
      const limit = limitFor(identity.role);
      if (limit <= 0) return null; // 0 = no rate limit (for everyone, or for this role)
      const decision = await store.hit(identity.role ? `${identity.role}:${identity.key}` : identity.key, limit, config.rateLimitWindowMs);
      return decision.allowed ? null : decision;
    },
    close: () => store.close(),
  };
}
