import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { catalog } from '../../shared/catalog/index.js';
import { BoardAlarms } from './alarms.js';
import { BoardApi } from './api.js';
import { StaffAuth } from './auth.js';
import type { DeployConfig } from './config.js';
import { Escalation } from './escalation.js';
import { acknowledgeFindings } from './nag.js';
import { Notifier } from './notifier.js';
import { BoardSite } from './site.js';
import { BoardTable } from './table.js';
import { DerivedViews } from './views.js';

/** The whole board in one stack: table, staff sign-in, API, notifier, site, alarms. */
export class CivicboardStack extends Stack {
  /** `siteDir`: the built site to upload (site/dist, built by `npm run build:site`). */
  constructor(scope: Construct, id: string, config: DeployConfig, props: StackProps & { siteDir: string }) {
    super(scope, id, props);
    const store = new BoardTable(this, 'Store');
    const { table } = store;
    const auth = new StaffAuth(this, 'Staff');
    const api = new BoardApi(this, 'Api', { table, auth, originSecretPreviousVersion: config.originSecretPreviousVersion });
    const site = new BoardSite(this, 'Site', {
      apiDomain: api.domain,
      originSecret: api.originSecret,
      region: this.region,
      siteDir: props.siteDir,
      domainName: config.domainName,
      certificateArn: config.certificateArn,
    });
    const publicBaseUrl = config.domainName ? `https://${config.domainName}` : `https://${site.distribution.distributionDomainName}`;
    const notifier = new Notifier(this, 'Notifier', {
      table,
      auth,
      publicBaseUrl,
      senderEmail: config.senderEmail,
      sesIdentity: config.sesIdentity,
    });
    const views = new DerivedViews(this, 'Views', { table });
    const escalation = new Escalation(this, 'Escalation', { table });
    site.deploy(props.siteDir, {
      jurisdiction: { name: catalog.jurisdiction.name },
      map: catalog.jurisdiction.map,
      auth: { region: this.region, userPoolId: auth.userPool.userPoolId, userPoolClientId: auth.client.userPoolClientId, mfa: 'required' },
    });
    const alarms = new BoardAlarms(this, 'Alarms', {
      api: api.api,
      functions: [...api.functions.values(), notifier.fn, views.fn, views.statsFn, escalation.fn],
      deadLetters: notifier.deadLetters,
      alarmEmail: config.alarmEmail,
    });
    views.alarmTo(alarms.topic);
    acknowledgeFindings(this, { api, table: store, site });

    new CfnOutput(this, 'BoardUrl', { value: publicBaseUrl });
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: auth.client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }
}
