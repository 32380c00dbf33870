import { type ApiKeyRepository, createApiKeyRepository } from '../features/api-keys/repository';
import { type AttachmentRepository, createAttachmentRepository } from '../features/attachments/repository';
import { createFileStorage, type FileStorage } from '../features/attachments/storage';
import { type AuditLog, createAuditLog } from '../features/audit/chains';
import {
  type CampaignHistoryRepository,
  createCampaignHistoryRepository,
} from '../features/campaign-builder/repository';
import {
  type CampaignRepository,
  createCampaignRepository,
  createTemplateRepository,
  type TemplateRepository,
} from '../features/campaigns/repository';
import { createDocumentStore, type DocumentStore } from '../features/commendations/documents-store';
import {
  type CommendationRepository,
  createCommendationRepository,
} from '../features/commendations/repository';
import { createMergerRepository, type MergerRepository } from '../features/mergers/repository';
import { createUserDirectory, type UserDirectory } from '../features/org/directory';
import {
  createUnitRepository,
  createUserRepository,
  type UnitRepository,
  type UserRepository,
} from '../features/org/repository';
import {
  createTenantSecurityRepository,
  type TenantSecurityRepository,
} from '../features/security/repository';
import {
  createTenantSettingsRepository,
  type TenantSettingsRepository,
} from '../features/settings/repository';
import {
  createReviewCommentRepository,
  type ReviewCommentRepository,
} from '../features/submissions/comments';
import { createSubmissionRepository, type SubmissionRepository } from '../features/submissions/repository';
import {
  createTemplateDraftRepository,
  type TemplateDraftRepository,
} from '../features/template-builder/repository';
import { type Config, loadConfig } from './config';
import { type AwsClients, createAwsClients } from './data/client';
import { createIdempotencyStore, type IdempotencyStore } from './data/idempotency-store';
import { type AccountCheck, createAccountCheck } from './http/identity';

/**
 * Everything a handler needs, built once per Lambda instance from the configuration. Route
 * implementations receive these interfaces, never the SDK clients' internals.
 */
export interface Deps {
  config: Config;
  clients: AwsClients;
  units: UnitRepository;
  users: UserRepository;
  campaigns: CampaignRepository;
  templates: TemplateRepository;
  /** The form builder's drafts and library (issue 14). */
  templateDrafts: TemplateDraftRepository;
  /** A campaign's published versions, builder draft and audit events. */
  campaignHistory: CampaignHistoryRepository;
  submissions: SubmissionRepository;
  attachments: AttachmentRepository;
  /** Reviewers' comments on fields and the unit's answers (issue 15). */
  comments: ReviewCommentRepository;
  idempotency: IdempotencyStore;
  files: FileStorage;
  directory: UserDirectory;
  /** The tenant's security settings (which roles must use TOTP). */
  tenantSecurity: TenantSecurityRepository;
  /** The tenant's settings for its people (the secretariat's contact on the help pages). */
  tenantSettings: TenantSettingsRepository;
  /** The user record check of every user route, cached per instance (config.accountCacheTtlSeconds). */
  accounts: AccountCheck;
  /** Nomination records, tờ trình, disclosures, council sessions, decisions (functions/src/features/commendations). */
  commendations: CommendationRepository;
  /** Generated documents (tờ trình, minutes, decisions); S3 is reached on first use, like `files`. */
  documents: DocumentStore;
  /** THE audit recorder of every change other than a submission's (features/audit/chains.ts, functions/src/README.md). */
  audit: AuditLog;
  /** Tenant mergers: consents, lineage records, tenant ledgers (ADR 0017). */
  mergers: MergerRepository;
  /** The API keys of document-management systems (hashed; ADR 0034). */
  apiKeys: ApiKeyRepository;
}

export const createDeps = (config: Config, clients: AwsClients = createAwsClients(config)): Deps => {
  const ref = { table: config.tableName, client: clients.doc };
  const users = createUserRepository(ref);
  const tenantSecurity = createTenantSecurityRepository(ref);
  return {
    config,
    clients,
    units: createUnitRepository(ref),
    users,
    campaigns: createCampaignRepository(ref),
    templates: createTemplateRepository(ref),
    templateDrafts: createTemplateDraftRepository(ref),
    campaignHistory: createCampaignHistoryRepository(ref),
    submissions: createSubmissionRepository(ref),
    attachments: createAttachmentRepository(ref),
    comments: createReviewCommentRepository(ref),
    idempotency: createIdempotencyStore(ref),
    files: createFileStorage({ bucket: config.bucketName, s3: clients.s3 }),
    directory: createUserDirectory(clients.cognito, config.userPoolId),
    tenantSecurity,
    tenantSettings: createTenantSettingsRepository(ref),
    accounts: createAccountCheck({
      lookup: users.get,
      security: tenantSecurity.get,
      ttlSeconds: config.accountCacheTtlSeconds,
      securityTtlSeconds: config.mfaPolicyCacheTtlSeconds,
    }),
    commendations: createCommendationRepository(ref),
    documents: createDocumentStore(clients.s3, config.bucketName),
    audit: createAuditLog(ref, users),
    mergers: createMergerRepository(ref),
    apiKeys: createApiKeyRepository(ref),
  };
};

let instance: Deps | undefined;

/** The process's dependencies, from the environment on first use (module load of a handler). */
export const appDeps = (): Deps => {
  instance ??= createDeps(loadConfig());
  return instance;
};
