// Whether a deal moved forward after a prompt was raised. Settings map each stage to a phase but
// are stored as JSON objects whose key order the database does not keep, so the order is: phase
// first (early → middle → late), then Salesforce's standard stage order within a phase; a custom
// stage ranks first within its phase.
import { DEFAULT_STAGE_PHASES, PHASES, type TenantSettings } from '../settings';

const STANDARD_ORDER = Object.keys(DEFAULT_STAGE_PHASES);
const PER_PHASE = 100;

/** Rank of each open stage the tenant uses. Closed stages are left out: a win counts as progress
 * on its own, a loss never does. A deal progressed when its current rank exceeds its rank then. */
export function stageRanks(settings: TenantSettings): Record<string, number> {
  const ranks: Record<string, number> = {};
  for (const [stage, phase] of Object.entries(settings.stagePhases)) {
    const phaseIndex = PHASES.indexOf(phase as (typeof PHASES)[number]);
    if (phaseIndex < 0) continue;
    ranks[stage] = phaseIndex * PER_PHASE + STANDARD_ORDER.indexOf(stage) + 1;
  }
  return ranks;
}
