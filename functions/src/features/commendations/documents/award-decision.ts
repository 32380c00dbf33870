import {
  type CommendationConfig,
  type Decision,
  type DecisionEntry,
  type IssuingBody,
  numberedAs,
  ruleSetOn,
  type SigningMode,
} from '@thidua/shared/commendation';
import type { OfficeHolder } from '@thidua/shared/org';
import { documentKey } from '../documents-store';
import { type DecisionDocInput, decisionDocument, decisionSubject } from './decision-doc';
import type { DocModel } from './layout';
import { signatureOf } from './signer';

/** What a numbered award decision is made of, whether a council voted it or a head decided alone. */
export interface AwardDecisionInput {
  tenantId: string;
  id: string;
  campaignId: string;
  /** The council session that voted it; null for a head's decision. */
  sessionId: string | null;
  decidedBy?: 'head';
  config: CommendationConfig;
  /** The names the document prints (a unit's council is named after the unit). */
  naming: DecisionDocInput['config'];
  body: IssuingBody;
  registered: { on: string; year: number; number: number; numberText: string };
  at: string;
  /** The user who took the number; the document names the office holder. */
  signerId: string;
  holder: OfficeHolder;
  entries: DecisionEntry[];
  /** The entries the title names (the awarded ones). */
  awarded: readonly DecisionEntry[];
  mode: SigningMode;
  /** The council's minutes ("Biên bản số …"), or '' for a head's decision. */
  minutesRef: string;
  /** Whose proposal a head's decision answers. */
  proposal?: string;
}

/**
 * The decision item and its document's model, one way for both paths that number an award decision: its
 * keys, its signer line ("KT." for a deputy) and the state its signing mode starts it in.
 */
export const awardDecision = (i: AwardDecisionInput): { decision: Decision; model: DocModel } => {
  const { on: signedOn, year, number, numberText } = i.registered;
  const decision: Decision = {
    tenantId: i.tenantId,
    id: i.id,
    kind: 'award',
    campaignId: i.campaignId,
    sessionId: i.sessionId,
    ...(i.decidedBy ? { decidedBy: i.decidedBy } : {}),
    issuingBodyId: i.body.id,
    year,
    number,
    numberText,
    signedOn,
    signedAt: i.at,
    signerId: i.signerId,
    signerName: i.holder.name,
    signerTitle: i.holder.role === 'head' ? i.holder.title : `KT. ${i.body.signerTitle} - ${i.holder.title}`,
    title: decisionSubject(i.config, i.awarded),
    entries: i.entries,
    documentKey: documentKey(i.tenantId, 'decision', i.id, 'docx'),
    xlsxKey: documentKey(i.tenantId, 'awardees', i.id, 'xlsx'),
    ...numberedAs(i.mode),
  };
  const model = decisionDocument({
    config: i.naming,
    issuingBody: i.body,
    ruleBases: (ruleSetOn(i.config, signedOn)?.legalBases ?? []).map((b) => b.ref),
    numberText,
    signedOn,
    signature: signatureOf(i.body.signatureOnBehalf, i.body.signerTitle, i.holder),
    minutesRef: i.minutesRef,
    ...(i.proposal !== undefined ? { proposal: i.proposal } : {}),
    entries: i.entries,
    paperOriginal: i.mode === 'paper',
  });
  return { decision, model };
};
