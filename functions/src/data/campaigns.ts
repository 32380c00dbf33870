import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { Campaign } from '@thidua/shared/campaign';
import { FormTemplate } from '@thidua/shared/forms';
import { Conflict, NotFound } from '../http/errors';
import { parseItem } from './items';
import { campaignsPartition, keys, templatePartition } from './keys';
import type { PageRequest, TableRef, WriteMode } from './org';
import type { Page } from './pagination';
import { queryPage } from './query';
import { TransactionRefused, type TxItem, transactWrite } from './transact';

export interface CampaignRepository {
  get(tenantId: string, campaignId: string): Promise<Campaign | undefined>;
  /** Newest first (by the plan's date). */
  list(tenantId: string, page: PageRequest): Promise<Page<Campaign>>;
  putItem(campaign: Campaign, mode: WriteMode): TxItem;
  save(campaign: Campaign, mode: WriteMode, extra?: readonly TxItem[]): Promise<void>;
}

export interface TemplateRepository {
  /** One version; versions never change once written, so they are cached for the life of the process. */
  get(tenantId: string, templateId: string, version: number): Promise<FormTemplate | undefined>;
  latest(tenantId: string, templateId: string): Promise<FormTemplate | undefined>;
  /** The Put of a new version; refused (409) if that version exists. */
  putItem(tenantId: string, template: FormTemplate): TxItem;
  create(tenantId: string, template: FormTemplate, extra?: readonly TxItem[]): Promise<void>;
}

export const campaignItem = (c: Campaign): Record<string, unknown> => ({
  ...keys.campaign(c.tenantId, c.id),
  ...keys.campaignInList(c.tenantId, c.issuedOn, c.id),
  type: 'Campaign',
  ...c,
});

export const templateItem = (tenantId: string, t: FormTemplate): Record<string, unknown> => ({
  ...keys.templateVersion(tenantId, t.id, t.version),
  type: 'FormTemplate',
  tenantId,
  ...t,
});

/** Stored templates were checked when written; reading re-checks the shape but keeps the superRefine. */
const StoredTemplate = FormTemplate;

export const createCampaignRepository = ({ table, client }: TableRef): CampaignRepository => {
  const putItem = (c: Campaign, mode: WriteMode): TxItem => ({
    Put: {
      TableName: table,
      Item: campaignItem(c),
      ConditionExpression: mode === 'create' ? 'attribute_not_exists(pk)' : 'attribute_exists(pk)',
    },
  });
  return {
    async get(tenantId, campaignId) {
      const r = await client.send(
        new GetCommand({ TableName: table, Key: keys.campaign(tenantId, campaignId) }),
      );
      return r.Item ? parseItem(Campaign, r.Item) : undefined;
    },
    list: (tenantId, page) =>
      queryPage(client, Campaign, {
        table,
        index: 'gsi1',
        partition: campaignsPartition(tenantId),
        descending: true,
        ...page,
      }),
    putItem,
    async save(c, mode, extra = []) {
      try {
        await transactWrite(client, [putItem(c, mode), ...extra]);
      } catch (err) {
        if (err instanceof TransactionRefused && err.reasonAt(0)?.code === 'ConditionalCheckFailed') {
          if (mode === 'create') throw new Conflict('Phong trào đã tồn tại', undefined, 'already_exists');
          throw new NotFound('Không tìm thấy phong trào');
        }
        throw err;
      }
    },
  };
};

const MAX_CACHED_TEMPLATES = 200;

export const createTemplateRepository = ({ table, client }: TableRef): TemplateRepository => {
  const cache = new Map<string, FormTemplate>();
  const remember = (tenantId: string, t: FormTemplate): FormTemplate => {
    if (cache.size >= MAX_CACHED_TEMPLATES) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(`${tenantId}/${t.id}/${t.version}`, t);
    return t;
  };
  const putItem = (tenantId: string, t: FormTemplate): TxItem => ({
    Put: {
      TableName: table,
      Item: templateItem(tenantId, t),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  });
  return {
    async get(tenantId, templateId, version) {
      const hit = cache.get(`${tenantId}/${templateId}/${version}`);
      if (hit) return hit;
      const r = await client.send(
        new GetCommand({ TableName: table, Key: keys.templateVersion(tenantId, templateId, version) }),
      );
      return r.Item ? remember(tenantId, parseItem(StoredTemplate, r.Item)) : undefined;
    },
    async latest(tenantId, templateId) {
      const page = await queryPage(client, StoredTemplate, {
        table,
        partition: templatePartition(tenantId, templateId),
        sort: { beginsWith: 'V#' },
        descending: true,
        limit: 1,
        consistent: true,
      });
      const t = page.items[0];
      return t ? remember(tenantId, t) : undefined;
    },
    putItem,
    async create(tenantId, t, extra = []) {
      try {
        await transactWrite(client, [putItem(tenantId, t), ...extra]);
      } catch (err) {
        if (err instanceof TransactionRefused && err.reasonAt(0)?.code === 'ConditionalCheckFailed') {
          throw new Conflict(
            `Phiên bản ${t.version} của biểu mẫu đã tồn tại`,
            { version: t.version },
            'already_exists',
          );
        }
        throw err;
      }
    },
  };
};
