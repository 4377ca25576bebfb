// Per-tenant settings: industry and stage picklists (orgs customise both) and the scoring weights.
import type { Db, Executor } from '../../platform/database/database';
import * as repo from './repository';
import { forgetTenant } from '../../platform/key-lookup-cache';
import { badRequest, preconditionFailed } from '../../platform/lib/errors';
import { DEFAULT_WEIGHTS, DIMENSIONS, type Weights } from '../scoring';

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

/** How many months an inside-view entry stays current unless the tenant says otherwise. */
export const DEFAULT_INSIDE_VIEW_STALE_MONTHS = 12;

export interface SettingsValues {
  industries: string[];
  stagePhases: Record<string, Phase | 'closed'>;
  weights: Weights;
  /** an inside-view entry older than this many months is marked stale */
  insideViewStaleMonths: number;
}

export interface TenantSettings extends SettingsValues {
  /** bumped by every change; 0 for a tenant that never stored settings */
  version: number;
}

/** What a score depends on: the weights, and the settings version they come from. */
export type ScoringSettings = Pick<TenantSettings, 'weights' | 'version'>;

export function defaultSettings(): TenantSettings {
  return {
    industries: [...DEFAULT_INDUSTRIES],
    stagePhases: { ...DEFAULT_STAGE_PHASES },
    weights: { ...DEFAULT_WEIGHTS },
    insideViewStaleMonths: DEFAULT_INSIDE_VIEW_STALE_MONTHS,
    version: 0,
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
    insideViewStaleMonths: stored.insideViewStaleMonths,
    version: stored.version,
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

/**
 * Applies a change to the settings as they are when it commits: the row is locked from the read
 * to the write, so concurrent changes of different fields all land. With `ifMatch` (the versions the
 * caller read), a change made since is a 412 instead.
 */
export async function updateSettings(
  db: Db,
  tenantId: string,
  patch: Partial<SettingsValues>,
  ifMatch?: number[],
): Promise<{ previous: TenantSettings; settings: TenantSettings }> {
  const result = await db.transaction().execute(async (tx) => {
    // a tenant that never stored settings has the defaults as version 0; lock them as a row too
    await repo.insertSettingsIfMissing(tx, tenantId, defaultSettings());
    const previous = settingsFrom(await repo.getSettings(tx, tenantId, { forUpdate: true }));
    if (ifMatch && !ifMatch.includes(previous.version)) {
      throw preconditionFailed(
        `the settings changed since you read them (now version ${previous.version}): read them again and reapply your change`,
      );
    }
    const next = { ...previous, ...patch };
    validateWeights(next.weights);
    const version = await repo.putSettings(tx, tenantId, next);
    return { previous, settings: { ...next, version } };
  });
  // the lookup cache may have read the old settings while the transaction was open
  forgetTenant(tenantId);
  return result;
}

export function phaseOfStage(
  settings: TenantSettings,
  stage: string | undefined,
): Phase | 'closed' | undefined {
  if (!stage) return undefined;
  return settings.stagePhases[stage];
}
