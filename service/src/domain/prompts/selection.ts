// Picks the prompts an opportunity should see: published, unexpired, targeted at its industry,
// phase/stage, amount and record type; ranked by how specifically they target it; stable for the
// same input, and prompts already raised on this opportunity go to the back.
import { stableHash } from '../../lib/stable-hash';
import type { PromptRecord } from '../../storage/repositories/prompt-sets';
import type { OpportunityContext } from '../opportunities/context';
import { phaseOfStage, type TenantSettings } from '../settings/settings';
import { fillMergeFields } from './merge-fields';

export const PANEL_PROMPT_COUNT = 5;

const same = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' }) === 0;
const includesValue = (list: string[], value: string | undefined) =>
  value !== undefined && list.some((item) => same(item, value));

/** How specifically a prompt targets this context, or null when it does not apply. */
export function targetingScore(prompt: PromptRecord, ctx: OpportunityContext, settings: TenantSettings): number | null {
  const t = prompt.targeting;
  let score = 0;
  if (t.industries.length > 0) {
    if (!includesValue(t.industries, ctx.industry)) return null;
    score += 4;
  }
  if (t.stages.length > 0) {
    if (!includesValue(t.stages, ctx.stage)) return null;
    score += 3;
  } else if (t.phases.length > 0) {
    const phase = phaseOfStage(settings, ctx.stage);
    if (!phase || !t.phases.includes(phase)) return null;
    score += 2;
  }
  if (t.amountMin !== null || t.amountMax !== null) {
    if (ctx.amount === undefined) return null;
    if (t.amountMin !== null && ctx.amount < t.amountMin) return null;
    if (t.amountMax !== null && ctx.amount > t.amountMax) return null;
    score += 1;
  }
  if (t.recordTypes.length > 0) {
    if (!includesValue(t.recordTypes, ctx.recordType)) return null;
    score += 1;
  }
  return score;
}

export function isExpired(prompt: PromptRecord, today: string): boolean {
  return prompt.expiresOn !== null && prompt.expiresOn < today;
}

export function selectPrompts(
  prompts: PromptRecord[],
  ctx: OpportunityContext,
  settings: TenantSettings,
  options: { today: string; alreadyRaisedKeys?: Set<string>; limit?: number },
): PromptRecord[] {
  const raised = options.alreadyRaisedKeys ?? new Set<string>();
  const seenKeys = new Set<string>();
  return prompts
    .filter((p) => !isExpired(p, options.today))
    .map((p) => ({ prompt: p, score: targetingScore(p, ctx, settings) }))
    .filter((c): c is { prompt: PromptRecord; score: number } => c.score !== null)
    .map((c) => ({
      ...c,
      fresh: raised.has(c.prompt.key) ? 0 : 1,
      tieBreak: stableHash(`${ctx.id}:${c.prompt.setId}:${c.prompt.key}`),
    }))
    .sort((a, b) => b.fresh - a.fresh || b.score - a.score || a.tieBreak - b.tieBreak)
    .map((c) => c.prompt)
    .filter((p) => (seenKeys.has(p.key) ? false : seenKeys.add(p.key)))
    .slice(0, options.limit ?? PANEL_PROMPT_COUNT);
}

export function renderPrompt(prompt: PromptRecord, ctx: OpportunityContext): PromptRecord {
  return {
    ...prompt,
    provocation: fillMergeFields(prompt.provocation, ctx),
    followUp: fillMergeFields(prompt.followUp, ctx),
  };
}
