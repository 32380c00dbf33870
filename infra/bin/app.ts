import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ConfigError, type ContextValues, contextKeys, loadConfig } from '../src/config';
import { createStacks } from '../src/stack';

/**
 * The CDK app: `npx tsx infra/bin/app.ts` (cdk.json). Two stacks per environment (the platform, and its
 * us-east-1 edge stack with the WAF web ACL), chosen with `-c env=dev|prod`; cdk-nag's AWS Solutions checks run on every synth, so an unsuppressed finding fails
 * `npm run synth` as well as the tests.
 */
const app = new App();
const context: ContextValues = Object.fromEntries(
  contextKeys.map((key) => [key, app.node.tryGetContext(key)]),
);

try {
  const config = loadConfig(context, process.env.CDK_DEFAULT_ACCOUNT);
  createStacks(app, config);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  app.synth();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
