// The library that ships with the product, installed into each new tenant as a published set.
import type { Executor } from '../../platform/database/database';
import type { PromptContent } from './prompt-content';
import library from './default-library.json';
import { createSet } from './prompt-sets';

export const defaultLibrary = library as { name: string; description: string; prompts: PromptContent[] };

export async function installDefaultLibrary(tx: Executor, tenantId: string): Promise<void> {
  const system = { tenantId, userId: 'system', role: 'salesops' as const };
  await createSet(tx, system, defaultLibrary, 'published');
}
