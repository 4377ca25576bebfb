// A tenant's settings (stages, industries, scoring weights), as other features see them. The only module other features import;
// vocabulary first, router last: features import each other in cycles, and constants must be ready.
export {
  DEFAULT_INDUSTRIES,
  DEFAULT_STAGE_PHASES,
  PHASES,
  defaultSettings,
  loadSettings,
  phaseOfStage,
  settingsFrom,
} from './settings';
export type { Phase, ScoringSettings, TenantSettings } from './settings';
export { putSettings, toSettingsRecord } from './repository';
export type { SettingsRecord } from './repository';
export { settingsRoutes, tenantSettings } from './router';
