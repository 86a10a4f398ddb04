import { CfnOutput, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';
import { ENV } from '../../functions/lib/env.js';
import { METRIC } from '../../functions/lib/metrics.js';
import { ROUTES } from '../../functions/routes.js';
import { listServices } from '../../shared/catalog/index.js';
import { jurisdiction } from '../../shared/jurisdiction/index.js';
import { publicConfig } from '../../shared/jurisdiction/public.js';
import { ALARM_THRESHOLDS, BoardAlarms, deadLetterAlarm } from './alarms.js';
import { AlertSender } from './alert-sender.js';
import { BoardApi, routeId } from './api.js';
import type { DeployConfig } from './config.js';
import { Open311Connector } from './connector.js';
import type { BoardDataStack } from './data-stack.js';
import { Escalation } from './escalation.js';
import { reserveConcurrency } from './lambda.js';
import { MailEvents } from './mail.js';
import { acknowledgeFindings } from './nag.js';
import { Notifier } from './notifier.js';
import { BoardDashboard, boardMetric, CostBudget } from './observability.js';
import { BoardPhotos } from './photos.js';
import { SecretRotation } from './rotation.js';
import { BoardSite } from './site.js';
import { traceFunctions } from './tracing.js';
import { DerivedViews } from './views.js';

/**
 * The board's service: API, functions, notifier, derived views, site, mail events, alarms and dashboard.
 * Stateless: its state (table, user pool, secrets) is the data stack's (infra/cdk/data-stack.ts), so this
 * stack can be destroyed and redeployed freely. A new part of the board is one more line here.
 */
export class CivicboardStack extends Stack {
  /** `siteDir`: the built site to upload (site/dist, built by `npm run build:site`); `data`: the data stack. */
  constructor(
    scope: Construct,
    id: string,
    config: DeployConfig,
    props: StackProps & { siteDir: string; data: BoardDataStack; webAclArn?: string },
  ) {
    super(scope, id, props);
    const { data } = props;
    const { table } = data.store;
    const { auth } = data;
    const api = new BoardApi(this, 'Api', {
      table,
      auth,
      cursorKey: data.cursorKey,
      originSecret: data.originSecret,
      originSecretPreviousVersion: config.originSecretPreviousVersion,
      reservedConcurrency: config.features.reservedConcurrency,
    });
    // The photo buckets log into the site's log bucket, and the site's CSP names the upload bucket: resolved at synth.
    let photos: BoardPhotos | undefined;
    const site = new BoardSite(this, 'Site', {
      uploadOrigin: Lazy.string({ produce: () => photos?.uploadOrigin }),
      apiDomain: api.domain,
      originSecret: api.originHeader,
      region: this.region,
      siteDir: props.siteDir,
      domainName: config.domainName,
      certificateArn: config.certificateArn,
      webAclArn: props.webAclArn,
    });
    photos = new BoardPhotos(this, 'Photos', { table, buckets: data.photos });
    photos.serveFrom(site.distribution, site.headers);
    const signers = ROUTES.filter((r) => r.signsUploads).map((r) => api.functions.get(routeId(r))!);
    for (const fn of signers) photos.allowSigning(fn);
    const withholders = ROUTES.filter((r) => r.withholdsPhotos).map((r) => api.functions.get(routeId(r))!);
    for (const fn of withholders) photos.allowWithholding(fn, site.distribution);
    photos.acknowledgeFindings(signers, withholders);
    const publicBaseUrl = config.domainName ? `https://${config.domainName}` : `https://${site.distribution.distributionDomainName}`;
    // The API's absolute links (feeds, calendars, Open311 discovery and media_url, alert pages) name the board's own address.
    for (const fn of api.functions.values()) fn.addEnvironment(ENV.publicBaseUrl, publicBaseUrl);
    const mail = new MailEvents(this, 'Mail', { table, senderEmail: config.senderEmail });
    const notifier = new Notifier(this, 'Notifier', {
      mail,
      table,
      auth,
      publicBaseUrl,
      senderEmail: config.senderEmail,
      sesIdentity: config.sesIdentity,
    });
    const views = new DerivedViews(this, 'Views', { table });
    const upstreams = listServices('report').flatMap((s) => (s.open311 ? [s.open311] : []));
    if (upstreams.length) new Open311Connector(this, 'Open311Connector', { table, upstreams });
    const escalation = new Escalation(this, 'Escalation', { table });
    const alertSender = new AlertSender(this, 'AlertSender', {
      table,
      mail,
      publicBaseUrl,
      senderEmail: config.senderEmail,
      sesIdentity: config.sesIdentity,
      sendRate: config.alertSendRate,
    });
    const rotation = new SecretRotation(this, 'Rotation', {
      originSecret: data.originSecret.secret,
      cursorKey: data.cursorKey.secret,
      distribution: site.distribution,
      apiFunctions: api.functions.values(),
    });
    site.deploy(props.siteDir, {
      ...publicConfig(jurisdiction),
      auth: { region: this.region, userPoolId: auth.userPool.userPoolId, userPoolClientId: auth.client.userPoolClientId, mfa: 'required' },
    });
    const consumers = [notifier.fn, views.fn, views.statsFn, mail.fn];
    const allFunctions = [...api.functions.values(), ...consumers, rotation.fn, photos.processor, escalation.fn, alertSender.fn];
    reserveConcurrency(consumers, config.features.reservedConcurrency?.consumers);
    const alarms = new BoardAlarms(this, 'Alarms', {
      api: api.api,
      functions: allFunctions,
      consumers: [notifier.fn, views.fn, views.statsFn],
      deadLetters: notifier.deadLetters,
      alarmEmail: config.alarmEmail,
    });
    views.alarmTo(alarms.topic);
    alarms.add(
      deadLetterAlarm(
        mail,
        'UndeliveredEventsAlarm',
        mail.deadLetters,
        'SES bounce or complaint events could not be recorded: those addresses are not suppressed yet',
      ),
    );
    // The alert sender's queue growing for 15 minutes: the SES rate is too low for the followers, or the sender is failing.
    alarms.add(
      new Alarm(alertSender, 'BacklogAlarm', {
        alarmDescription: `Over ${ALARM_THRESHOLDS.alertBacklog} alert emails have waited for 15 minutes (docs/runbook.md)`,
        metric: boardMetric(METRIC.alertEmailsQueued, 'Maximum'),
        threshold: ALARM_THRESHOLDS.alertBacklog,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 3,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
    new BoardDashboard(this, 'Dashboard', {
      api: api.api,
      functions: allFunctions,
      consumers: [notifier.fn, views.fn],
      queues: [notifier.deadLetters, views.deadLetters, mail.deadLetters],
      alarms: alarms.alarms,
    });
    if (config.features.budgetMonthlyUsd && config.alarmEmail)
      new CostBudget(this, 'Budget', { monthlyUsd: config.features.budgetMonthlyUsd, email: config.alarmEmail });
    acknowledgeFindings(this, { api, site });
    if (config.features.tracing) traceFunctions(this, this, config.features.powertoolsLayerVersion);

    new CfnOutput(this, 'BoardUrl', { value: publicBaseUrl });
  }
}
