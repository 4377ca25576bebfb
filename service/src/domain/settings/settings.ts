// Per-tenant settings: industry and stage picklists (orgs customise both) and the scoring weights.
import type { Db, Executor } from '../../storage/database';
import * as repo from '../../storage/repositories/settings';
import { badRequest } from '../../lib/errors';
import { DEFAULT_WEIGHTS, DIMENSIONS, type Weights } from '../scoring/types';

export const PHASES = ['early', 'middle', 'late'] as const;
export type Phase = (typeof PHASES)[number];

/** Salesforce's standard Account Industry picklist values. */
export const DEFAULT_INDUSTRIES = [
  'Agriculture', 'Apparel', 'Banking', 'Biotechnology', 'Chemicals', 'Communications', 'Construction',
  'Consulting', 'Education', 'Electronics', 'Energy', 'Engineering', 'Entertainment', 'Environmental',
  'Finance', 'Food & Beverage', 'Government', 'Healthcare', 'Hospitality', 'Insurance', 'Machinery',
  'Manufacturing', 'Media', 'Not For Profit', 'Recreation', 'Retail', 'Shipping', 'Technology',
  'Telecommunications', 'Transportation', 'Utilities', 'Other',
]; // prettier-ignore

/** Salesforce's standard Opportunity StageName values, each placed in a phase of the deal. */
export const DEFAULT_STAGE_PHASES: Record<string, Phase | 'closed'> = {
  Prospecting: 'early',
  Qualification: 'early',
  'Needs Analysis': 'middle',
  'Value Proposition': 'middle',
  'Id. Decision Makers': 'middle',
  'Perception Analysis': 'middle',
  'Proposal/Price Quote': 'late',
  'Negotiation/Review': 'late',
  'Closed Won': 'closed',
  'Closed Lost': 'closed',
};

export interface TenantSettings {
  industries: string[];
  stagePhases: Record<string, Phase | 'closed'>;
  weights: Weights;
}

export function defaultSettings(): TenantSettings {
  return {
    industries: [...DEFAULT_INDUSTRIES],
    stagePhases: { ...DEFAULT_STAGE_PHASES },
    weights: { ...DEFAULT_WEIGHTS },
  };
}

export async function loadSettings(db: Executor, tenantId: string): Promise<TenantSettings> {
  return settingsFrom(await repo.getSettings(db, tenantId));
}

/** The tenant's stored settings with defaults for what it never set. */
export function settingsFrom(stored: repo.SettingsRecord | undefined): TenantSettings {
  if (!stored) return defaultSettings();
  return {
    industries: stored.industries,
    stagePhases: stored.stagePhases as TenantSettings['stagePhases'],
    weights: { ...DEFAULT_WEIGHTS, ...stored.weights },
  };
}

export function validateWeights(weights: Weights): void {
  const total = DIMENSIONS.reduce((sum, d) => sum + weights[d], 0);
  if (total <= 0) {
    throw badRequest('at least one scoring weight must be above zero', [
      { path: 'weights', message: 'all weights are zero' },
    ]);
  }
}

export async function saveSettings(db: Db, tenantId: string, settings: TenantSettings): Promise<void> {
  validateWeights(settings.weights);
  await repo.putSettings(db, tenantId, settings);
}

export function phaseOfStage(
  settings: TenantSettings,
  stage: string | undefined,
): Phase | 'closed' | undefined {
  if (!stage) return undefined;
  return settings.stagePhases[stage];
}
