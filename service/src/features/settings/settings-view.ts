// The settings as the API shows them: with the rescore job a weight change started, while it runs.
import type { Db } from '../../platform/database/database';
import { activeRescore } from '../jobs';
import { loadSettings, type TenantSettings } from './settings';

export async function settingsView(db: Db, tenantId: string, known?: TenantSettings) {
  const [settings, rescore] = await Promise.all([
    known ?? loadSettings(db, tenantId),
    activeRescore(db, tenantId),
  ]);
  return { ...settings, rescore: rescore ?? null };
}
