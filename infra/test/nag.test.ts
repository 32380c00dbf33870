import type { PolicyValidationPluginReport } from 'aws-cdk-lib';
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Built, build, cleanup, prodContext } from './helpers';

/**
 * cdk-nag's AWS Solutions checks: zero findings (errors and warnings) on dev and on a fully configured
 * prod, and every acknowledgement is needed, matches a real finding, and says why.
 */

type Violation = PolicyValidationPluginReport['violations'][number];
const describeViolations = (violations: readonly Violation[]): string =>
  violations
    .map(
      (v) =>
        `${v.severity ?? ''} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
    )
    .join('\n');

interface Captured {
  path: string;
  id: string;
  reason: string;
}

const built: Built[] = [];
let dev: PolicyValidationPluginReport;
let prod: PolicyValidationPluginReport;
let bare: PolicyValidationPluginReport;
let captured: Captured[];

beforeAll(() => {
  const devStack = build();
  const prodStack = build({ context: prodContext });
  built.push(devStack, prodStack);
  dev = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(devStack.stack);
  prod = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(prodStack.stack);

  // The same dev stack with every acknowledgement recorded instead of applied: what would cdk-nag say?
  captured = [];
  const spy = vi.spyOn(Validations.prototype, 'acknowledge').mockImplementation(function (
    this: Validations,
    ...rules
  ) {
    const scope = (this as unknown as { scope: { node: { path: string } } }).scope;
    for (const rule of rules) {
      // Only cdk-nag findings: aws-cdk-lib acknowledges some of its own template-validation warnings.
      if (rule.id.startsWith('AwsSolutions-'))
        captured.push({ path: scope.node.path, id: rule.id, reason: rule.reason });
    }
  });
  try {
    const bareStack = build();
    built.push(bareStack);
    bare = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(bareStack.stack);
  } finally {
    spy.mockRestore();
  }
});

afterAll(() => {
  for (const b of built) cleanup(b);
});

describe('cdk-nag AwsSolutionsChecks', () => {
  it('finds nothing unacknowledged on dev (no error, no warning)', () => {
    expect(describeViolations(dev.violations)).toBe('');
    expect(dev.success).toBe(true);
  });

  it('finds nothing unacknowledged on prod with a domain, an SES sender and alarm e-mail', () => {
    expect(describeViolations(prod.violations)).toBe('');
    expect(prod.success).toBe(true);
  });

  it('would find errors without the acknowledgements (the check is live)', () => {
    expect(bare.violations.some((v) => v.severity === 'error')).toBe(true);
  });

  it('acknowledges only findings that exist, each on or above the resource it concerns', () => {
    expect(captured.length).toBeGreaterThan(0);
    for (const ack of captured) {
      const violation = bare.violations.find((v) => v.ruleName === ack.id);
      expect(violation, `${ack.id} at ${ack.path} matches no finding (stale acknowledgement)`).toBeDefined();
      const covered = violation?.violatingResources.some(
        (r) => r.constructPath === ack.path || (r.constructPath ?? '').startsWith(`${ack.path}/`),
      );
      expect(covered, `${ack.id} at ${ack.path}`).toBe(true);
    }
  });

  it('covers every finding with an acknowledgement, none of them stack-wide', () => {
    const stackPath = built[2]?.stack.node.path;
    for (const ack of captured) expect(ack.path, ack.id).not.toBe(stackPath);
    for (const v of bare.violations) {
      for (const r of v.violatingResources) {
        const ok = captured.some(
          (a) =>
            a.id === v.ruleName &&
            (r.constructPath === a.path || (r.constructPath ?? '').startsWith(`${a.path}/`)),
        );
        expect(ok, `${v.ruleName} at ${r.constructPath}`).toBe(true);
      }
    }
  });

  it('gives every acknowledgement a written reason', () => {
    for (const ack of captured) {
      expect(ack.reason.length, `${ack.id} at ${ack.path}: "${ack.reason}"`).toBeGreaterThanOrEqual(40);
    }
  });
});
