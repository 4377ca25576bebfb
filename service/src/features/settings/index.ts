// A tenant's settings (stages, industries, scoring weights), as other features see them. The only module other features import;
// vocabulary first, router last: features import each other in cycles, and constants must be ready.
export {
  DEAL_SIZES,
  DEFAULT_AMOUNT_BANDS,
  DEFAULT_INDUSTRIES,
  DEFAULT_STAGE_PHASES,
  PHASES,
  defaultSettings,
  loadSettings,
  dealSize,
  phaseOfStage,
  settingsFrom,
} from './settings';
export type { AmountBands, DealSize, Phase, ScoringSettings, TenantSettings } from './settings';
export { putSettings, toSettingsRecord } from './repository';
export type { SettingsRecord } from './repository';
export { settingsRoutes } from './router';
