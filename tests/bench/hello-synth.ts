import { helloWorldBundles } from './lambda';

// Run as a child process (CDK synthesis is synchronous and CPU-bound): `tsx hello-synth.ts <outDir>`.
const outDir = process.argv[2];
if (!outDir) throw new Error('usage: hello-synth.ts <outDir>');
const bundles = await helloWorldBundles(outDir);
process.stdout.write(`${JSON.stringify(bundles)}\n`);
