import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { MergerConsentBody } from '@thidua/shared/contracts';
import { MergerInput } from '@thidua/shared/tenancy';

/**
 * The merge operation from a terminal (ADR 0017), over the same API routes the platform serves: the
 * absorbed province's administrator consents, the merged province's administrator merges with a unit
 * map kept as a CSV file (two columns `from,to`: the absorbed unit's id, the unit that carries it — a
 * spreadsheet export, no JSON to type). The merge is confirmed by typing the absorbed province's id.
 *
 *   THIDUA_PASSWORD=… npm run merge -- consent --email quantri@… --successor dong-nai --date 2025-07-01
 *   THIDUA_PASSWORD=… npm run merge -- merge --email quantri.dongnai@… --predecessor binh-phuoc \
 *       --date 2025-07-01 --basis "Nghị quyết số 202/2025/QH15 …" --map unit-map.csv
 *
 * `--config` is the web app's configuration (`.data/web-config.json`, written by `npm start`; on AWS the
 * site's `/config.json` URL): the API, the user pool client and the Cognito endpoint to sign in with.
 */
interface WebConfig {
  apiUrl: string;
  region: string;
  clientId: string;
  cognitoEndpoint?: string;
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    config: { type: 'string', default: '.data/web-config.json' },
    email: { type: 'string' },
    successor: { type: 'string' },
    predecessor: { type: 'string' },
    date: { type: 'string' },
    basis: { type: 'string' },
    map: { type: 'string' },
    yes: { type: 'boolean', default: false },
  },
});

const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

const readConfig = async (where: string): Promise<WebConfig> =>
  /^https?:/.test(where)
    ? ((await (await fetch(where)).json()) as WebConfig)
    : (JSON.parse(await readFile(resolve(where), 'utf8')) as WebConfig);

/** USER_PASSWORD_AUTH over Cognito's JSON protocol (no AWS credentials needed, as in the browser). */
const signIn = async (config: WebConfig, email: string, password: string): Promise<string> => {
  const endpoint = config.cognitoEndpoint ?? `https://cognito-idp.${config.region}.amazonaws.com/`;
  const answer = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    },
    body: JSON.stringify({
      ClientId: config.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  });
  const body = (await answer.json()) as { AuthenticationResult?: { IdToken?: string }; message?: string };
  return body.AuthenticationResult?.IdToken ?? fail(`Đăng nhập không được: ${body.message ?? answer.status}`);
};

/** `from,to` per line; a header line and blank lines are skipped; `;` also separates (Excel in vi-VN). */
export const parseUnitMap = (csv: string) =>
  csv
    .split(/\r?\n/)
    .map((line) => line.split(/[,;]/).map((cell) => cell.trim().replace(/^"|"$/g, '')))
    .filter(([from, to]) => from && to && !(from === 'from' && to === 'to'))
    .map(([from, to]) => ({ from: String(from), to: String(to) }));

const call = async (config: WebConfig, token: string, method: string, path: string, body: unknown) => {
  const answer = await fetch(`${config.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await answer.text();
  if (!answer.ok) fail(`${answer.status}: ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
};

const main = async () => {
  const [command] = positionals;
  const password = process.env.THIDUA_PASSWORD ?? fail('Đặt mật khẩu trong biến môi trường THIDUA_PASSWORD');
  const email = values.email ?? fail('Thiếu --email (quản trị viên của tỉnh)');
  const config = await readConfig(values.config);
  if (command === 'consent') {
    const body = MergerConsentBody.parse({ successorTenantId: values.successor, effectiveFrom: values.date });
    const token = await signIn(config, email, password);
    console.log(await call(config, token, 'PUT', '/admin/merger-consent', body));
    return;
  }
  if (command !== 'merge') fail('Lệnh: consent | merge');
  const input = MergerInput.parse({
    predecessorTenantId: values.predecessor,
    effectiveFrom: values.date,
    legalBasis: values.basis,
    unitMap: parseUnitMap(await readFile(resolve(values.map ?? fail('Thiếu --map <tệp CSV>')), 'utf8')),
  });
  console.log(
    `Hợp nhất tỉnh "${input.predecessorTenantId}" từ ngày ${input.effectiveFrom}, ${input.unitMap.length} đơn vị được ánh xạ. Không thể hoàn tác.`,
  );
  if (!values.yes) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const typed = await rl.question(`Gõ "${input.predecessorTenantId}" để xác nhận: `);
    rl.close();
    if (typed.trim() !== input.predecessorTenantId) fail('Đã hủy.');
  }
  const token = await signIn(config, email, password);
  console.log(await call(config, token, 'POST', '/admin/mergers', input));
};

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
