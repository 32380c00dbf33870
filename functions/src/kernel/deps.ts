import type { ApiKeyRepository } from '../features/api-keys/repository';
import type { AttachmentRepository } from '../features/attachments/repository';
import type { FileStorage } from '../features/attachments/storage';
import type { AuditLog } from '../features/audit/chains';
import type { CampaignHistoryRepository } from '../features/campaign-builder/repository';
import type { CampaignRepository, TemplateRepository } from '../features/campaigns/repository';
import type { DocumentStore } from '../features/commendations/documents-store';
import type { CommendationRepository } from '../features/commendations/repository';
import type { MergerRepository } from '../features/mergers/repository';
import type { UserDirectory } from '../features/org/directory';
import type { UnitRepository, UserRepository } from '../features/org/repository';
import type { TenantSecurityRepository } from '../features/security/repository';
import type { TenantSettingsRepository } from '../features/settings/repository';
import type { ReviewCommentRepository } from '../features/submissions/comments';
import type { SubmissionRepository } from '../features/submissions/repository';
import type { TemplateDraftRepository } from '../features/template-builder/repository';
import { type Config, loadConfig } from './config';
import { type AwsClients, createAwsClients } from './data/client';
import type { TableRef } from './data/entity';
import type { IdempotencyStore } from './data/idempotency-store';
import type { AccountCheck } from './http/identity';

/** What every container holds: the configuration, the AWS clients, the table they read and write. */
export interface BaseDeps {
  config: Config;
  clients: AwsClients;
  /** The table and the DocumentClient, as every repository takes them. */
  ref: TableRef;
}

/**
 * Everything a handler may need, by name (types only). A route group's container holds the base and
 * only the dependencies its handler names (`groupDeps`), so a bundle carries only the repositories its
 * routes use; route implementations take `Pick<Deps, …>` of what they read, never the SDK's internals.
 */
export interface Deps extends BaseDeps {
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

export type DepName = Exclude<keyof Deps, keyof BaseDeps>;

/** A container under construction, as a dependency's factory sees it: the base and `use` for the others. */
export interface Container extends BaseDeps {
  /** The container's one instance of `dep` (made on first use): how a dependency asks for another. */
  use<N extends DepName>(dep: Dep<N>): Deps[N];
}

/**
 * One dependency: its name in `Deps` and how it is made. Declared once, beside the factory it calls
 * (`unitsDep` in features/org/repository.ts), so a handler that names it imports that module and no other.
 */
export interface Dep<N extends DepName> {
  readonly name: N;
  readonly make: (c: Container) => Deps[N];
}

export const defineDep = <N extends DepName>(name: N, make: (c: Container) => Deps[N]): Dep<N> => ({
  name,
  make,
});

/** The container of the named dependencies: `{ units: UnitRepository, … }` plus the base. */
export type DepsOf<D extends readonly Dep<DepName>[]> = BaseDeps & { [N in D[number]['name']]: Deps[N] };

export const createBase = (config: Config, clients: AwsClients = createAwsClients(config)): BaseDeps => ({
  config,
  clients,
  ref: { table: config.tableName, client: clients.doc },
});

let base: BaseDeps | undefined;

/**
 * The process's configuration and clients, from the environment on first use (module load of a
 * handler): every group served by one process (the local gateway) shares the clients.
 */
export const appBase = (): BaseDeps => {
  base ??= createBase(loadConfig());
  return base;
};

/** The instances made on a base: one of each dependency per process, whichever group asked first. */
const instances = new WeakMap<BaseDeps, Map<DepName, unknown>>();

/**
 * A route group's container: the base and `deps`, each made on first read and once per base (a
 * dependency another one `use`s, or another group behind the same local gateway names, is the same
 * instance, e.g. the account check's cache). Names outside `deps` are not there at all, and the types
 * say so: a route that reads one its handler did not name does not compile.
 */
export const groupDeps = <const D extends readonly Dep<DepName>[]>(
  deps: D,
  from: BaseDeps = appBase(),
): DepsOf<D> => {
  let made = instances.get(from);
  if (!made) {
    made = new Map<DepName, unknown>();
    instances.set(from, made);
  }
  const container: Container = {
    ...from,
    use: <N extends DepName>(dep: Dep<N>): Deps[N] => {
      if (!made.has(dep.name)) made.set(dep.name, dep.make(container));
      return made.get(dep.name) as Deps[N];
    },
  };
  const out: Record<string, unknown> = { ...from };
  for (const dep of deps) {
    Object.defineProperty(out, dep.name, { enumerable: true, get: () => container.use(dep) });
  }
  return out as DepsOf<D>;
};
