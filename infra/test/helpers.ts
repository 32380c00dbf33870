import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type ContextValues, loadConfig } from '../src/config';
import type { ThiduaEdgeStack } from '../src/edge';
import { createStacks, type ThiduaStack } from '../src/stack';

/** A certificate ARN of the shape ACM gives (us-east-1, as CloudFront requires). */
export const testCertificateArn =
  'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';

/** A fully configured prod: account, custom domain, SES sender, alarm e-mail. */
export const prodContext = {
  env: 'prod',
  account: '123456789012',
  domainName: 'thidua.example.gov.vn',
  certificateArn: testCertificateArn,
  emailSender: 'no-reply@thidua.example.gov.vn',
  alarmEmail: 'ops@thidua.example.gov.vn',
};

export interface SynthOptions {
  context?: ContextValues;
  /** Run esbuild for the eleven functions (slow-ish); off where only the template matters. */
  bundle?: boolean;
  /** Directory standing in for `web/dist`; default: a fresh fake build with index.html and assets/. */
  webDist?: string;
}

export interface Synthesized extends Built {
  template: Template;
}

/** A stand-in for `npm run build -w web`: the shape Vite produces. */
export const fakeWebDist = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-web-dist-'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><script type="module" src="/assets/app-1a2b.js"></script>',
  );
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'console.log("thi đua")');
  return dir;
};

export interface Built {
  app: App;
  stack: ThiduaStack;
  /** The us-east-1 stack with the WAF web ACL. */
  edge: ThiduaEdgeStack;
  /** The cloud assembly directory (bundled function code lives in `asset.<hash>/`). */
  outdir: string;
  webDist: string;
}

/** The construct tree of the whole stack, not yet synthesized (enough for cdk-nag). */
export const build = (options: SynthOptions = {}): Built => {
  const outdir = mkdtempSync(join(tmpdir(), 'thidua-cdk-out-'));
  const app = new App({
    outdir,
    // An empty list of bundling stacks makes NodejsFunction skip esbuild (the asset is a placeholder).
    context: options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] },
  });
  const config = loadConfig(options.context ?? {});
  const webDist = options.webDist ?? fakeWebDist();
  const { main: stack, edge } = createStacks(app, config, { webDist });
  return { app, stack, edge, outdir, webDist };
};

/** One synthesis of the whole stack (call it once per test file, in beforeAll). */
export const synth = (options: SynthOptions = {}): Synthesized => {
  const built = build(options);
  return { ...built, template: Template.fromStack(built.stack) };
};

/** Remove the cloud assembly and the fake web build of a test file (afterAll). */
export const cleanup = (built: Built | undefined): void => {
  if (!built) return;
  rmSync(built.outdir, { recursive: true, force: true });
  if (built.webDist.includes('thidua-web-dist-')) rmSync(built.webDist, { recursive: true, force: true });
};

/** CloudFormation JSON as cdk-nag prints it: `{"Fn::GetAtt":["X","Arn"]}` → `<X.Arn>`, joins concatenated. */
export const flatten = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(flatten).join(',');
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('Ref' in o) return `<${String(o.Ref)}>`;
    if ('Fn::GetAtt' in o) {
      const [id, attr] = o['Fn::GetAtt'] as [string, string];
      return `<${id}.${attr}>`;
    }
    if ('Fn::Join' in o) {
      const [sep, parts] = o['Fn::Join'] as [string, unknown[]];
      return parts.map(flatten).join(sep);
    }
  }
  return JSON.stringify(value);
};

export interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Sid?: string;
}

export const asArray = <T>(v: T | T[] | undefined): T[] =>
  Array.isArray(v) ? v : v === undefined ? [] : [v];

/** Every statement of every IAM policy in the template (standalone, managed, and inline role policies). */
export const allStatements = (template: Template): { policy: string; statement: Statement }[] => {
  const out: { policy: string; statement: Statement }[] = [];
  const standalone = {
    ...template.findResources('AWS::IAM::Policy'),
    ...template.findResources('AWS::IAM::ManagedPolicy'),
  };
  for (const [id, res] of Object.entries(standalone)) {
    for (const statement of res.Properties.PolicyDocument.Statement as Statement[])
      out.push({ policy: id, statement });
  }
  for (const [id, res] of Object.entries(template.findResources('AWS::IAM::Role'))) {
    for (const p of (res.Properties.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[]) {
      for (const statement of p.PolicyDocument.Statement) out.push({ policy: id, statement });
    }
  }
  return out;
};
