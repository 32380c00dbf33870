import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, spaRoutingCode, stripApiPrefixCode } from '../src/web';
import { cleanup, type Synthesized, synth } from './helpers';

/** Runs a CloudFront Function's source (cloudfront-js-2.0 is plain ES5+ JavaScript) on a request. */
const viewerRequest = (code: string, uri: string): string => {
  const handler = new Function(`${code}\nreturn handler;`)() as (e: { request: { uri: string } }) => {
    uri: string;
  };
  return handler({ request: { uri } }).uri;
};

describe('CloudFront functions', () => {
  it('serves index.html for client-side routes and files as they are', () => {
    expect(viewerRequest(spaRoutingCode, '/')).toBe('/index.html');
    expect(viewerRequest(spaRoutingCode, '/inbox')).toBe('/index.html');
    expect(viewerRequest(spaRoutingCode, '/submissions/01HZX/history')).toBe('/index.html');
    expect(viewerRequest(spaRoutingCode, '/campaigns/')).toBe('/index.html');
    expect(viewerRequest(spaRoutingCode, '/config.json')).toBe('/config.json');
    expect(viewerRequest(spaRoutingCode, '/assets/index-3f2a.js')).toBe('/assets/index-3f2a.js');
    expect(viewerRequest(spaRoutingCode, '/favicon.svg')).toBe('/favicon.svg');
  });

  it('strips /api so the API sees the route-table path', () => {
    expect(viewerRequest(stripApiPrefixCode, '/api/me')).toBe('/me');
    expect(viewerRequest(stripApiPrefixCode, '/api/submissions/s1/actions')).toBe('/submissions/s1/actions');
    expect(viewerRequest(stripApiPrefixCode, '/api/')).toBe('/');
  });
});

describe('Content-Security-Policy', () => {
  it('names only self, Cognito and the attachments bucket as network destinations', () => {
    const csp = contentSecurityPolicy({
      cognitoEndpoint: 'https://cognito-idp.ap-southeast-1.amazonaws.com',
      attachmentsEndpoint: 'https://b.s3.ap-southeast-1.amazonaws.com',
    });
    expect(csp).toContain(
      "connect-src 'self' https://cognito-idp.ap-southeast-1.amazonaws.com https://b.s3.ap-southeast-1.amazonaws.com",
    );
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/unsafe|\*|http:/);
    // CloudFront's limit for the header value in a response headers policy.
    expect(csp.length).toBeLessThan(1783);
  });
});

describe('without a web build', () => {
  let s: Synthesized;
  let empty: string;
  beforeAll(() => {
    empty = mkdtempSync(join(tmpdir(), 'thidua-no-web-'));
    s = synth({ webDist: join(empty, 'dist') });
  });
  afterAll(() => {
    cleanup(s);
    rmSync(empty, { recursive: true, force: true });
  });

  it('still synthesizes, deploys config.json only, and says so', () => {
    expect(s.stack.web.includesApp).toBe(false);
    const deployments = Object.values(s.template.findResources('Custom::CDKBucketDeployment'));
    expect(deployments).toHaveLength(1);
    expect(deployments[0]?.Properties.SourceObjectKeys).toHaveLength(1);
    const metadata = s.stack.node.findAll().flatMap((c) => c.node.metadata);
    expect(
      metadata.some(
        (m) => m.type === 'aws:cdk:warning' && String(m.data).includes('only config.json is deployed'),
      ),
    ).toBe(true);
  });
});
