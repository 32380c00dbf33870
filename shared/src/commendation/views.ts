import * as z from 'zod';
import { Id } from '../common';
import { NomineeKind } from './award-types';
import { CouncilSession } from './council';
import { RegisterMode } from './numbering';
import { Decision, Disclosure, NominationRecord, PublicComment, Revocation, SigningMode } from './records';

/**
 * What the commendation API answers, beyond the stored entities: the same schemas parse the answers in
 * the browser and document them in OpenAPI.
 */

export const BatchCandidate = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  state: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  /** A batch (draft or sent) of the caller's unit already holds it. */
  batchId: Id.nullable(),
  /** Read from the nomination's data; null while the dossier lacks it. */
  nomineeName: z.string().nullable(),
  awardTypeName: z.string().nullable(),
});
export type BatchCandidate = z.infer<typeof BatchCandidate>;

export const BatchFindings = z.array(
  z.object({
    nominationId: Id,
    nomineeName: z.string(),
    violations: z.array(z.string()),
    warnings: z.array(z.string()),
  }),
);
export type BatchFindings = z.infer<typeof BatchFindings>;

export const ApprovedNominationView = z.object({
  nominationId: Id,
  unitId: Id,
  unitName: z.string(),
  record: NominationRecord.nullable(),
  /**
   * Who is proposed for what, read from the filed form where no record exists yet (a unit's own council's
   * agenda, ADR 0037); the nominee's sensitive facts are not among these.
   */
  nominee: z.object({ name: z.string(), awardTypeName: z.string() }).optional(),
});
export type ApprovedNominationView = z.infer<typeof ApprovedNominationView>;

export const SessionView = CouncilSession.extend({
  myBallot: z.object({ isMember: z.boolean(), voted: z.boolean(), votedAt: z.string().nullable() }),
  /**
   * For a counted session not yet decided: what signing would do, read without taking anything — the
   * register's next number today and who may sign (chair, or a deputy "KT.").
   */
  signing: z
    .object({
      /** Empty where the body's văn thư gives the number (`registerMode: external`). */
      nextNumberText: z.string(),
      year: z.number().int(),
      registerMode: RegisterMode.optional(),
      /** digital: "Lấy số", then the signed PDF issues it; paper: signing issues it (ADR 0032). */
      signingMode: SigningMode.optional(),
      signers: z.array(
        z.object({ id: Id, name: z.string(), title: z.string(), role: z.enum(['head', 'deputy']) }),
      ),
      /** The body that would issue it today, and the bases it would cite, each marked when unverified. */
      issuer: z.string().optional(),
      bases: z
        .array(z.object({ ref: z.string(), toVerify: z.boolean(), note: z.string().optional() }))
        .optional(),
    })
    .nullable()
    .optional(),
});
export type SessionView = z.infer<typeof SessionView>;

/**
 * The file the council and the signer decide with, per agenda item: the nominee as the dossier states
 * them, the achievements and prior awards, the review meeting of the proposing unit, the dossier's files
 * (names only: the files stay behind the submission's own access check) and the public comments received
 * about that nominee during its disclosure. A commenter's contact is never included (the secretariat's).
 */
export const DossierComment = z.object({
  id: Id,
  authorName: z.string(),
  body: z.string(),
  receivedAt: z.string(),
});
export const DossierFile = z.object({ part: z.string(), partName: z.string(), name: z.string() });
export const DossierItem = z.object({
  nominationId: Id,
  nomineeKind: NomineeKind,
  nomineeName: z.string(),
  nomineeTitle: z.string(),
  nomineeUnitName: z.string(),
  unitName: z.string(),
  awardTypeName: z.string(),
  achievementSummary: z.string(),
  priorAwards: z.array(z.object({ year: z.number().int(), title: z.string() })),
  meeting: z.object({
    date: z.string().nullable(),
    members: z.number().int().nullable(),
    votesFor: z.number().int().nullable(),
    votesAgainst: z.number().int().nullable(),
  }),
  files: z.array(DossierFile),
  comments: z.array(DossierComment),
});
export type DossierItem = z.infer<typeof DossierItem>;
export const SessionDossier = z.object({
  sessionId: Id,
  items: z.array(DossierItem),
  /** Comments about the list as a whole (no nominee named), shown once. */
  generalComments: z.array(DossierComment),
  /** Whether the draft decision can be read now (after the count, before signing). */
  draftDecisionAvailable: z.boolean(),
});
export type SessionDossier = z.infer<typeof SessionDossier>;

