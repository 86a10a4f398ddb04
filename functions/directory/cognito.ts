import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
  ListUsersInGroupCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { config, localCredentials } from '../lib/env.js';
import { traced } from '../lib/tracing.js';

/** A staff member as the directory knows them. */
export interface StaffMember {
  id: string;
  name: string;
  email?: string;
  groups: string[];
}

let client: CognitoIdentityProviderClient | undefined;

function cognito(): CognitoIdentityProviderClient {
  if (!client) {
    const { cognitoEndpoint, region } = config();
    client = traced(new CognitoIdentityProviderClient({ region, endpoint: cognitoEndpoint, ...localCredentials(cognitoEndpoint) }));
  }
  return client;
}

function userPoolId(): string {
  const id = config().userPoolId;
  if (!id) throw new Error('USER_POOL_ID is not configured');
  return id;
}

const attribute = (attrs: { Name?: string; Value?: string }[] | undefined, name: string) => attrs?.find((a) => a.Name === name)?.Value;

function toMember(user: UserType, groups: string[]): StaffMember {
  const email = attribute(user.Attributes, 'email');
  return { id: user.Username as string, name: attribute(user.Attributes, 'name') ?? email ?? (user.Username as string), email, groups };
}

/** Enabled members of a Cognito group, every page. */
export async function listGroupMembers(group: string): Promise<StaffMember[]> {
  const members: StaffMember[] = [];
  let NextToken: string | undefined;
  do {
    const page = await cognito().send(new ListUsersInGroupCommand({ UserPoolId: userPoolId(), GroupName: group, NextToken }));
    for (const user of page.Users ?? []) if (user.Enabled !== false) members.push(toMember(user, [group]));
    NextToken = page.NextToken;
  } while (NextToken);
  return members;
}

/** One staff member with their groups, or undefined if there is no such (enabled) user. */
export async function findStaffMember(username: string): Promise<StaffMember | undefined> {
  try {
    const user = await cognito().send(new AdminGetUserCommand({ UserPoolId: userPoolId(), Username: username }));
    if (user.Enabled === false) return undefined;
    const groups = await cognito().send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId(), Username: username }));
    return toMember(
      { Username: user.Username, Attributes: user.UserAttributes },
      (groups.Groups ?? []).map((g) => g.GroupName as string),
    );
  } catch (err) {
    if ((err as Error).name === 'UserNotFoundException') return undefined;
    throw err;
  }
}
