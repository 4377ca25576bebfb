import { runAnalyticsBench } from './analytics';
import { runHttpBench } from './http';
import { runScaleOutBench } from './scale-out';
import { runSalesforceBench } from './salesforce';
import { runScoringBench } from './scoring';

// Each bench part returns its figures under the keys DESIGN.md lists (e.g. "scoring.notesPerSecond").
export type BenchFigures = Record<string, number>;
export type BenchPart = () => Promise<BenchFigures>;

export const benchParts: Record<string, BenchPart> = {
  scoring: runScoringBench,
  http: runHttpBench,
  salesforce: runSalesforceBench,
  analytics: runAnalyticsBench,
  /** also part of http; alone, a quick look at one and two instances */
  scaleOut: runScaleOutBench,
};
