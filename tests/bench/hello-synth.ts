import { helloWorldBundle } from './lambda';

// Run as a child process (CDK synthesis is synchronous and CPU-bound): `tsx hello-synth.ts <outDir>`.
const outDir = process.argv[2];
if (!outDir) throw new Error('usage: hello-synth.ts <outDir>');
const bundle = await helloWorldBundle(outDir);
process.stdout.write(`${JSON.stringify(bundle)}\n`);
