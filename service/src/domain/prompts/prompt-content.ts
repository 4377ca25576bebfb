import type { PromptContent } from '../../storage/repositories/prompt-sets';

/** A prompt's content without its identity (id, set, version): what moves between versions and files. */
export function promptContent(prompt: PromptContent): PromptContent {
  const { key, title, provocation, followUp, rationale, source, expiresOn, targeting } = prompt;
  return { key, title, provocation, followUp, rationale, source, expiresOn, targeting };
}
