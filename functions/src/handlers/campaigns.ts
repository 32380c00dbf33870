import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** Entry of the `campaigns` route group (one Lambda). Placeholder until its routes land: unknown routes answer 404. */
export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => ({
  statusCode: 404,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify({
    error: { code: 'not_found', message: `Không tìm thấy: ${event.routeKey}`, details: [] },
  }),
});
