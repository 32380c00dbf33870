/**
 * The route table: the single definition of the HTTP API. The CDK stack creates one API Gateway route
 * and integration per entry, the local gateway serves exactly these entries, and the OpenAPI document
 * is generated from them. A route belongs to a group; each group is one Lambda function whose entry is
 * `functions/src/handlers/<group>.ts` (export `handler`), dispatching on `event.routeKey`.
 */
export const routeGroups = [
  'system',
  'org',
  'campaigns',
  'submissions',
  'attachments',
  'audit',
  'admin',
  'commendations',
  'public',
] as const;
export type RouteGroup = (typeof routeGroups)[number];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDef {
  method: HttpMethod;
  /** API Gateway path syntax: `/submissions/{submissionId}`. */
  path: string;
  group: RouteGroup;
  operationId: string;
  /** `user`: a verified Cognito ID token is required (JWT authorizer). `public`: no authorizer. */
  auth: 'user' | 'public';
  summary: string;
}

export const routeKey = (r: Pick<RouteDef, 'method' | 'path'>): string => `${r.method} ${r.path}`;

export const handlerEntry = (group: RouteGroup): string => `functions/src/handlers/${group}.ts`;

import { commendationRoutes } from './commendations/routes';

const coreRoutes: readonly RouteDef[] = [
  {
    method: 'GET',
    path: '/health',
    group: 'system',
    operationId: 'getHealth',
    auth: 'public',
    summary: 'Liveness: the table and the bucket answer',
  },
  {
    method: 'GET',
    path: '/openapi.json',
    group: 'system',
    operationId: 'getOpenApi',
    auth: 'public',
    summary: 'This API, as OpenAPI 3.1',
  },
  {
    method: 'GET',
    path: '/me',
    group: 'system',
    operationId: 'getMe',
    auth: 'user',
    summary: 'The caller: user, unit, roles',
  },
  {
    method: 'GET',
    path: '/units',
    group: 'org',
    operationId: 'listUnits',
    auth: 'user',
    summary: "Units of the tenant's tree (a subtree with `root`), in tree order",
  },
  {
    method: 'GET',
    path: '/units/{unitId}',
    group: 'org',
    operationId: 'getUnit',
    auth: 'user',
    summary: 'One unit',
  },
  {
    method: 'GET',
    path: '/units/{unitId}/children',
    group: 'org',
    operationId: 'listUnitChildren',
    auth: 'user',
    summary: 'Direct children of a unit',
  },
  {
    method: 'GET',
    path: '/campaigns',
    group: 'campaigns',
    operationId: 'listCampaigns',
    auth: 'user',
    summary: 'Campaigns of the tenant, newest first',
  },
  {
    method: 'GET',
    path: '/campaigns/{campaignId}',
    group: 'campaigns',
    operationId: 'getCampaign',
    auth: 'user',
    summary: 'One campaign with its forms, periods, deadlines and chains',
  },
  {
    method: 'GET',
    path: '/templates/{templateId}',
    group: 'campaigns',
    operationId: 'getLatestTemplate',
    auth: 'user',
    summary: 'The latest version of a form template',
  },
  {
    method: 'GET',
    path: '/templates/{templateId}/versions/{version}',
    group: 'campaigns',
    operationId: 'getTemplateVersion',
    auth: 'user',
    summary: 'One version of a form template',
  },
  {
    method: 'POST',
    path: '/submissions',
    group: 'submissions',
    operationId: 'createSubmission',
    auth: 'user',
    summary: "Create a draft for the caller's unit (campaign, form, period)",
  },
  {
    method: 'GET',
    path: '/submissions',
    group: 'submissions',
    operationId: 'listSubmissions',
    auth: 'user',
    summary: 'List submissions by scope (mine, inbox, subtree) with filters and a cursor',
  },
  {
    method: 'GET',
    path: '/submissions/{submissionId}',
    group: 'submissions',
    operationId: 'getSubmission',
    auth: 'user',
    summary: 'One submission with the actions the caller may take',
  },
  {
    method: 'PUT',
    path: '/submissions/{submissionId}',
    group: 'submissions',
    operationId: 'saveSubmission',
    auth: 'user',
    summary: "Save a draft's data (or a reviewer's scores) at the expected version",
  },
  {
    method: 'POST',
    path: '/submissions/{submissionId}/actions',
    group: 'submissions',
    operationId: 'actOnSubmission',
    auth: 'user',
    summary: 'Submit, sign off, approve, return, reject, withdraw or reopen',
  },
  {
    method: 'GET',
    path: '/submissions/{submissionId}/history',
    group: 'submissions',
    operationId: 'getSubmissionHistory',
    auth: 'user',
    summary: 'The audit events of a submission, oldest first',
  },
  {
    method: 'GET',
    path: '/submissions/{submissionId}/diff',
    group: 'submissions',
    operationId: 'getSubmissionDiff',
    auth: 'user',
    summary: 'What changed in the data since a submitted version',
  },
  {
    method: 'GET',
    path: '/campaigns/{campaignId}/completeness',
    group: 'submissions',
    operationId: 'getCompleteness',
    auth: 'user',
    summary: 'Completeness of the child units of a unit for a form and period',
  },
  {
    method: 'POST',
    path: '/submissions/{submissionId}/attachments',
    group: 'attachments',
    operationId: 'createAttachmentUpload',
    auth: 'user',
    summary: 'Start an upload: a presigned POST limited in size and type',
  },
  {
    method: 'GET',
    path: '/submissions/{submissionId}/attachments',
    group: 'attachments',
    operationId: 'listAttachments',
    auth: 'user',
    summary: 'Attachments of a submission',
  },
  {
    method: 'POST',
    path: '/submissions/{submissionId}/attachments/{attachmentId}/confirm',
    group: 'attachments',
    operationId: 'confirmAttachment',
    auth: 'user',
    summary: 'Check an uploaded file (size, magic bytes) and accept it',
  },
  {
    method: 'GET',
    path: '/submissions/{submissionId}/attachments/{attachmentId}/download',
    group: 'attachments',
    operationId: 'getAttachmentDownload',
    auth: 'user',
    summary: 'A short-lived download link, after an authorization check',
  },
  {
    method: 'GET',
    path: '/submissions/{submissionId}/audit',
    group: 'audit',
    operationId: 'verifySubmissionAudit',
    auth: 'user',
    summary: "Verify a submission's hash-chained audit trail",
  },
  {
    method: 'GET',
    path: '/campaigns/{campaignId}/audit-trail',
    group: 'audit',
    operationId: 'exportCampaignAudit',
    auth: 'user',
    summary: "A campaign's audit trail as CSV",
  },
  {
    method: 'POST',
    path: '/admin/units',
    group: 'admin',
    operationId: 'createUnit',
    auth: 'user',
    summary: 'Create a unit (province admin)',
  },
  {
    method: 'PUT',
    path: '/admin/units/{unitId}',
    group: 'admin',
    operationId: 'updateUnit',
    auth: 'user',
    summary: 'Rename, close or link a successor to a unit (province admin)',
  },
  {
    method: 'GET',
    path: '/admin/users',
    group: 'admin',
    operationId: 'listUsers',
    auth: 'user',
    summary: 'Users of a unit (province admin)',
  },
  {
    method: 'POST',
    path: '/admin/users',
    group: 'admin',
    operationId: 'createUser',
    auth: 'user',
    summary: 'Create a user with roles, in Cognito and the table (province admin)',
  },
  {
    method: 'PUT',
    path: '/admin/users/{userId}',
    group: 'admin',
    operationId: 'updateUser',
    auth: 'user',
    summary: "Change a user's unit, roles or status (province admin)",
  },
  {
    method: 'POST',
    path: '/admin/campaigns',
    group: 'admin',
    operationId: 'createCampaign',
    auth: 'user',
    summary: 'Create a campaign (province admin)',
  },
  {
    method: 'PUT',
    path: '/admin/campaigns/{campaignId}',
    group: 'admin',
    operationId: 'updateCampaign',
    auth: 'user',
    summary: 'Replace a campaign (province admin)',
  },
  {
    method: 'POST',
    path: '/admin/templates/{templateId}/versions',
    group: 'admin',
    operationId: 'createTemplateVersion',
    auth: 'user',
    summary: 'Publish a new version of a form template (province admin)',
  },
];

/** Every route. Commendation and public routes live beside their domain code. */
export const routes: readonly RouteDef[] = [...coreRoutes, ...commendationRoutes];
