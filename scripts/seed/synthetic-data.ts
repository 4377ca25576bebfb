// A synthetic org at a chosen scale, for load tests and benchmarks: a sales hierarchy (a head of
// sales, a manager per ~10 reps), accounts with several opportunities, and notes whose scores and
// outcomes are related (better conversations win somewhat more often), so every figure has shape.
// Scores are drawn directly, not computed by the scorer: a million notes in minutes, not hours.
// Deterministic for a given seed.
import { randomUUID } from 'node:crypto';
import { DEFAULT_STAGE_PHASES } from '../../service/src/features/settings';
import { REACTIONS } from '../../service/src/features/notes';
import { DIMENSIONS } from '../../service/src/features/scoring';
import { addDays } from '../../service/src/features/analytics';
import { randomSource } from '../../service/src/platform/lib/random';
import type { StoredNotePrompt } from '../../service/src/platform/database/schema';
import type { BulkNote } from './bulk-load';

export const REPS_PER_MANAGER = 10;
export const HISTORY_DAYS = 730;
export const SYNTHETIC_SCORER = 'synthetic';

export interface SyntheticPrompt {
  id: string;
  key: string;
  setId: string;
  version: number;
  title: string;
  industries: string[];
}

export interface SyntheticUser {
  id: string;
  name: string;
  managerId: string | null;
  isActive: boolean;
}

export interface SyntheticOpportunity {
  id: string;
  name: string;
  stage: string;
  amount: number;
  closeDate: string;
  accountName: string;
  industry: string;
  isClosed: boolean;
  isWon: boolean;
  ownerId: string;
}

/** A generated note: a bulk-loadable row whose stage and reactions are always set. */
export interface SyntheticNote extends BulkNote {
  opportunity_stage: string;
  prompts: Array<StoredNotePrompt & { reaction: string }>;
  score: {
    overall: number;
    dimensions: Record<string, number>;
    evidence: [];
    tips: [];
    scorerVersion: string;
  };
}

const OPEN_STAGES = Object.entries(DEFAULT_STAGE_PHASES)
  .filter(([, phase]) => phase !== 'closed')
  .map(([stage]) => stage);
const INDUSTRIES = ['Healthcare', 'Banking', 'Insurance', 'Retail', 'Manufacturing', 'Utilities', 'Technology', 'Education']; // prettier-ignore
const AD_HOC = [
  'New tariffs will squeeze their component margins next year',
  'Tariffs on imported components squeeze margins',
  'Their two largest customers are consolidating suppliers',
  'Nurse turnover is driving agency spend up',
  'The new reporting rules expose supplier emissions data',
  'Rural clinics have the worst claim denial rates',
];
const REDIRECTED_VIEWS = [
  'They care more about nurse turnover than scheduling. Agency spend doubled.',
  'Nurse turnover worries them more. Margins are fine for now.',
  'Their real issue is the ERP migration next spring. Everything else waits.',
  'The ERP migration next spring is what keeps them up. IT has no capacity.',
  'Cash collection is the board topic this year. Growth comes second.',
];
const SUMMARIES = [
  'We raised how payer mix shifts their margins over the next two years.',
  'Status call on the rollout plan and open support tickets.',
  'Together we sketched a pilot for two sites; they proposed the success measure.',
];

const clamp = (v: number) => Math.max(0, Math.min(100, Math.round(v)));
const sfId = (prefix: string, kind: string, n: number) => `${prefix}${kind}${String(n).padStart(11, '0')}AAA`;

export class SyntheticOrg {
  readonly users: SyntheticUser[] = [];
  readonly reps: string[] = [];
  readonly opportunities: SyntheticOpportunity[] = [];
  private readonly random: () => number;
  /** each rep's conversation quality: the centre of their scores */
  private readonly skill = new Map<string, number>();

