/**
 * X-Ray tracing of the board's AWS SDK calls with Powertools Tracer, when deployed with tracing on
 * (infra/cdk/tracing.ts sets POWERTOOLS_TRACE_ENABLED and attaches the Powertools layer). The Tracer and
 * the X-Ray SDK come from that layer, not the bundle: bundled they add ~120 KB to every function (210 →
 * 333 KB for get-report, over the 250 KB budget in docs/performance.md) and their load time to every
 * cold start, traced or not. Locally, in tests and in benches the module loads nothing.
 */
interface SdkTracer {
  captureAWSv3Client<T>(client: T): T;
}

const TRACER_MODULE = '@aws-lambda-powertools/tracer';

/** Whether this process should trace: in a Lambda function deployed with tracing on. */
export const tracingWanted = (env: NodeJS.ProcessEnv = process.env) =>
  env.POWERTOOLS_TRACE_ENABLED === 'true' && Boolean(env.AWS_LAMBDA_FUNCTION_NAME);

async function loadTracer(): Promise<SdkTracer | undefined> {
  if (!tracingWanted()) return undefined;
  try {
    const { Tracer } = (await import(TRACER_MODULE)) as { Tracer: new (o: { serviceName: string }) => SdkTracer };
    return new Tracer({ serviceName: 'civicboard' });
  } catch (err) {
    // A function deployed without the layer still answers: untraced, and it says so once.
    console.warn(JSON.stringify({ level: 'WARN', message: 'tracing is on but the Powertools layer is missing', error: String(err) }));
    return undefined;
  }
}

/** Loaded once per container, before the first request (top-level await). */
const tracer = await loadTracer();

/** The client with its calls traced as X-Ray subsegments when tracing is on; the same client otherwise. */
export function traced<T>(client: T): T {
  return tracer ? tracer.captureAWSv3Client(client) : client;
}

/** Whether this container traces (for tests and the health details). */
export const tracing = () => tracer !== undefined;
