import type { FastifyReply, FastifyRequest } from 'fastify';
import { unauthorized } from '../http/centre-error.js';
import { bearerToken } from '../security/secrets.js';
import type { StaffService } from '../staff/staff-service.js';

// Who may see the dashboard: centre staff (any role) with a session from the existing staff sign-in.
// The page is server-rendered and carries no script, so it holds the session in a cookie — HttpOnly
// (no script can read it), SameSite=Strict (no other site can make the browser send it), Secure when
// served over HTTPS. Only the dashboard's routes read it (every other staff route takes the bearer
// header alone); the one write it carries is an administrator publishing a calendar year from the
// dashboard's own form, refused from another origin. API clients send the same session as a bearer
// token instead. Nothing about a citizen is served to anyone without one of the two.

export const SESSION_COOKIE = 'motcua_dashboard';
export const PAGE_PATH = '/dashboard';
export const API_PREFIX = '/v1/dashboard';
/** The page (/dashboard) and the exports it links (/v1/dashboard/export/…) share the cookie. */
const COOKIE_PATH = '/';

export function cookieToken(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) {
      const value = rest.join('=');
      return /^[A-Za-z0-9_-]{20,200}$/.test(value) ? value : null;
    }
  }
  return null;
}

/** The session token of the request: the Authorization header first, else the dashboard's cookie. */
export function sessionTokenOf(request: FastifyRequest): string | null {
  return bearerToken(request.headers.authorization) ?? cookieToken(request);
}

/**
 * The scheme the browser used: the centre's own TLS, or X-Forwarded-Proto from a proxy listed in
 * --trust-proxy (Fastify ignores the header from anyone else). Never Secure over plain loopback HTTP.
 */
const secure = (request: FastifyRequest) => request.protocol === 'https';

export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, token: string, expiresAt: string, nowMs: number): void {
  const maxAge = Math.max(0, Math.floor((Date.parse(expiresAt) - nowMs) / 1000));
  reply.header(
    'set-cookie',
    `${SESSION_COOKIE}=${token}; Path=${COOKIE_PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure(request) ? '; Secure' : ''}`,
  );
}

export function clearSessionCookie(reply: FastifyReply, request: FastifyRequest): void {
  reply.header('set-cookie', `${SESSION_COOKIE}=; Path=${COOKIE_PATH}; Max-Age=0; HttpOnly; SameSite=Strict${secure(request) ? '; Secure' : ''}`);
}

/** preHandler for the dashboard's data routes: 401 without a live staff session. */
export function requireDashboardStaff(staff: StaffService) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = sessionTokenOf(request);
    if (token === null) throw unauthorized('Hãy đăng nhập bằng tài khoản cán bộ trung tâm để xem bảng điều hành.');
    const member = await staff.authenticate(token);
    if (member === null) throw unauthorized('Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Hãy đăng nhập lại.');
    request.staff = member;
  };
}

/**
 * A form post from another site is refused: browsers send Origin on POST, and it must be this host.
 * (SameSite=Strict already keeps the cookie off such a request; this also covers the sign-in form.)
 */
export function isSameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    // request.host: the Host header, or X-Forwarded-Host from a trusted proxy that rewrote Host.
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}
