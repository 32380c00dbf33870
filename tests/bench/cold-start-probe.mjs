// A fresh Node process, as a Lambda sandbox: import the bundle, answer one request, report, exit.
// Plain JavaScript on purpose: no loader may stand between the process start and the bundle.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [bundle, eventFile] = process.argv.slice(2);
const beforeImport = performance.now();
const mod = await import(pathToFileURL(bundle).href);
const afterImport = performance.now();
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
const context = {
  awsRequestId: 'cold-start-probe',
  functionName: 'cold-start-probe',
  functionVersion: '$LATEST',
  memoryLimitInMB: '512',
  getRemainingTimeInMillis: () => 10_000,
  callbackWaitsForEmptyEventLoop: true,
};
const result = await mod.handler(event, context);
const answered = performance.now();
process.stdout.write(
  `${JSON.stringify({
    // performance.now() counts from the start of this process: Node's own start-up is included.
    coldStartMs: answered,
    nodeStartMs: beforeImport,
    importMs: afterImport - beforeImport,
    firstInvokeMs: answered - afterImport,
    statusCode: result?.statusCode ?? null,
  })}\n`,
);
process.exit(0);
