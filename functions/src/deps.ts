import { createUserDirectory, type UserDirectory } from './app/directory';
import { createDocumentStore, type DocumentStore } from './commendations/documents-store';
import { type CommendationRepository, createCommendationRepository } from './commendations/repository';
import { type Config, loadConfig } from './config';
import { type AttachmentRepository, createAttachmentRepository } from './data/attachments';
import {
  type CampaignRepository,
  createCampaignRepository,
  createTemplateRepository,
  type TemplateRepository,
} from './data/campaigns';
import { type AwsClients, createAwsClients } from './data/client';
import { createIdempotencyStore, type IdempotencyStore } from './data/idempotency-store';
import { createMergerRepository, type MergerRepository } from './data/mergers';
import {
  createUnitRepository,
  createUserRepository,
  type UnitRepository,
  type UserRepository,
} from './data/org';
import { createSubmissionRepository, type SubmissionRepository } from './data/submissions';
import { createFileStorage, type FileStorage } from './files/storage';
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
  submissions: SubmissionRepository;
  attachments: AttachmentRepository;
  idempotency: IdempotencyStore;
  files: FileStorage;
  directory: UserDirectory;
  /** The user record check of every user route, cached per instance (config.accountCacheTtlSeconds). */
  accounts: AccountCheck;
  /** Nomination records, tờ trình, disclosures, council sessions, decisions (functions/src/commendations). */
  commendations: CommendationRepository;
  /** Generated documents (tờ trình, minutes, decisions); S3 is reached on first use, like `files`. */
  documents: DocumentStore;
  /** Tenant mergers: consents, lineage records, tenant ledgers (ADR 0017). */
  mergers: MergerRepository;
}

export const createDeps = (config: Config, clients: AwsClients = createAwsClients(config)): Deps => {
  const ref = { table: config.tableName, client: clients.doc };
  const users = createUserRepository(ref);
  return {
    config,
    clients,
    units: createUnitRepository(ref),
    users,
    campaigns: createCampaignRepository(ref),
    templates: createTemplateRepository(ref),
    submissions: createSubmissionRepository(ref),
    attachments: createAttachmentRepository(ref),
    idempotency: createIdempotencyStore(ref),
    files: createFileStorage({ bucket: config.bucketName, s3: clients.s3 }),
    directory: createUserDirectory(clients.cognito, config.userPoolId),
    accounts: createAccountCheck({ lookup: users.get, ttlSeconds: config.accountCacheTtlSeconds }),
    commendations: createCommendationRepository(ref),
    documents: createDocumentStore(clients.s3, config.bucketName),
    mergers: createMergerRepository(ref),
  };
};

let instance: Deps | undefined;

/** The process's dependencies, from the environment on first use (module load of a handler). */
export const appDeps = (): Deps => {
  instance ??= createDeps(loadConfig());
  return instance;
};
