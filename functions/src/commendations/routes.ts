import type { HttpMethod, RouteDef } from '../routes';

type Entry = [HttpMethod, string, string, string];

const group = (
  g: 'commendations' | 'public',
  auth: 'user' | 'public',
  entries: readonly Entry[],
): RouteDef[] =>
  entries.map(([method, path, operationId, summary]) => ({
    method,
    path,
    group: g,
    operationId,
    auth,
    summary,
  }));

/** Routes of the `commendations` and `public` groups (issue 7); contracts in ./contracts.ts. */
export const commendationRoutes: readonly RouteDef[] = [
  ...group('commendations', 'user', [
    [
      'GET',
      '/commendations/campaigns/{campaignId}/config',
      'getCommendationConfig',
      'Quy định khen thưởng của phong trào',
    ],
    [
      'PUT',
      '/commendations/campaigns/{campaignId}/config',
      'putCommendationConfig',
      'Cập nhật quy định khen thưởng',
    ],
    [
      'GET',
      '/commendations/nominations/{nominationId}/check',
      'checkNomination',
      'Kiểm tra hồ sơ theo quy định khen thưởng',
    ],
    [
      'GET',
      '/commendations/campaigns/{campaignId}/batch-candidates',
      'listBatchCandidates',
      'Hồ sơ chờ tổng hợp vào tờ trình',
    ],
    [
      'GET',
      '/commendations/campaigns/{campaignId}/batches',
      'listBatches',
      'Tờ trình của đơn vị hoặc chờ tỉnh xét',
    ],
    ['POST', '/commendations/batches', 'createBatch', 'Lập tờ trình tổng hợp'],
    ['GET', '/commendations/batches/{batchId}', 'getBatch', 'Một tờ trình'],
    ['PUT', '/commendations/batches/{batchId}', 'updateBatch', 'Sửa danh sách tờ trình (khi còn nháp)'],
    ['POST', '/commendations/batches/{batchId}/submit', 'submitBatch', 'Gửi tờ trình lên tỉnh'],
    ['POST', '/commendations/batches/{batchId}/decision', 'decideBatch', 'Tỉnh duyệt hoặc trả lại tờ trình'],
    ['GET', '/commendations/batches/{batchId}/document', 'getBatchDocument', 'Tải tờ trình (DOCX)'],
    [
      'GET',
      '/commendations/campaigns/{campaignId}/nominations',
      'listNominations',
      'Hồ sơ khen thưởng theo giai đoạn',
    ],
    [
      'GET',
      '/commendations/campaigns/{campaignId}/approved',
      'listApprovedNominations',
      'Hồ sơ đã được tỉnh thẩm định, chờ Hội đồng',
    ],
    ['POST', '/commendations/disclosures', 'openDisclosure', 'Công khai danh sách đề nghị khen thưởng'],
    [
      'GET',
      '/commendations/campaigns/{campaignId}/disclosures',
      'listDisclosures',
      'Các đợt công khai của phong trào',
    ],
    [
      'GET',
      '/commendations/disclosures/{disclosureId}',
      'getDisclosure',
      'Một đợt công khai và ý kiến nhận được',
    ],
    [
      'POST',
      '/commendations/disclosures/{disclosureId}/close',
      'closeDisclosure',
      'Kết thúc công khai trước thời hạn',
    ],
    [
      'GET',
      '/commendations/council/members',
      'listCouncilMembers',
      'Thành viên Hội đồng Thi đua - Khen thưởng',
    ],
    ['POST', '/commendations/sessions', 'openSession', 'Mở phiên họp Hội đồng'],
    ['GET', '/commendations/campaigns/{campaignId}/sessions', 'listSessions', 'Các phiên họp của phong trào'],
    ['GET', '/commendations/my-sessions', 'listMySessions', 'Phiên họp đang bỏ phiếu của thành viên'],
    ['GET', '/commendations/sessions/{sessionId}', 'getSession', 'Một phiên họp'],
    ['POST', '/commendations/sessions/{sessionId}/ballots', 'castBallot', 'Bỏ phiếu kín'],
    [
      'POST',
      '/commendations/sessions/{sessionId}/close',
      'closeSession',
      'Kết thúc bỏ phiếu, kiểm phiếu, lập biên bản',
    ],
    ['GET', '/commendations/sessions/{sessionId}/minutes', 'getMinutesDocument', 'Tải biên bản (DOCX)'],
    [
      'GET',
      '/commendations/sessions/{sessionId}/draft-decision',
      'getDraftDecision',
      'Dự thảo quyết định (DOCX, chưa ký)',
    ],
    [
      'POST',
      '/commendations/sessions/{sessionId}/decision',
      'signDecision',
      'Chủ tịch ký quyết định khen thưởng',
    ],
    [
      'GET',
      '/commendations/decisions/{decisionId}',
      'getDecision',
      'Một quyết định và các quyết định thu hồi',
    ],
    [
      'GET',
      '/commendations/decisions/{decisionId}/document',
      'getDecisionDocument',
      'Tải quyết định (DOCX) hoặc danh sách (XLSX)',
    ],
    ['POST', '/commendations/decisions/{decisionId}/revocations', 'revokeAward', 'Thu hồi khen thưởng'],
    ['GET', '/commendations/register', 'getRegister', 'Sổ đăng ký số quyết định của năm'],
    ['GET', '/commendations/notifications', 'listNotifications', 'Thông báo cho đơn vị'],
  ]),
  ...group('public', 'public', [
    ['GET', '/public/{tenantId}/disclosures', 'listPublicDisclosures', 'Danh sách đang và đã công khai'],
    [
      'GET',
      '/public/{tenantId}/disclosures/{disclosureId}',
      'getPublicDisclosure',
      'Một danh sách công khai',
    ],
    [
      'POST',
      '/public/{tenantId}/disclosures/{disclosureId}/comments',
      'postPublicComment',
      'Gửi ý kiến góp ý',
    ],
    ['GET', '/public/{tenantId}/decisions', 'listPublicDecisions', 'Quyết định khen thưởng đã công bố'],
    ['GET', '/public/{tenantId}/decisions/{decisionId}', 'getPublicDecision', 'Một quyết định đã công bố'],
    [
      'GET',
      '/public/{tenantId}/decisions/{decisionId}/document',
      'downloadPublicDecision',
      'Tải quyết định (DOCX)',
    ],
  ]),
];
