// A prompt as sales ops write it: what it says and whom it targets.
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
