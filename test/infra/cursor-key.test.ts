import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../functions/lib/env.js';
import { ROUTES } from '../../functions/routes.js';
import { synthBoard } from './synth.js';

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation is untyped JSON; the assertions check its shape.
type Cfn = any;
let resources: Record<string, { Type: string; Properties: Cfn }>;
beforeAll(() => {
  resources = synthBoard({}).resources;
});

/** The secret whose description says it signs cursors (the stack has others, e.g. the origin secret). */
const cursorSecret = () => {
  const found = Object.entries(resources).filter(
    ([, r]) => r.Type === 'AWS::SecretsManager::Secret' && /cursor/i.test(r.Properties.Description),
  );
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('the cursor key', () => {
  it('is a secret CloudFormation generates: 64 random characters, never a value in the template', () => {
    const [, secret] = cursorSecret();
    expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 64, ExcludePunctuation: true });
    expect(secret.Properties.SecretString).toBeUndefined();
  });

  it('reaches every API function as a deploy-time reference to that secret', () => {
    const [secretId] = cursorSecret();
    // The functions behind the HTTP API: those an API integration invokes (not the stream consumers).
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
