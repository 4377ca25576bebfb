// Calls every Apex route of the package against the real service (demo tenant on PGlite), the way the
// controllers build their requests (the preview's mapping of apex-routes.json), and keeps each answer.
// The typed response classes are checked against these answers.
import { startTestService, type Role } from '../helpers/service';
import {
  DEMO_MANAGER_ID,
  DEMO_OPPORTUNITIES,
  DEMO_REPS,
  DEMO_SALES_OPS_ID,
  ensureDemoTenant,
} from '../../service/src/features/demo';
import {
  fromServiceResponse,
  loadApexRoutes,
  toServiceRequest,
} from '../../scripts/preview/server/apex-mapping';

export type ServiceAnswers = Record<string, unknown[]>;

const ACTORS: Record<Role, string> = {
  rep: DEMO_REPS[0]!,
  salesops: DEMO_SALES_OPS_ID,
  manager: DEMO_MANAGER_ID,
};
const OPPORTUNITY = DEMO_OPPORTUNITIES[0]!;
const DAY = 86400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

const NOTE = {
  occurredAt: isoDay(0),
  summary:
    'I raised how self-scheduling shifts patient volume away from systems that route everything through the call centre.',
  customerView: 'Dana said the call centre is losing staff faster than they can hire.',
  ideas: 'Together we sketched a pilot for two clinics.',
  nextStep: 'Dana brings the no-show data to a working session.',
  nextStepDate: isoDay(7),
  prompts: [{ text: 'What if the portal owned scheduling?', reaction: 'redirected' }],
};

const PROMPT = {
  key: 'staffing',
  title: 'Staffing pressure',
  provocation: 'What happens to {Account.Name} when agency spend is cut?',
  followUp: 'What are you already doing about it?',
  rationale: 'Hiring lags attrition.',
  source: 'Practitioner observation',
  expiresOn: isoDay(365),
  targeting: {
    industries: ['Healthcare'],
    phases: ['middle'],
    stages: ['Needs Analysis'],
    amountMin: 1000,
    amountMax: 5000000,
    recordTypes: ['New Business'],
  },
};

/** Starts the service, seeds the demo tenant and answers every route at least once. */
export async function collectServiceAnswers(): Promise<ServiceAnswers> {
  const service = await startTestService('pglite');
  try {
    const demo = await ensureDemoTenant(service.db);
    const routes = loadApexRoutes();
    const readContext = (id: string) => DEMO_OPPORTUNITIES.find((o) => o.id === id);
    const answers: ServiceAnswers = {};
    const call = async (name: string, role: Role, params: Record<string, unknown>): Promise<any> => {
      const route = routes[name];
      if (!route) throw new Error(`${name} is not in apex-routes.json`);
      const request = toServiceRequest(route, params, readContext);
      const response = await fetch(`${service.url}${request.url}`, {
        method: request.method,
        headers: {
          ...request.headers,
          authorization: `Bearer ${demo.apiKey}`,
          'x-actor-id': ACTORS[role],
          'x-actor-role': role,
        },
        body: request.body,
      });
      const answer = fromServiceResponse(response.status, await response.text(), route);
      (answers[name] ??= []).push(answer);
      return answer;
    };

    // the rep's panel, coach and notes
    await call('scoreDraft', 'rep', { opportunityId: OPPORTUNITY.id, note: NOTE });
    // a note kept (its redirect reaches the inside view and the brief) and one changed, then deleted
    const panel = await call('getPanel', 'rep', { opportunityId: OPPORTUNITY.id });
    const [first, second] = panel.prompts as { id: string }[];
    await call('saveNote', 'rep', {
      opportunityId: OPPORTUNITY.id,
      note: {
        ...NOTE,
        prompts: [
          ...NOTE.prompts,
          { promptId: first!.id, reaction: 'dismissed' },
          { promptId: second!.id, reaction: 'redirected' },
        ],
      },
      idempotencyKey: '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
    });
    const saved = await call('saveNote', 'rep', {
      opportunityId: OPPORTUNITY.id,
      note: NOTE,
      idempotencyKey: null,
    });
    await call('updateNote', 'rep', {
      opportunityId: OPPORTUNITY.id,
      noteId: saved.id,
      patch: { nextStep: 'Dana and her IT lead join a working session on the pilot outline.' },
    });
    await call('getNotes', 'rep', { opportunityId: OPPORTUNITY.id, cursor: null });
    await call('deleteNote', 'rep', { opportunityId: OPPORTUNITY.id, noteId: saved.id });

    // the account's memory
    const insideView = await call('getInsideView', 'rep', { accountId: OPPORTUNITY.accountId });
    await call('updateInsideViewEntry', 'rep', {
      accountId: OPPORTUNITY.accountId,
      entryId: insideView.items[0].id,
      change: { outdated: true, correction: 'Agency spend is already frozen.' },
    });
    await call('getBrief', 'rep', { opportunityId: OPPORTUNITY.id });

    // sales ops: prompt sets and settings
    const created = await call('createPromptSet', 'salesops', {
      promptSet: { name: 'Healthcare staffing', description: 'Provocations on staffing', prompts: [PROMPT] },
    });
    const sets = await call('listPromptSets', 'salesops', {});
    const setId = created.id ?? sets.items[0].id;
    await call('getPromptSetVersion', 'salesops', { setId, version: 1 });
    await call('saveDraft', 'salesops', {
      setId,
      version: 1,
      draft: { name: 'Healthcare staffing', prompts: [PROMPT] },
    });
    await call('publishVersion', 'salesops', { setId, version: 1 });
    await call('createDraftVersion', 'salesops', { setId });
    await call('retireVersion', 'salesops', { setId, version: 1 });
    const exported = await call('exportPromptSet', 'salesops', { setId, version: 1, format: 'json' });
    await call('importPromptSet', 'salesops', { format: 'json', content: exported, setId: null });
    await call('previewPrompts', 'salesops', {
      context: { id: OPPORTUNITY.id, stage: 'Needs Analysis', industry: 'Healthcare', amount: 250000 },
    });
    // a draft previewed, a candidate promoted into it, and the retired version brought back
    const context = { id: OPPORTUNITY.id, stage: 'Needs Analysis', industry: 'Healthcare', amount: 250000 };
    await call('previewVersion', 'salesops', { setId, version: 2, context });
    await call('promoteCandidate', 'salesops', {
      setId,
      candidate: { kind: 'adhoc', text: NOTE.prompts[0]!.text },
    });
    await call('publishVersion', 'salesops', { setId, version: 2 });
    await call('republishVersion', 'salesops', { setId, version: 1 });
    await call('getSettings', 'salesops', {});
    await call('saveSettings', 'salesops', {
      settings: {
        weights: { provocation: 2, customerView: 1, collaboration: 1, businessFocus: 1, nextStep: 1 },
      },
    });
    const job = await call('startRescore', 'salesops', {});
    await call('getJob', 'salesops', { jobId: job.id });

    // managers: analytics
    await call('getDashboard', 'manager', { query: { days: 7, bucket: 'week' } });
    await call('getDashboard', 'salesops', { query: { range: 'all', bucket: 'month', days: 365 } });
    await call('getPromptEffectiveness', 'salesops', { query: {} });
    await call('getDrilldown', 'manager', { query: { opportunityId: OPPORTUNITY.id } });
    for (const band of ['0-39', '40-59', '60-79', '80-100'])
      await call('getBandDeals', 'salesops', { query: { band } });
    return answers;
  } finally {
    await service.close();
  }
}
