import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { systemContracts as c, referenceContracts } from '@thidua/shared/contracts';
import type { Deps } from '../../kernel/deps';
import { json, ok } from '../../kernel/http/response';
import { publicRoute, type RouteImpl, userRoute } from '../../kernel/http/route';
import { openApiDocument } from '../../kernel/openapi';

/** A key no entity uses: reading it proves the table answers without DescribeTable permissions. */
const HEALTH_KEY = { pk: 'HEALTH', sk: 'HEALTH' };

const settle = async (p: Promise<unknown>): Promise<'ok' | 'error'> => {
  try {
    await p;
    return 'ok';
  } catch {
    return 'error';
  }
};

export const systemRoutes = (d: Pick<Deps, 'clients' | 'config' | 'units' | 'users'>): RouteImpl[] => [
  publicRoute(c.getHealth, async () => {
    const [table, bucket] = await Promise.all([
      settle(d.clients.doc.send(new GetCommand({ TableName: d.config.tableName, Key: HEALTH_KEY }))),
      settle(
        (async () => {
          const [s3, { HeadBucketCommand }] = await Promise.all([
            d.clients.s3(),
            import('@aws-sdk/client-s3'),
          ]);
          await s3.send(new HeadBucketCommand({ Bucket: d.config.bucketName }));
        })(),
      ),
    ]);
    const healthy = table === 'ok' && bucket === 'ok';
    return json(healthy ? 200 : 503, { status: healthy ? 'ok' : 'unavailable', checks: { table, bucket } });
  }),

  userRoute(c.getMe, async ({ identity }) => {
    const user = await d.users.get(identity.tenantId, identity.userId);
    const unit = await d.units.get(identity.tenantId, user?.unitId ?? identity.unitId);
    return ok({ identity, user: user ?? null, unit: unit ?? null });
  }),
];

/** The `reference` group: the OpenAPI document, made from every contract (so in a Lambda of its own). */
export const referenceRoutes = (): RouteImpl[] => [
  publicRoute(referenceContracts.getOpenApi, async () =>
    ok(openApiDocument(), { 'cache-control': 'public, max-age=300' }),
  ),
];
