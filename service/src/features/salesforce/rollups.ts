// The Opportunity roll-up fields (force-app/…/objects/Opportunity/fields/UAN_*), computed from the
// opportunity's notes when they are sent, so a coalesced item always carries the latest committed state.
import type { RollupSource } from './data-access/rollups';

export type RollupFields = {
  UAN_Last_Conversation_Date__c: string | null;
  UAN_Conversation_Score__c: number | null;
  UAN_Provocation_Score__c: number | null;
  UAN_Customer_View_Score__c: number | null;
  UAN_Collaboration_Score__c: number | null;
  UAN_Business_Focus_Score__c: number | null;
  UAN_Next_Step_Score__c: number | null;
  UAN_Conversation_Count__c: number;
  UAN_Last_Reaction__c: string | null;
};

export const ROLLUP_FIELD_NAMES = [
  'UAN_Last_Conversation_Date__c',
  'UAN_Conversation_Score__c',
  'UAN_Provocation_Score__c',
  'UAN_Customer_View_Score__c',
  'UAN_Collaboration_Score__c',
  'UAN_Business_Focus_Score__c',
  'UAN_Next_Step_Score__c',
  'UAN_Conversation_Count__c',
  'UAN_Last_Reaction__c',
] as const satisfies ReadonlyArray<keyof RollupFields>;

const DIMENSION_FIELDS = {
  provocation: 'UAN_Provocation_Score__c',
  customerView: 'UAN_Customer_View_Score__c',
  collaboration: 'UAN_Collaboration_Score__c',
  businessFocus: 'UAN_Business_Focus_Score__c',
  nextStep: 'UAN_Next_Step_Score__c',
} as const;

const score = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : null;

/** A deleted last note leaves a count of 0 and every other field cleared. */
export function rollupFieldsOf(source: RollupSource): RollupFields {
  const latest = source.latest;
  const dimensions = (latest?.score?.dimensions ?? {}) as Record<string, unknown>;
  const reactions = (latest?.prompts ?? []).map((p) => p.reaction).filter((r): r is string => Boolean(r));
  const fields: RollupFields = {
    UAN_Last_Conversation_Date__c: latest?.occurredAt ?? null,
    UAN_Conversation_Score__c: score(latest?.score?.overall),
    UAN_Provocation_Score__c: null,
    UAN_Customer_View_Score__c: null,
    UAN_Collaboration_Score__c: null,
    UAN_Business_Focus_Score__c: null,
    UAN_Next_Step_Score__c: null,
    UAN_Conversation_Count__c: source.noteCount,
    UAN_Last_Reaction__c: reactions.at(-1) ?? null,
  };
  for (const [dimension, field] of Object.entries(DIMENSION_FIELDS))
    fields[field] = score(dimensions[dimension]);
  return fields;
}

export function sameRollup(a: Partial<Record<string, unknown>>, b: RollupFields): boolean {
  return ROLLUP_FIELD_NAMES.every((f) => (a[f] ?? null) === b[f]);
}
