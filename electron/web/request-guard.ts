// Who may talk to the local web host: only pages it served itself, on 127.0.0.1, holding the
// random per-run token. Refuses a wrong or missing token, a foreign Host (DNS rebinding) and a
// foreign Origin (another site's page in the same browser).
import { timingSafeEqual } from 'node:crypto';

export interface GuardConfig {
  port: number;
  token: string;
}

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

/** The token cookie's name. Cookies ignore ports, so each host (port) has its own name: a host
 * started later on this machine is never refused because of an earlier one's cookie. */
export function tokenCookie(port: number): string {
  return `reviewdesk_token_${port}`;
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieToken(cookieHeader: string | undefined, port: number): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === tokenCookie(port)) return value.join('=');
  }
  return undefined;
}

export interface GuardRequest {
  method: string;
  host: string | undefined;
  origin: string | undefined;
  cookie: string | undefined;
  /** `?token=` on the URL: only accepted on the page the user opens first. */
  queryToken: string | undefined;
  headerToken: string | undefined;
}

export function checkRequest(request: GuardRequest, config: GuardConfig): GuardVerdict {
  const hosts = allowedHosts(config.port);
  if (request.host === undefined || !hosts.includes(request.host.toLowerCase())) {
    return { ok: false, status: 403, reason: `foreign Host "${request.host ?? ''}"` };
  }
  if (request.origin !== undefined && !hosts.map((host) => `http://${host}`).includes(request.origin.toLowerCase())) {
    return { ok: false, status: 403, reason: `foreign Origin "${request.origin}"` };
  }
  if (request.method !== 'GET' && request.method !== 'HEAD' && request.origin === undefined) {
    return { ok: false, status: 403, reason: 'a write request without an Origin' };
  }
  // The token on the URL opens a page (GET only); it wins over a stale cookie of an earlier run.
  if (request.method === 'GET' && request.queryToken !== undefined && sameToken(request.queryToken, config.token)) return { ok: true };
  const given = request.headerToken ?? cookieToken(request.cookie, config.port);
  if (!sameToken(given, config.token)) return { ok: false, status: 401, reason: given === undefined ? 'missing token' : 'wrong token' };
  return { ok: true };
}
