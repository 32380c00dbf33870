/** The cold-start floor: a hello-world handler, bundled with the real functions' settings. */
export const handler = async (): Promise<{
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}> => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: '{"status":"ok"}',
});
