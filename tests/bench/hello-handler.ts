/**
 * The cold-start floor: a hello-world Lambda handler, bundled by the same CDK `NodejsFunction` settings
 * as the real functions and started the same way. Whatever a real function costs above this is its own.
 */
export const handler = async (): Promise<{
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}> => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: '{"status":"ok"}',
});
