import { defineRoute } from '@thidua/shared/contracts';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ok } from './response';
import { createGroupHandler, publicRoute, userRoute } from './route';

const route = (operationId: string, path: string, auth: 'user' | 'public' = 'public') =>
  defineRoute({
    method: 'GET',
    path,
    group: 'system',
    auth,
    operationId,
    summary: operationId,
    response: z.object({ op: z.string() }),
    errors: [],
  });
const one = route('one', '/one');
const two = route('two', '/two');
const answer = (op: string) => async () => ok({ op });

const event = (routeKey: string) =>
  ({
    routeKey,
    headers: {},
    requestContext: { requestId: 'r' },
    isBase64Encoded: false,
  }) as unknown as APIGatewayProxyEventV2;

describe('createGroupHandler', () => {
  it("dispatches on the route key to the implementation of the route's contract", async () => {
    const handler = createGroupHandler({ one, two }, [
      publicRoute(two, answer('two')),
      publicRoute(one, answer('one')),
    ]);
    expect(JSON.parse(String((await handler(event('GET /two'))).body))).toEqual({ op: 'two' });
    expect((await handler(event('GET /three'))).statusCode).toBe(404);
  });

  it('refuses to load with a route of the group left unimplemented', () => {
    expect(() => createGroupHandler({ one, two }, [publicRoute(one, answer('one'))])).toThrow(
      /no implementation for two/,
    );
  });

  it('refuses an implementation of a route outside the group, twice, or with another auth', () => {
    expect(() =>
      createGroupHandler({ one }, [publicRoute(one, answer('a')), publicRoute(two, answer('b'))]),
    ).toThrow(/two is not a route of this group/);
    expect(() =>
      createGroupHandler({ one }, [publicRoute(one, answer('a')), publicRoute(one, answer('b'))]),
    ).toThrow(/implemented twice/);
    const signedIn = route('signedIn', '/me', 'user');
    expect(() => createGroupHandler({ signedIn }, [publicRoute(signedIn, answer('a'))])).toThrow(
      /is a user route/,
    );
    // User routes also need the user record check (main's account check); a token-trusting one here.
    const accounts = { resolve: async <T>(token: T) => token };
    expect(createGroupHandler({ signedIn }, [userRoute(signedIn, answer('a'))], { accounts })).toBeTypeOf(
      'function',
    );
    expect(() => createGroupHandler({ signedIn }, [userRoute(signedIn, answer('a'))])).toThrow(
      /user routes need GroupOptions.accounts/,
    );
  });
});