  constructor(
    counts: { reps: number; opportunities: number },
    private readonly prompts: SyntheticPrompt[],
    private readonly today: string,
    seed = 1,
  ) {
    this.random = randomSource(seed);
    const head = sfId('005', 'H', 0);
    this.users.push({ id: head, name: 'Head of Sales', managerId: null, isActive: true });
    const managers = Math.max(1, Math.ceil(counts.reps / REPS_PER_MANAGER));
    for (let m = 0; m < managers; m += 1) {
      this.users.push({ id: sfId('005', 'M', m), name: `Manager ${m + 1}`, managerId: head, isActive: true });
    }
    for (let r = 0; r < counts.reps; r += 1) {
      const id = sfId('005', 'R', r);
      this.users.push({
        id,
        name: `Rep ${r + 1}`,
        managerId: sfId('005', 'M', r % managers),
        isActive: true,
      });
      this.reps.push(id);
      this.skill.set(id, 35 + this.random() * 40);
    }
    for (let o = 0; o < counts.opportunities; o += 1) this.opportunities.push(this.opportunity(o));
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }

  private opportunity(index: number): SyntheticOpportunity {
    const ownerId = this.pick(this.reps);
    const account = Math.floor(index / 3); // three deals per account on average
    const isClosed = this.random() < 0.4;
    // better conversationalists win more: 20 % at skill 35 up to 60 % at skill 75
    const isWon = isClosed && this.random() < 0.2 + ((this.skill.get(ownerId)! - 35) / 40) * 0.4;
    return {
      id: sfId('006', '0', index),
      name: `Deal ${index + 1}`,
      stage: isClosed ? (isWon ? 'Closed Won' : 'Closed Lost') : this.pick(OPEN_STAGES),
      amount: Math.round(10_000 * Math.exp(this.random() * 4)),
      closeDate: addDays(this.today, Math.floor(this.random() * 360) - 180),
      accountName: `Account ${account + 1}`,
      industry: INDUSTRIES[account % INDUSTRIES.length]!,
      isClosed,
      isWon,
      ownerId,
    };
  }

  /** The next note, on a random opportunity, by its owner, some time in the last two years. */
  note(): SyntheticNote {
    const opportunity = this.pick(this.opportunities);
    const skill = this.skill.get(opportunity.ownerId)!;
    const overallTarget = skill + (this.random() - 0.5) * 40;
    const dimensions = Object.fromEntries(
      DIMENSIONS.map((d) => [d, clamp(overallTarget + (this.random() - 0.5) * 30)]),
    );
    const overall = clamp(DIMENSIONS.reduce((sum, d) => sum + dimensions[d]!, 0) / DIMENSIONS.length);
    const stageLimit = opportunity.isClosed ? OPEN_STAGES.length : OPEN_STAGES.indexOf(opportunity.stage) + 1;
    const prompts = this.raisedPrompts(opportunity.industry);
    const redirected = prompts.some((p) => p.reaction === 'redirected');
    return {
      id: randomUUID(),
      opportunity_id: opportunity.id,
      author_id: opportunity.ownerId,
      occurred_at: addDays(this.today, -Math.floor(this.random() * HISTORY_DAYS)),
      opportunity_stage: OPEN_STAGES[Math.floor(this.random() * stageLimit)]!,
      summary: this.pick(SUMMARIES),
      customer_view: redirected ? this.pick(REDIRECTED_VIEWS) : null,
      prompts,
      score: { overall, dimensions, evidence: [], tips: [], scorerVersion: SYNTHETIC_SCORER },
      overall,
      scorer_version: SYNTHETIC_SCORER,
    };
  }

  private raisedPrompts(industry: string): SyntheticNote['prompts'] {
    const fitting = this.prompts.filter((p) => p.industries.length === 0 || p.industries.includes(industry));
    const pool = fitting.length > 0 ? fitting : this.prompts;
    const raised: SyntheticNote['prompts'] = [];
    const count = pool.length === 0 ? 0 : Math.floor(this.random() * 3); // 0, 1 or 2
    for (let i = 0; i < count; i += 1) {
      const prompt = this.pick(pool);
      raised.push({ promptId: prompt.id, promptKey: prompt.key, setId: prompt.setId, version: prompt.version, title: prompt.title, text: null, reaction: this.reaction() }); // prettier-ignore
    }
    if (this.random() < 0.08) {
      raised.push({ promptId: null, promptKey: null, setId: null, version: null, title: null, text: this.pick(AD_HOC), reaction: this.reaction() }); // prettier-ignore
    }
    return raised;
  }

  private reaction(): string {
    const r = this.random();
    return r < 0.4 ? REACTIONS[0] : r < 0.7 ? REACTIONS[1] : r < 0.85 ? REACTIONS[2] : REACTIONS[3];
  }
}
