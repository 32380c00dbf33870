import {
  ErrorBody,
  GatewayErrorBody,
  type MediaResponse,
  type RouteContract,
} from '@thidua/shared/contracts';
import * as z from 'zod';

type JsonSchema = Record<string, unknown>;

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Dữ liệu không hợp lệ (chi tiết theo từng trường)',
  401: 'Chưa đăng nhập hoặc phiên không hợp lệ',
  403: 'Không có quyền',
  404: 'Không tìm thấy (kể cả khi nằm ngoài phạm vi của người gọi)',
  409: 'Xung đột phiên bản hoặc trạng thái; kèm trạng thái hiện tại',
  413: 'Dữ liệu gửi lên quá lớn',
  415: 'Nội dung không phải JSON (cần application/json hoặc kiểu +json)',
  422: 'Vi phạm quy tắc nghiệp vụ',
  429: 'Quá nhiều yêu cầu, vui lòng thử lại sau',
  500: 'Lỗi hệ thống (`internal`), hoặc `outcome_unknown`: cơ sở dữ liệu ngừng giữa chừng sau một lần ghi không kèm Idempotency-Key; tải lại và kiểm tra trước khi làm lại',
  502: 'Bản ghi đã lưu bị hỏng (`corrupt_item`, kèm `item`): không thử lại, báo quản trị hệ thống',
  503: 'Cơ sở dữ liệu không trả lời (`unavailable`): gửi lại sau `Retry-After` giây với cùng Idempotency-Key; không có gì bị ghi hai lần',
};

const errorRef = { $ref: '#/components/schemas/Error' };
/** 401 comes from the JWT authorizer (API Gateway's body) or, for a token without our claims, from the function. */
const unauthorizedSchema = { oneOf: [{ $ref: '#/components/schemas/GatewayError' }, errorRef] };
const retryAfter = {
  headers: { 'Retry-After': { description: 'Giây chờ trước khi gửi lại', schema: { type: 'integer' } } },
};

/**
 * zod → JSON Schema 2020-12 (what OpenAPI 3.1 uses). Schemas named with `.meta({ id })` come out as
 * `$defs`; they are moved into `components.schemas` and their references rewritten, because a `#/$defs`
 * reference inside an OpenAPI document would resolve against the document root.
 */
class SchemaCollector {
  readonly components: Record<string, JsonSchema> = {};

  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const raw = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
    const { $schema: _ignored, $defs, ...rest } = raw;
    // Generated names (`__schema0`) repeat across conversions: a name already taken by a different
    // schema gets a suffix, and this conversion's references follow the rename.
    const renames = new Map<string, string>();
    const defs = ($defs ?? {}) as Record<string, JsonSchema>;
    for (const [name, def] of Object.entries(defs)) {
      const same = (candidate: string) =>
        JSON.stringify(this.components[candidate]) ===
        JSON.stringify(this.rewrite(def, new Map([[name, candidate]])));
      let target = name.replace(/[^A-Za-z0-9._-]/g, '_');
      for (let n = 2; this.components[target] !== undefined && !same(target); n++) target = `${name}_${n}`;
      renames.set(name, target);
    }
    for (const [name, def] of Object.entries(defs)) {
      const target = renames.get(name) ?? name;
      this.components[target] = this.rewrite(def, renames) as JsonSchema;
    }
    return this.rewrite(rest, renames) as JsonSchema;
  }

  private rewrite(node: unknown, renames: ReadonlyMap<string, string>): unknown {
    if (Array.isArray(node)) return node.map((n) => this.rewrite(n, renames));
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')) {
        const name = v.slice('#/$defs/'.length);
        out[k] = `#/components/schemas/${renames.get(name) ?? name}`;
      } else {
        out[k] = this.rewrite(v, renames);
      }
    }
    return out;
  }
}

const parametersOf = (
  collector: SchemaCollector,
  schema: z.ZodType | undefined,
  location: 'path' | 'query' | 'header',
): JsonSchema[] => {
  if (!schema) return [];
  const s = collector.convert(schema, 'input');
  const props = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((s.required ?? []) as string[]);
  return Object.entries(props).map(([name, p]) => ({
    name,
    in: location,
    required: location === 'path' ? true : required.has(name),
    schema: p,
    ...(typeof p.description === 'string' ? { description: p.description } : {}),
  }));
};

export interface OpenApiOptions {
  title?: string;
  version?: string;
}

/** Request headers of a route (Idempotency-Key on signed-in writes), as OpenAPI parameters. */
const headersOf = (collector: SchemaCollector, route: RouteContract): JsonSchema[] =>
  parametersOf(collector, route.headers, 'header').map(({ name, ...p }) => ({
    name: String(name).replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase()),
    ...p,
  }));

const responseOf = (
  collector: SchemaCollector,
  status: number,
  answer: z.ZodType | MediaResponse,
): JsonSchema => {
  if ('mediaType' in answer)
    return { description: answer.description, content: { [answer.mediaType]: { schema: {} } } };
  const isError = answer === ErrorBody;
  const schema = !isError
    ? collector.convert(answer, 'output')
    : status === 401
      ? unauthorizedSchema
      : errorRef;
  return {
    description: status < 300 ? 'Thành công' : (ERROR_DESCRIPTIONS[status] ?? 'Lỗi'),
    content: { 'application/json': { schema } },
    ...(status === 503 ? retryAfter : {}),
  };
};

/** The OpenAPI 3.1 document of `routes`: every request and answer schema from the route's contract. */
export const buildOpenApi = (routes: readonly RouteContract[], options: OpenApiOptions = {}): JsonSchema => {
  const collector = new SchemaCollector();
  collector.components.Error = collector.convert(ErrorBody, 'output');
  collector.components.GatewayError = collector.convert(GatewayErrorBody, 'output');
  const paths: Record<string, Record<string, unknown>> = {};

  for (const route of routes) {
    const parameters = [
      ...parametersOf(collector, route.params, 'path'),
      ...parametersOf(collector, route.query, 'query'),
      ...headersOf(collector, route),
    ];
    const responses: Record<string, unknown> = {};
    for (const [status, answer] of Object.entries(route.responses))
      if (answer) responses[status] = responseOf(collector, Number(status), answer);
    responses['500'] = responseOf(collector, 500, ErrorBody);

    const operation: Record<string, unknown> = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.group],
      ...(route.description ? { description: route.description } : {}),
      security: { user: [{ cognitoIdToken: [] }], api_key: [{ apiKey: [] }], public: [] }[route.auth],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: collector.convert(route.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
    paths[route.path] ??= {};
    const item = paths[route.path];
    if (item) item[route.method.toLowerCase()] = operation;
  }

  return {
    openapi: '3.1.0',
    info: {
      title: options.title ?? 'Thi đua API',
      version: options.version ?? '0.1.0',
      description:
        'API của nền tảng Thi đua: biểu mẫu, báo cáo và phê duyệt theo luồng xã → huyện → tỉnh. ' +
        'Mọi lỗi có dạng { "error": { "code", "message", "details": [{ "path", "message" }] } }.',
    },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    components: {
      securitySchemes: {
        cognitoIdToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Cognito ID token (token_use = id)',
        },
        apiKey: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Api-Key',
          description:
            'Khóa API của hệ thống quản lý văn bản (tdk.<tỉnh>.<mã khóa>.<bí mật>), do quản trị viên cấp tỉnh tạo; ' +
            'chỉ mở các route /integrations theo quyền của khóa (ADR 0034).',
        },
      },
      schemas: collector.components,
    },
    paths,
  };
};