/**
 * The head's desk (a commune, ward or department): the nominations whose review ended at the unit and whose
 * award type its head decides alone, each with its dossier; the register each would be numbered in (the
 * number the next decision takes, when the product keeps it); this year's head decisions of the unit with
 * what was revoked of them.
 */
export const HeadDeskRegister = z.object({
  issuingBodyId: Id,
  issuingBodyName: z.string(),
  mode: z.enum(['product', 'external']),
  year: z.number().int(),
  /** "02/QĐ-UBND": what the next decision takes; null where the body's văn thư gives numbers. */
  nextNumberText: z.string().nullable(),
});
export const HeadDeskItem = DossierItem.extend({ issuingBodyId: Id, unitId: Id });
export const HeadDeskDecision = z.object({
  decision: Decision,
  revocations: z.array(Revocation),
});
export const HeadDesk = z.object({
  unitId: Id,
  unitName: z.string(),
  /** The office holders who may sign (head first), for "KT." signatures. */
  signers: z.array(
    z.object({ id: Id, name: z.string(), title: z.string(), role: z.enum(['head', 'deputy']) }),
  ),
  registers: z.array(HeadDeskRegister),
  items: z.array(HeadDeskItem),
  decisions: z.array(HeadDeskDecision),
  /** digital: a decision awaits its signer's signed PDF before it is issued; paper: issued when decided. */
  signingMode: SigningMode.optional(),
  /** The deployment has a server-side signer (ADR 0032), offered to the decision's own signer. */
  serverSigner: z.boolean().optional(),
});
export type HeadDesk = z.infer<typeof HeadDesk>;

export const DisclosureWithComments = z.object({ disclosure: Disclosure, comments: z.array(PublicComment) });

export const DecisionWithRevocations = z.object({
  decision: Decision,
  revocations: z.array(Revocation),
  /** The deployment has a server-side signer (ADR 0032): a numbered decision can be signed with it. */
  serverSigner: z.boolean().optional(),
});
export type DecisionWithRevocations = z.infer<typeof DecisionWithRevocations>;

export const Download = z.object({ url: z.string(), fileName: z.string() });

export const PublicEntryView = z.object({
  nominationId: Id,
  unitName: z.string(),
  nomineeKind: NomineeKind,
  nomineeName: z.string(),
  nomineeTitle: z.string(),
  nomineeUnitName: z.string(),
  awardTypeName: z.string(),
});

export const PublicDisclosureView = z.object({
  id: Id,
  title: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  workingDays: z.number().int(),
  status: z.enum(['upcoming', 'open', 'ended']),
  closedEarlyReason: z.string().nullable(),
  /** Who decided an early end before the statutory minimum, and by which document. */
  closedEarlyAuthority: z.string().nullable().optional(),
  entries: z.array(PublicEntryView),
});
export type PublicDisclosureView = z.infer<typeof PublicDisclosureView>;

export const PublicAwardeeView = PublicEntryView.extend({
  revoked: z.boolean(),
  revocationNumber: z.string().nullable(),
  revokedOn: z.string().nullable(),
  revocationReason: z.string().nullable(),
});

export const PublicDecisionView = z.object({
  id: Id,
  numberText: z.string(),
  signedOn: z.string(),
  signerName: z.string(),
  signerTitle: z.string(),
  title: z.string(),
  awardeeCount: z.number().int(),
  byUnit: z.array(z.object({ unitName: z.string(), awardees: z.array(PublicAwardeeView) })),
  /** Digitally signed (ADR 0032): its signer's certificate name and signing time; the download is the signed PDF. */
  digitalSignature: z.object({ signerName: z.string(), signedAt: z.string() }).nullable().optional(),
});
export type PublicDecisionView = z.infer<typeof PublicDecisionView>;

export const publicPageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
