import {
  type CommendationConfig,
  type CouncilSession,
  type DossierItem,
  type DossierPart,
  dossierPartFields,
  dossierPartNames,
  fieldValue,
  matchTitle,
  type NominationRecord,
  nominationFacts,
  type PublicComment,
  type SessionDossier,
  titleName,
} from '@thidua/shared/commendation';
import type { Identity } from '@thidua/shared/org';
import type { StoredSubmission } from '../submissions/repository';
import type { CommendationDeps } from './context';
import { commendationConfigOf } from './context';
import { nomineeRedaction } from './nominations';

type Redaction = Awaited<ReturnType<typeof nomineeRedaction>>;

/** The file names a dossier field holds (an attachment list, one attachment, or nothing). */
const fileNames = (value: unknown): string[] => {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((f: unknown) =>
    f && typeof f === 'object' && typeof (f as { name?: unknown }).name === 'string'
      ? [(f as { name: string }).name]
      : [],
  );
};

const commentView = (c: PublicComment) => ({
  id: c.id,
  authorName: c.authorName,
  body: c.body,
  receivedAt: c.receivedAt,
});

/** What the agenda (or the head's list) says of a nomination before its dossier is opened. */
export interface DossierLine {
  nominationId: string;
  unitId: string;
  unitName: string;
  nomineeKind: DossierItem['nomineeKind'];
  nomineeName: string;
  nomineeTitle: string;
  awardTypeName: string;
}

/**
 * One nomination's dossier as filed — nominee, achievements, prior awards, the unit's review meeting, the
 * names of its files — with the public comments about it; the nominee's sensitive facts redacted for a
 * reader the template does not name.
 */
export const dossierItemOf = (
  config: CommendationConfig,
  sub: StoredSubmission | undefined,
  record: NominationRecord | undefined,
  a: DossierLine,
  redact: Redaction,
  tenantId: string,
  comments: readonly PublicComment[],
): DossierItem => {
  const facts = sub ? nominationFacts(sub, matchTitle(config)) : null;
  const f = facts?.ok ? facts.facts : null;
  const scope = record ?? { tenantId, unitId: a.unitId, unitPath: sub?.unitPath ?? [] };
  const nominee = redact(
    {
      nomineeKind: a.nomineeKind,
      nomineeName: a.nomineeName,
      nomineeTitle: a.nomineeTitle,
      nomineeUnitName: f?.nomineeUnitName ?? record?.nomineeUnitName ?? '',
    },
    scope,
  );
  return {
    nominationId: a.nominationId,
    ...nominee,
    unitName: a.unitName,
    awardTypeName: a.awardTypeName,
    achievementSummary: f?.achievementSummary ?? '',
    priorAwards: (f?.priorAwards ?? []).map((p) => ({ year: p.year, title: titleName(config, p.titleId) })),
    meeting: f?.meeting ?? { date: null, members: null, votesFor: null, votesAgainst: null },
    files: (Object.entries(dossierPartFields) as [DossierPart, string][]).flatMap(([part, path]) =>
      fileNames(sub ? fieldValue(sub.data, path) : undefined).map((name) => ({
        part,
        partName: dossierPartNames[part],
        name,
      })),
    ),
    comments: comments.filter((c) => c.nominationId === a.nominationId).map(commentView),
  };
};

/**
 * What the council and the signer read before deciding: each agenda item's dossier as filed (nominee,
 * achievements, prior awards, the unit's review meeting, the names of its files) and the public comments
 * about it from the session's disclosures. The agenda is at most 45 items: one GetItem each, in parallel.
 * Nominee facts drawn from fields the template marks sensitive are redacted for a reader it does not name,
 * as everywhere else.
 */
export const sessionDossier = async (
  d: CommendationDeps,
  identity: Identity,
  s: CouncilSession,
): Promise<SessionDossier> => {
  const tenantId = identity.tenantId;
  const [{ config }, subs, commentLists, records, redact] = await Promise.all([
    commendationConfigOf(d, tenantId, s.campaignId),
    Promise.all(s.agenda.map((a) => d.submissions.get(tenantId, a.nominationId))),
    Promise.all(s.disclosureIds.map((id) => d.commendations.comments(tenantId, id))),
    d.commendations.getRecords(
      tenantId,
      s.agenda.map((a) => a.nominationId),
    ),
    nomineeRedaction(d, identity, s.campaignId),
  ]);
  const comments = commentLists.flat().sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  const items = s.agenda.map(
    (a, i): DossierItem =>
      dossierItemOf(config, subs[i], records.get(a.nominationId), a, redact, tenantId, comments),
  );
  return {
    sessionId: s.id,
    items,
    generalComments: comments.filter((c) => c.nominationId === null).map(commentView),
    draftDecisionAvailable: s.state === 'closed',
  };
};
