import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { StaffActor } from '../../shared/actor.js';
import { UnauthenticatedError } from '../../shared/errors.js';
import { authenticateStaff } from './staff-auth.js';
import { useStaffAuthentication } from './staff-gate.js';

// A function that reads a staff member's claims verifies them: route() calls this on staff rows
// (functions/lib/staff-gate.ts). Public functions never import this module, nor jose and the route table.
useStaffAuthentication(authenticateStaff);

type Claims = Record<string, string | number | boolean | string[]>;

/**
 * Cognito groups from JWT claims. API Gateway's JWT authorizer flattens arrays to "[a b]"; a raw
 * token (or the local server) gives a real array: accept both.
 */
export function groupsOf(claims: Claims): string[] {
  const raw = claims['cognito:groups'];
  if (Array.isArray(raw)) return raw.map(String);
  if (typeof raw !== 'string' || raw.trim() === '') return [];
  return raw
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

/** The staff member the authorizer verified, or an UnauthenticatedError if the route was reached without one. */
export function staffActor(event: { requestContext: unknown }): StaffActor {
  const claims = (event as APIGatewayProxyEventV2WithJWTAuthorizer).requestContext?.authorizer?.jwt?.claims as Claims | undefined;
  const username = claims?.['cognito:username'] ?? claims?.username ?? claims?.sub;
  if (!claims || typeof username !== 'string')
    throw new UnauthenticatedError('Sign in and send your ID token as "Authorization: Bearer <token>".');
  const email = typeof claims.email === 'string' ? claims.email : undefined;
  const name = typeof claims.name === 'string' ? claims.name : (email ?? username);
  return { type: 'staff', id: username, name, email, groups: groupsOf(claims) };
}
