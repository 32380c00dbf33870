import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { clientAddress, ORIGIN_VERIFY_HEADER, rateLimitKey, VIEWER_ADDRESS_HEADER } from './public-http';

const secret = 'origin-secret-0123456789abcdef';
const event = (headers: Record<string, string>, sourceIp = '130.176.1.1'): APIGatewayProxyEventV2 =>
  ({ headers, requestContext: { http: { sourceIp } } }) as unknown as APIGatewayProxyEventV2;

describe('the address a public comment is counted against', () => {
  it('is the viewer CloudFront names when the request carries the origin secret', () => {
    const e = event({ [VIEWER_ADDRESS_HEADER]: '198.51.100.7:4711', [ORIGIN_VERIFY_HEADER]: secret });
    expect(clientAddress(e, secret)).toBe('198.51.100.7');
  });

  it('keeps an IPv6 viewer whole (only the port is cut)', () => {
    const e = event({ [VIEWER_ADDRESS_HEADER]: '2001:db8::7:4711', [ORIGIN_VERIFY_HEADER]: secret });
    expect(clientAddress(e, secret)).toBe('2001:db8::7');
  });

  it('ignores a viewer header written by a caller who bypassed CloudFront (no or wrong secret)', () => {
    expect(clientAddress(event({ [VIEWER_ADDRESS_HEADER]: '203.0.113.1:1' }, '192.0.2.5'), secret)).toBe(
      '192.0.2.5',
    );
    const wrong = event(
      { [VIEWER_ADDRESS_HEADER]: '203.0.113.1:1', [ORIGIN_VERIFY_HEADER]: 'guess' },
      '192.0.2.5',
    );
    expect(clientAddress(wrong, secret)).toBe('192.0.2.5');
  });

  it('takes the last value when a client sent its own header ahead of the edge', () => {
    const e = event({
      [VIEWER_ADDRESS_HEADER]: '203.0.113.1:1, 198.51.100.7:4711',
      [ORIGIN_VERIFY_HEADER]: secret,
    });
    expect(clientAddress(e, secret)).toBe('198.51.100.7');
  });

  it('trusts the header without a configured secret (the local gateway sets it from its socket)', () => {
    expect(clientAddress(event({ [VIEWER_ADDRESS_HEADER]: '192.0.2.44:5000' }), undefined)).toBe(
      '192.0.2.44',
    );
    expect(clientAddress(event({}, '192.0.2.45'), undefined)).toBe('192.0.2.45');
  });

  it('is stored as a keyed hash that depends on the salt', () => {
    const a = rateLimitKey('198.51.100.7', 'salt-one-0123456789');
    expect(a).toBe(rateLimitKey('198.51.100.7', 'salt-one-0123456789'));
    expect(a).not.toBe(rateLimitKey('198.51.100.7', 'salt-two-0123456789'));
    expect(a).not.toContain('198.51');
  });
});
