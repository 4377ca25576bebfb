// Picks the prompts an opportunity should see: published, unexpired, targeted at its industry,
// phase/stage, amount and record type; ranked by how specifically they target it; stable for the
// same input, and prompts already raised on this opportunity go to the back.
import { stableHash } from '../../platform/lib/stable-hash';
import type { PromptRecord } from './repository';
import type { OpportunityContext } from '../opportunities';
import { phaseOfStage, type TenantSettings } from '../settings';
import { fillMergeFields } from './merge-fields';

export const PANEL_PROMPT_COUNT = 5;
/** Below this many exact matches, prompts for the same industry at another phase fill the panel. */
export const PANEL_PROMPT_MINIMUM = 3;

const same = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' }) === 0;
const includesValue = (list: string[], value: string | undefined) =>
  value !== undefined && list.some((item) => same(item, value));

/**
 * How specifically a prompt targets this context, or null when it does not apply. `ignorePhase`
 * relaxes the stage/phase rule, for filling a panel that has too few exact matches.
 */
export function targetingScore(
  prompt: PromptRecord,
  ctx: OpportunityContext,
  settings: TenantSettings,
  ignorePhase = false,
): number | null {
  const t = prompt.targeting;
  let score = 0;
  if (t.industries.length > 0) {
    if (!includesValue(t.industries, ctx.industry)) return null;
    score += 4;
  }
  if (ignorePhase) {
    // no points for the stage: a fill-in ranks below every exact match
  } else if (t.stages.length > 0) {
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

function rank(
  prompts: PromptRecord[],
  ctx: OpportunityContext,
  settings: TenantSettings,
  raised: Set<string>,
  ignorePhase: boolean,
): PromptRecord[] {
  return prompts
    .map((p) => ({ prompt: p, score: targetingScore(p, ctx, settings, ignorePhase) }))
    .filter((c): c is { prompt: PromptRecord; score: number } => c.score !== null)
    .map((c) => ({
      ...c,
      fresh: raised.has(c.prompt.key) ? 0 : 1,
      tieBreak: stableHash(`${ctx.id}:${c.prompt.setId}:${c.prompt.key}`),
    }))
    .sort((a, b) => b.fresh - a.fresh || b.score - a.score || a.tieBreak - b.tieBreak)
    .map((c) => c.prompt);
}

export function selectPrompts(
  prompts: PromptRecord[],
  ctx: OpportunityContext,
  settings: TenantSettings,
  options: { today: string; alreadyRaisedKeys?: Set<string>; limit?: number },
): PromptRecord[] {
  const raised = options.alreadyRaisedKeys ?? new Set<string>();
  const current = prompts.filter((p) => !isExpired(p, options.today));
  let ranked = rank(current, ctx, settings, raised, false);
  if (ranked.length < PANEL_PROMPT_MINIMUM) {
    const exact = new Set(ranked);
    const fillIns = rank(current, ctx, settings, raised, true).filter((p) => !exact.has(p));
    ranked = [...ranked, ...fillIns.slice(0, PANEL_PROMPT_MINIMUM - ranked.length)];
  }
  const picked = new Map<string, PromptRecord>();
  for (const prompt of ranked) if (!picked.has(prompt.key)) picked.set(prompt.key, prompt);
  return [...picked.values()].slice(0, options.limit ?? PANEL_PROMPT_COUNT);
}

export function renderPrompt(prompt: PromptRecord, ctx: OpportunityContext): PromptRecord {
  return {
    ...prompt,
    provocation: fillMergeFields(prompt.provocation, ctx),
    followUp: fillMergeFields(prompt.followUp, ctx),
  };
}
