import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CreateGroupCommand,
  GetGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { inject } from 'vitest';
import { DEMO_PASSWORD, localCognito } from '../../infra/local/cognito-setup.js';
import { api } from './api.js';

let n = 0;
/** A session name of its own per test file, so lists and numbers never mix between tests. */
export const testSession = (tag: string) => `t-${tag}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** A valid bill body; override any field. Numbers are unique per call. */
export function billBody(session: string, overrides: Record<string, unknown> = {}) {
  n++;
  return {
    number: `HB ${100 + n}`,
    session,
    title: `Road safety act ${n}`,
    summary: 'An Act relating to road safety near schools.',
    chamber: 'House',
    sponsors: [
      { name: 'Ada Primary', role: 'primary', party: 'I' },
      { name: 'Ben Cosponsor', role: 'cosponsor' },
    ],
    committee: 'Transportation',
    ...overrides,
  };
}

export async function createBill(token: string, session: string, overrides: Record<string, unknown> = {}) {
  const res = await api('/api/staff/bills', { token, body: billBody(session, overrides) });
  if (res.status !== 201) throw new Error(`create bill failed: ${res.status} ${res.text}`);
  return res.body;
}

/** Moves a bill through the workflow, failing loudly on any refusal. */
export async function moveBill(token: string, id: string, ...steps: (string | { to: string; scheduledVote?: { at: string } })[]) {
  let body: unknown;
  for (const step of steps) {
    const res = await api(`/api/staff/bills/${id}/transitions`, { token, body: typeof step === 'string' ? { to: step } : step });
    if (res.status !== 200) throw new Error(`move to ${JSON.stringify(step)} failed: ${res.status} ${res.text}`);
    body = res.body;
  }
  return body;
}

/** A legislature staff member in an office group of their own (created in cognito-local for the test). */
export async function officeUser(office: string): Promise<string> {
  const client = localCognito(inject('cognitoEndpoint'));
  const UserPoolId = inject('userPoolId');
  const username = `${office}.member.${Math.floor(Math.random() * 1e6)}`;
  // cognito-local's CreateGroup on an existing group replaces it, dropping its members: create it only once.
  await client
    .send(new GetGroupCommand({ UserPoolId, GroupName: office }))
    .catch(() => client.send(new CreateGroupCommand({ UserPoolId, GroupName: office })));
  await client.send(
    new AdminCreateUserCommand({
      UserPoolId,
      Username: username,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: `${username}@demo-city.example` },
        { Name: 'name', Value: `Member of ${office}` },
      ],
    }),
  );
  await client.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: username, Password: DEMO_PASSWORD, Permanent: true }));
  for (const group of ['legislature', office]) {
    await client.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: username, GroupName: group }));
  }
  return username;
}
