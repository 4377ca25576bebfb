// Which prompts pay off: per prompt (and per version) how often it was raised, how customers
// reacted, whether deals moved forward afterwards, and the win rate of closed deals where it was
// raised against those where it was not — plus reps' own provocations and the issues customers
// redirected them to, grouped, as candidates for new prompts.
import type { Db } from '../../platform/database/database';
import { adHocTexts, redirectedIssues } from './read-models/candidates';
import { promotionFinder, type Promotion } from './candidates';
import {
  type PromptFilters,
  type PromptTallies,
  closedDeals,
  promptTallies,
} from './read-models/prompt-effectiveness';
import type { Actor } from '../../platform/actor';
import { latestPromptTitles } from '../prompt-sets';
import { loadSettings, type Phase } from '../settings';
import { scopeOf } from './scope';
import { groupSimilar } from './similarity';
import { stageRanks } from './stage-order';
import { winRate, type RateWithInterval } from './wilson';

export const CANDIDATE_LIMIT = 30;

export interface PromptQuery {
  industry?: string;
  phase?: Phase;
  setId?: string;
}

interface Effectiveness {
  timesRaised: number;
  reactions: PromptTallies['reactions'];
  progressed: number;
  progressedShare: number | null;
  winRate: RateWithInterval;
  baseline: RateWithInterval;
}

export interface PromptEffectiveness {
  items: Array<
    Effectiveness & {
      promptKey: string;
      title: string;
      versions: Array<Effectiveness & { setId: string | null; version: number | null }>;
    }
  >;
  candidates: Array<{
    text: string;
    count: number;
    kind: 'adhoc' | 'redirected';
    promotion: Promotion | null;
  }>;
  population: RateWithInterval;
}

/** Figures for one row; the baseline is the rest of the closed deals in scope. */
export function effectivenessOf(
  tallies: PromptTallies,
  population: { closed: number; won: number },
): Effectiveness {
  return {
    timesRaised: tallies.timesRaised,
    reactions: tallies.reactions,
    progressed: tallies.progressed,
    progressedShare: tallies.timesRaised > 0 ? tallies.progressed / tallies.timesRaised : null,
    winRate: winRate(tallies.won, tallies.closed),
    baseline: winRate(population.won - tallies.won, population.closed - tallies.closed),
  };
}

export async function loadPromptEffectiveness(
  db: Db,
  actor: Actor,
  query: PromptQuery,
): Promise<PromptEffectiveness> {
  const [scope, settings] = await Promise.all([scopeOf(db, actor), loadSettings(db, actor.tenantId)]);
  const filters: PromptFilters = {
    industry: query.industry,
    setId: query.setId,
    stages:
      query.phase === undefined
        ? undefined
        : Object.entries(settings.stagePhases)
            .filter(([, phase]) => phase === query.phase)
            .map(([stage]) => stage),
    // the per-phase aggregates follow the stored map; defaults are not stored
    phase: settings.version > 0 ? query.phase : undefined,
  };
  const [tallies, population, titles, adHoc, redirected, promotionOf] = await Promise.all([
    promptTallies(db, scope, filters, stageRanks(settings)),
    closedDeals(db, scope, query.industry),
    latestPromptTitles(db, actor.tenantId),
    adHocTexts(db, scope, filters),
    redirectedIssues(db, scope, filters),
    promotionFinder(db, actor.tenantId),
  ]);

  const items = tallies
    .filter((t) => t.total)
    .map((total) => ({
      promptKey: total.promptKey,
      title: titles.get(total.promptKey) ?? total.promptKey,
      ...effectivenessOf(total, population),
      versions: tallies
        .filter((t) => !t.total && t.promptKey === total.promptKey)
        .map((t) => ({ setId: t.setId, version: t.version, ...effectivenessOf(t, population) }))
        .sort((a, b) => (a.version ?? 0) - (b.version ?? 0)),
    }))
    .sort((a, b) => b.timesRaised - a.timesRaised || a.promptKey.localeCompare(b.promptKey));

  const candidates = [
    ...groupSimilar(adHoc).map((c) => ({ ...c, kind: 'adhoc' as const })),
    ...groupSimilar(redirected).map((c) => ({ ...c, kind: 'redirected' as const })),
  ]
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
    .slice(0, CANDIDATE_LIMIT)
    .map((c) => ({ ...c, promotion: promotionOf(c.kind, c.text) }));

  return { items, candidates, population: winRate(population.won, population.closed) };
}
