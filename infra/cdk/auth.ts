import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccountRecovery, CfnUserPoolGroup, Mfa, UserPool, type UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { officeGroups } from '../../shared/bills/office.js';
import { catalogTeams } from '../../shared/catalog/index.js';

export const STAFF_GROUPS = ['roads', 'legislature', 'admin'] as const;

/** Staff sign-in: a Cognito pool with the groups handlers check, and the site's app client. */
export class StaffAuth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.userPool = new UserPool(this, 'Pool', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Every staff member signs in with a TOTP app: Cognito answers a password with MFA_SETUP until
      // they enrol, then SOFTWARE_TOKEN_MFA (the console handles both: site/src/scripts/staff/mfa.ts).
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // The fixed groups, and every other team the catalog names (routing rules send items to their queues).
    for (const group of new Set<string>([...STAFF_GROUPS, ...catalogTeams()])) {
      new CfnUserPoolGroup(this, `Group-${group}`, { userPoolId: this.userPool.userPoolId, groupName: group });
    }
    // Watchlists need their office's group; adding an office to the catalog and deploying creates it.
    for (const office of officeGroups()) {
      new CfnUserPoolGroup(this, `Group-${office.name}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: office.name,
        description: office.description,
      });
    }
    this.client = this.userPool.addClient('Site', {
      authFlows: { userPassword: true },
      // The console signs in with USER_PASSWORD_AUTH only: no hosted UI, so no OAuth flows or callback URLs.
      disableOAuth: true,
      generateSecret: false,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
    });
  }
}
