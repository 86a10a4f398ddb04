import { AdminAddUserToGroupCommand, AdminCreateUserCommand, AdminSetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { inject } from 'vitest';
import { DEMO_PASSWORD, localCognito } from '../../infra/local/cognito-setup.js';

/** A new staff member in cognito-local with the demo password, in `groups`, not enrolled in MFA yet: each run enrols its own. */
export async function newStaffMember(prefix: string, name: string, groups: string[]): Promise<string> {
  const username = `${prefix}.${Date.now()}.${Math.floor(Math.random() * 1000)}`;
  const cognito = localCognito(inject('cognitoEndpoint'));
  const UserPoolId = inject('userPoolId');
  await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId,
      Username: username,
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'name', Value: name }],
    }),
  );
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: username, Password: DEMO_PASSWORD, Permanent: true }));
  for (const GroupName of groups) await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: username, GroupName }));
  return username;
}
