import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allStatements, asArray, type Built, build, cleanup, flatten, prodContext } from './helpers';

/**
 * The server-side signer of decisions (ADR 0032): with context `serverSigner` the stack has an asymmetric
 * SIGN_VERIFY key that only the documents function may Sign with, the functions are told its id, and
 * cdk-nag still finds nothing; without it there is no such key. With `signingOcspOnline` the documents
 * function is told to ask signers' OCSP responders (ADR 0035).
 */
let signing: Built;
let plain: Built;
let t: Template;
let p: Template;

beforeAll(() => {
  signing = build({ context: { ...prodContext, serverSigner: 'ECC_NIST_P256', signingOcspOnline: 'true' } });
  plain = build({ context: prodContext });
  t = Template.fromStack(signing.stack);
  p = Template.fromStack(plain.stack);
});
afterAll(() => {
  cleanup(signing);
  cleanup(plain);
});

const signKeys = (template: Template) =>
  Object.values(template.findResources('AWS::KMS::Key')).filter(
    (k) => k.Properties.KeyUsage === 'SIGN_VERIFY',
  );

describe('decision signer key (context serverSigner)', () => {
  it('creates an ECC_NIST_P256 SIGN_VERIFY key only when asked', () => {
    expect(signKeys(t).map((k) => k.Properties.KeySpec)).toEqual(['ECC_NIST_P256']);
    expect(signKeys(p)).toEqual([]);
  });

  it('only the documents function may kms:Sign, and it is told the key id', () => {
    const signers = allStatements(t).filter(({ statement }) =>
      asArray(statement.Action).includes('kms:Sign'),
    );
    expect(signers).toHaveLength(1);
    const roles = t.findResources('AWS::IAM::Role');
    const policies = t.findResources('AWS::IAM::Policy');
    const owner = signers[0]?.policy ?? '';
    const attached = flatten(policies[owner]?.Properties.Roles ?? roles[owner]);
    expect(attached).toMatch(/Roledocuments/);
    const docs = Object.values(t.findResources('AWS::Lambda::Function')).find((f) =>
      String(f.Properties.Description).includes('documents group'),
    );
    expect(Object.keys(docs?.Properties.Environment.Variables ?? {})).toEqual(
      expect.arrayContaining(['SIGNER_KMS_KEY_ID']),
    );
  });

  it('tells the documents function, and it alone, to check OCSP online when the context asks (ADR 0035)', () => {
    const online = (template: Template) =>
      Object.values(template.findResources('AWS::Lambda::Function'))
        .filter((f) => f.Properties.Environment?.Variables?.SIGNING_OCSP_ONLINE === 'on')
        .map((f) => String(f.Properties.Description));
    expect(online(t)).toEqual([expect.stringContaining('documents group')]);
    expect(online(p)).toEqual([]);
  });

  it('cdk-nag finds nothing unacknowledged with the signer key', () => {
    const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(signing.stack);
    expect(
      report.violations.map(
        (v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
      ),
    ).toEqual([]);
  });
});
