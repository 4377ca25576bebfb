// Picks the prompts an opportunity should see: published, unexpired, targeted at its industry,
// phase/stage, size, amount and record type, with a value for every merge field they need; ranked
// by how specifically they target it; stable for the same input, and prompts the deal or its
// account already heard go to the back. Prompts with no industry are the cross-industry set: they
// serve every account, and are all an account in an industry the library does not cover gets.
import { stableHash } from '../../platform/lib/stable-hash';
import type { PromptRecord } from './repository';
import type { OpportunityContext } from '../opportunities';
import { dealSize, phaseOfStage, type TenantSettings } from '../settings';
import { fillMergeFields, missingMergeFields } from './merge-fields';

export const PANEL_PROMPT_COUNT = 5;
/** Below this many exact matches, prompts for the same industry at another phase fill the panel. */
export const PANEL_PROMPT_MINIMUM = 3;
/**
 * A prompt fits well when it matches the deal's phase or stage and scores within this much of the
 * best match: the panel shows every prompt that fits well, up to five, and never fewer than three.
 */
export const WELL_FITTING_MARGIN = 1;

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
  const sizes = t.sizes ?? [];
  if (sizes.length > 0) {
    const size = dealSize(settings, ctx.amount);
    if (!size || !sizes.includes(size)) return null;
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

interface Candidate {
  prompt: PromptRecord;
  score: number;
}

function candidates(
  prompts: PromptRecord[],
  ctx: OpportunityContext,
  settings: TenantSettings,
  ignorePhase: boolean,
): Candidate[] {
  return prompts
    .map((prompt) => ({ prompt, score: targetingScore(prompt, ctx, settings, ignorePhase) }))
    .filter((c): c is Candidate => c.score !== null);
}

function rank(list: Candidate[], ctx: OpportunityContext, raised: Set<string>): Candidate[] {
  return list
    .map((c) => ({
      ...c,
      fresh: raised.has(c.prompt.key) ? 0 : 1,
      tieBreak: stableHash(`${ctx.id}:${c.prompt.setId}:${c.prompt.key}`),
    }))
    .sort((a, b) => b.fresh - a.fresh || b.score - a.score || a.tieBreak - b.tieBreak);
}

/**
 * How many prompts the panel shows: those that fit well, at least the minimum, at most the limit.
 * `exact` holds the prompts that match the deal's phase or stage, not the fill-ins.
 */
function panelSize(exact: Candidate[], limit: number): number {
  const best = Math.max(...exact.map((c) => c.score));
  const wellFitting = new Set(
    exact.filter((c) => c.score >= best - WELL_FITTING_MARGIN).map((c) => c.prompt.key),
  ).size;
  return Math.min(limit, Math.max(PANEL_PROMPT_MINIMUM, wellFitting));
}

export function selectPrompts(
  prompts: PromptRecord[],
  ctx: OpportunityContext,
  settings: TenantSettings,
  options: { today: string; alreadyRaisedKeys?: Set<string>; limit?: number },
): PromptRecord[] {
  const raised = options.alreadyRaisedKeys ?? new Set<string>();
  const showable = prompts.filter(
    (p) =>
      !isExpired(p, options.today) &&
      missingMergeFields(ctx, p.title, p.provocation, p.followUp).length === 0,
  );
  const exact = candidates(showable, ctx, settings, false);
  let ranked = rank(exact, ctx, raised);
  if (ranked.length < PANEL_PROMPT_MINIMUM) {
    const matched = new Set(ranked.map((c) => c.prompt));
    const fillIns = rank(candidates(showable, ctx, settings, true), ctx, raised).filter(
      (c) => !matched.has(c.prompt),
    );
    ranked = [...ranked, ...fillIns.slice(0, PANEL_PROMPT_MINIMUM - ranked.length)];
  }
  const picked = new Map<string, PromptRecord>();
  for (const { prompt } of ranked) if (!picked.has(prompt.key)) picked.set(prompt.key, prompt);
  return [...picked.values()].slice(0, panelSize(exact, options.limit ?? PANEL_PROMPT_COUNT));
}

export function renderPrompt(prompt: PromptRecord, ctx: OpportunityContext): PromptRecord {
  return {
    ...prompt,
    title: fillMergeFields(prompt.title, ctx),
    provocation: fillMergeFields(prompt.provocation, ctx),
    followUp: fillMergeFields(prompt.followUp, ctx),
  };
}
