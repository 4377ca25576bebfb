// A prompt as sales ops write it: what it says and whom it targets.
import type { ErrorDetail } from '../../platform/lib/errors';
import { unknownMergeFields } from './merge-fields';
import type { DealSize } from '../settings';

export interface PromptTargeting {
  industries: string[];
  phases: string[];
  stages: string[];
  amountMin: number | null;
  amountMax: number | null;
  /** deal sizes by the tenant's amount bands; absent in versions stored before sizes existed */
  sizes?: DealSize[];
  recordTypes: string[];
}

export interface PromptContent {
  key: string;
  title: string;
  provocation: string;
  followUp: string;
  rationale: string;
  source: string;
  expiresOn: string | null;
  targeting: PromptTargeting;
}

/** A prompt's content without its identity (id, set, version): what moves between versions and files. */
export function promptContent(prompt: PromptContent): PromptContent {
  const { key, title, provocation, followUp, rationale, source, expiresOn, targeting } = prompt;
  return { key, title, provocation, followUp, rationale, source, expiresOn, targeting };
}

/** What is wrong across a version's prompts (duplicate keys, unknown merge fields, amount ranges),
 * each with its path below the list (`3.key`). */
export function promptProblems(prompts: PromptContent[]): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  prompts.forEach((p, i) => {
    if (seen.has(p.key)) details.push({ path: `${i}.key`, message: `duplicate key "${p.key}"` });
    seen.add(p.key);
    for (const field of ['provocation', 'followUp'] as const) {
      const unknown = unknownMergeFields(p[field]);
      if (unknown.length > 0) {
        details.push({ path: `${i}.${field}`, message: `unknown merge field(s): ${unknown.join(', ')}` });
      }
    }
    const { amountMin, amountMax } = p.targeting;
    if (amountMin !== null && amountMax !== null && amountMin > amountMax) {
      details.push({ path: `${i}.targeting.amountMin`, message: 'amountMin is above amountMax' });
    }
  });
  return details;
}
