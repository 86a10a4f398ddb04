import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../functions/lib/env.js';
import { ROUTES } from '../../functions/routes.js';
import { synthBoard } from './synth.js';

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation is untyped JSON; the assertions check its shape.
type Cfn = any;
let resources: Record<string, { Type: string; Properties: Cfn }>;
beforeAll(() => {
  const template: Template = synthBoard({}).template;
  resources = template.toJSON().Resources;
});

describe('the cursor key', () => {
  it('is a secret CloudFormation generates: 64 random characters, never a value in the template', () => {
    const secrets = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::SecretsManager::Secret');
    expect(secrets).toHaveLength(1);
    const [, secret] = secrets[0]!;
    expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 64, ExcludePunctuation: true });
    expect(secret.Properties.SecretString).toBeUndefined();
  });

  it('reaches every API function as a deploy-time reference to that secret', () => {
    const [secretId] = Object.entries(resources).find(([, r]) => r.Type === 'AWS::SecretsManager::Secret')!;
    // The functions behind API routes (the stream consumers list nothing, so they need no cursor key).
    const integrated = new Set(
      Object.values(resources)
        .filter((r) => r.Type === 'AWS::ApiGatewayV2::Integration')
        .map((r) => r.Properties.IntegrationUri?.['Fn::GetAtt']?.[0]),
    );
    const apiFunctions = Object.entries(resources)
      .filter(([id, r]) => r.Type === 'AWS::Lambda::Function' && integrated.has(id))
      .map(([, r]) => r);
    expect(apiFunctions.length).toBeGreaterThanOrEqual(ROUTES.length);
    for (const fn of apiFunctions) {
      const value = JSON.stringify(fn.Properties.Environment.Variables[ENV.cursorKey]);
      expect(value).toContain('{{resolve:secretsmanager:');
      expect(value).toContain(secretId);
    }
  });
});
