import type { Campaign } from '@thidua/shared/campaign';
import type { FormTemplate } from '@thidua/shared/forms';
import type { TableRef } from '../../kernel/data/entity';
import { campaignEntity, templateVersionEntity } from '../../kernel/data/keys';
import type { SaveOutcome, WriteMode } from '../../kernel/data/outcomes';
import type { Page } from '../../kernel/data/pagination';
import { saveEntity, saveItem } from '../../kernel/data/save';
import type { TxItem } from '../../kernel/data/transact';
import { defineDep } from '../../kernel/deps';
import type { PageRequest } from '../org/repository';

export interface CampaignRepository {
  get(tenantId: string, campaignId: string): Promise<Campaign | undefined>;
  /** Newest first (by the plan's date). */
  list(tenantId: string, page: PageRequest): Promise<Page<Campaign>>;
  putItem(campaign: Campaign, mode: WriteMode): TxItem;
  save(campaign: Campaign, mode: WriteMode, extra?: readonly TxItem[]): Promise<SaveOutcome>;
}

export interface TemplateRepository {
  /** One version; versions never change once written, so they are cached for the life of the process. */
  get(tenantId: string, templateId: string, version: number): Promise<FormTemplate | undefined>;
  latest(tenantId: string, templateId: string): Promise<FormTemplate | undefined>;
  /** The Put of a new version; refused if that version exists. */
  putItem(tenantId: string, template: FormTemplate): TxItem;
  create(tenantId: string, template: FormTemplate, extra?: readonly TxItem[]): Promise<SaveOutcome>;
}

export const campaignItem = campaignEntity.item;
export const templateItem = (tenantId: string, t: FormTemplate): Record<string, unknown> =>
  templateVersionEntity.item({ tenantId, ...t });

export const createCampaignRepository = (ref: TableRef): CampaignRepository => {
  const campaigns = campaignEntity.on(ref);
  return {
    get: (tenantId, id) => campaigns.get({ tenantId, id }),
    list: (tenantId, page) => campaigns.page('list', { tenantId }, { ...page, descending: true }),
    putItem: (c, mode) => saveItem(ref, campaignEntity, c, mode),
    save: (c, mode, extra = []) => saveEntity(ref, campaignEntity, c, mode, extra),
  };
};

const MAX_CACHED_TEMPLATES = 200;

export const createTemplateRepository = (ref: TableRef): TemplateRepository => {
  const versions = templateVersionEntity.on(ref);
  const cache = new Map<string, FormTemplate>();
  const remember = (tenantId: string, t: FormTemplate): FormTemplate => {
    if (cache.size >= MAX_CACHED_TEMPLATES) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(`${tenantId}/${t.id}/${t.version}`, t);
    return t;
  };
  const putItem = (tenantId: string, t: FormTemplate): TxItem =>
    saveItem(ref, templateVersionEntity, { tenantId, ...t }, 'create');
  return {
    async get(tenantId, id, version) {
      const hit = cache.get(`${tenantId}/${id}/${version}`);
      if (hit) return hit;
      const t = await versions.get({ tenantId, id, version });
      return t ? remember(tenantId, t) : undefined;
    },
    async latest(tenantId, id) {
      const page = await versions.page(
        'primary',
        { tenantId, id },
        { descending: true, limit: 1, consistent: true },
      );
      const t = page.items[0];
      return t ? remember(tenantId, t) : undefined;
    },
    putItem,
    create: (tenantId, t, extra = []) =>
      saveEntity(ref, templateVersionEntity, { tenantId, ...t }, 'create', extra),
  };
};

/** `campaigns` of a route group's container (kernel/deps.ts). */
export const campaignsDep = defineDep('campaigns', (c) => createCampaignRepository(c.ref));

/** `templates` of a route group's container (kernel/deps.ts). */
export const templatesDep = defineDep('templates', (c) => createTemplateRepository(c.ref));
