import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  ListGroupsCommand,
} from '@aws-sdk/client-cognito-identity-provider';

import { officeGroups } from '../../shared/bills/office.js';
import { catalogTeams } from '../../shared/catalog/index.js';

/** The demo staff accounts: one per group. The README lists them. */
export const DEMO_USERS = [
  { username: 'roads.officer', name: 'Rita Okafor', email: 'rita.okafor@demo-city.example', groups: ['roads'] },
  { username: 'leg.clerk', name: 'Leo Brandt', email: 'leo.brandt@demo-city.example', groups: ['legislature', 'office-majority'] },
  { username: 'admin', name: 'Ada Admin', email: 'ada.admin@demo-city.example', groups: ['admin'] },
] as const;
export const DEMO_PASSWORD = 'Civic-Board-2026!';
export const STAFF_GROUPS = [
  { name: 'roads', description: 'Acts on road-fault services' },
  { name: 'legislature', description: 'Acts on bills' },
  { name: 'admin', description: 'Acts on every service' },
  // The offices of the jurisdiction config, as the CDK stack creates them.
  ...officeGroups(),
];

/** Groups for the catalog's other teams (routing rules send items to their queues), as the CDK stack creates them. */
function allStaffGroups(): { name: string; description: string }[] {
  const named = new Set(STAFF_GROUPS.map((g) => g.name));
  const teams = catalogTeams()
    .filter((t) => !named.has(t))
    .map((name) => ({ name, description: `Team ${name} (catalog)` }));
  return [...STAFF_GROUPS, ...teams];
}

export interface CognitoIds {
  userPoolId: string;
  userPoolClientId: string;
}

export function localCognito(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/** Reuses the saved pool if cognito-local still has it; otherwise creates pool, client, groups and demo users. */
export async function ensureCognito(client: CognitoIdentityProviderClient, saved?: CognitoIds): Promise<CognitoIds> {
  if (saved) {
    const found = await client.send(new DescribeUserPoolCommand({ UserPoolId: saved.userPoolId })).catch(() => undefined);
    if (found?.UserPool) {
      // A catalog that gained a team since the pool was made: its group is added. Only missing groups:
      // cognito-local replaces an existing group on CreateGroup, and with it the group's members.
      const { Groups = [] } = await client.send(new ListGroupsCommand({ UserPoolId: saved.userPoolId, Limit: 60 }));
      const existing = new Set(Groups.map((g) => g.GroupName));
      for (const group of allStaffGroups().filter((g) => !existing.has(g.name))) {
        await client.send(new CreateGroupCommand({ UserPoolId: saved.userPoolId, GroupName: group.name, Description: group.description }));
      }
      return saved;
    }
  }
  const pool = await client.send(
    new CreateUserPoolCommand({
      PoolName: 'civicboard-staff',
      // OPTIONAL, not ON: cognito-local has no MFA_SETUP, so with ON an unenrolled user could not sign in
      // at all. An enrolled user gets SOFTWARE_TOKEN_MFA at every sign-in, as in AWS; enrolment is
      // required by the console instead (docs/deploy.md, "Staff MFA").
      MfaConfiguration: 'OPTIONAL',
      Policies: {
        PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true },
      },
    }),
  );
  const userPoolId = pool.UserPool?.Id as string;
  const app = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'civicboard-site',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  for (const group of allStaffGroups()) {
    await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: group.name, Description: group.description }));
  }
  for (const user of DEMO_USERS) {
    await client.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: user.username,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: user.email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: user.name },
        ],
      }),
    );
    await client.send(
      new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: user.username, Password: DEMO_PASSWORD, Permanent: true }),
    );
    for (const group of user.groups) {
      await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: user.username, GroupName: group }));
    }
  }
  return { userPoolId, userPoolClientId: app.UserPoolClient?.ClientId as string };
}
