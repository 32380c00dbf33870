import autocannon from 'autocannon';
import type { FromClient, LoadPhase, LoadRun, PhaseResult, ToClient } from './load-protocol';

/**
 * The load client: runs in its own process (forked by `load.ts`), drives autocannon at a fixed number
 * of connections, and rotates through the given requests with `setupRequest`, so that each request of a
 * write scenario lands on a different submission. Latencies are taken from autocannon's `response`
 * events (exact, in ms) rather than its integer histogram.
 */
const send = (m: FromClient): void => {
  process.send?.(m);
};

const MAX_FAILURE_SAMPLES = 5;

async function runPhase(run: LoadRun, phase: LoadPhase, cursor: { next: number }): Promise<PhaseResult> {
  const firstIndex = cursor.next;
  const available = run.wrap ? Number.POSITIVE_INFINITY : run.requests.length - firstIndex;
  const cap = Math.min(phase.maxRequests ?? Number.POSITIVE_INFINITY, available);
  const result: PhaseResult = {
    tag: phase.tag,
    latenciesMs: [],
    ok: 0,
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    elapsedMs: 0,
    statusCounts: {},
    failures: [],
    firstIndex,
    endIndex: firstIndex,
  };
  if (cap <= 0) return result;
  const bearer = run.tokens.map((t) => `Bearer ${t}`);
  const started = performance.now();
  // autocannon splits `maxOverallRequests` over the connections and calls `setupRequest` exactly once
  // per request it sends, so a finite pool is used up exactly, never wrapped.
  const finite = Number.isFinite(cap);
  const connections = finite ? Math.min(run.connections, cap) : run.connections;
  let finished: (result: autocannon.Result) => void = () => undefined;
  let failed: (error: unknown) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finished = resolve;
    failed = reject;
  });
  const instance = autocannon(
    {
      url: run.url,
      connections,
      duration: phase.durationSec,
      ...(finite ? { maxOverallRequests: cap } : {}),
      timeout: 30,
      requests: [
        {
          setupRequest: (request) => {
            const index = cursor.next;
            cursor.next += 1;
            const spec = run.requests[index % run.requests.length];
            if (!spec) throw new Error(`no request at ${index}`);
            request.method = spec.method;
            request.path = spec.path;
            request.headers = {
              authorization: bearer[spec.token] ?? '',
              'x-bench-tag': `${phase.tag}:${index}`,
              ...(spec.body !== undefined ? { 'content-type': 'application/json' } : {}),
            };
            request.body = spec.body;
            return request;
          },
          onResponse: (status, body) => {
            if ((status < 200 || status >= 300) && result.failures.length < MAX_FAILURE_SAMPLES) {
              result.failures.push(`${status} ${body.slice(0, 300)}`);
            }
          },
        },
      ],
    },
    (error, finalResult) => (error ? failed(error) : finished(finalResult)),
  );
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    const code = String(statusCode);
    result.statusCounts[code] = (result.statusCounts[code] ?? 0) + 1;
    if (statusCode >= 200 && statusCode < 300) {
      result.ok += 1;
      result.latenciesMs.push(responseTime);
    } else {
      result.non2xx += 1;
    }
  });
  const final = await done;
  result.elapsedMs = performance.now() - started;
  result.errors = final.errors;
  result.timeouts = final.timeouts;
  result.endIndex = cursor.next;
  return result;
}

process.on('message', (message: ToClient) => {
  if (message.type === 'exit') {
    process.exit(0);
  }
  const cursor = { next: message.run.startIndex ?? 0 };
  (async () => {
    const phases: PhaseResult[] = [];
    for (const phase of message.run.phases) phases.push(await runPhase(message.run, phase, cursor));
    send({ type: 'done', phases });
  })().catch((error: unknown) => send({ type: 'error', message: String(error) }));
});
send({ type: 'ready' });
