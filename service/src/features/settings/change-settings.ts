// Sales ops change a tenant's settings; new scoring weights rescore every stored note.
import type { Db } from '../../platform/database/database';
import type { BackgroundWork } from '../../platform/background-work';
import { startRescore } from '../jobs';
import { DIMENSIONS } from '../scoring';
import { updateSettings, type SettingsValues, type TenantSettings } from './settings';

export async function changeSettings(
  db: Db,
  background: BackgroundWork,
  tenantId: string,
  patch: Partial<SettingsValues>,
  ifMatch?: number[],
): Promise<TenantSettings> {
  const { previous, settings } = await updateSettings(db, tenantId, patch, ifMatch);
  const weightsChanged = DIMENSIONS.some((d) => previous.weights[d] !== settings.weights[d]);
  if (weightsChanged) await startRescore(db, background, tenantId, settings.version);
  return settings;
}
