// A small org whose every analytics figure can be worked out by hand (see the tests' comments).
// "Today" is pinned to 2026-03-18 (a Wednesday) so weeks, coverage windows and the 90-day account
// history fall the same way on every run.
import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { insertNote, type NotePromptRecord } from '../../service/src/features/notes/repository';
import { upsertOpportunity } from '../../service/src/features/opportunities/repository';
import { upsertUsers } from '../../service/src/features/users/repository';
import type { Db } from '../../service/src/platform/database/database';
import { samplePrompt, type Client } from '../helpers/service';

export const TODAY = '2026-03-18';

/** Fakes only Date: timers, ticks and I/O stay real so the service and databases run normally. */
export function pinToday(): void {
  jest.useFakeTimers({
    now: new Date(`${TODAY}T12:00:00Z`),
    doNotFake: [
      'hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame',
      'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval',
      'clearInterval', 'setTimeout', 'clearTimeout',
    ],
  }); // prettier-ignore
}

export const U = {
  managerA: '005000000000A00AAA',
  a1: '005000000000A01AAA',
  a2: '005000000000A02AAA',
  /** reports to a2: in manager A's hierarchy indirectly */
  a3: '005000000000A03AAA',
  managerB: '005000000000B00AAA',
  b1: '005000000000B01AAA',
  ops: '005000000000S00AAA',
};

export const O = {
  o1: '006000000000001AAA',
  o2: '006000000000002AAA',
  o3: '006000000000003AAA',
  o4: '006000000000004AAA',
  o5: '006000000000005AAA',
  o6: '006000000000006AAA',
  o7: '006000000000007AAA',
};

export const ACME = 'Acme Health';

const dims = (provocation: number, customerView: number, rest: number) => ({
  provocation,
  customerView,
  collaboration: rest,
  businessFocus: rest,
  nextStep: rest,
});
const score = (overall: number, dimensions = dims(overall, overall, overall)) => ({
  overall,
  dimensions,
  scorerVersion: 'fixture',
});

const raise = (promptKey: string, version: number, reaction: string, setId: string): NotePromptRecord => ({
  promptId: null,
  promptKey,
  setId,
  version,
  title: `Prompt ${promptKey}`,
  text: null,
  reaction,
});
const adHoc = (text: string, reaction: string): NotePromptRecord => ({
  promptId: null,
  promptKey: null,
  setId: null,
  version: null,
  title: null,
  text,
  reaction,
});

export interface Fixture {
  setId: string;
  notes: Record<'n1' | 'n2' | 'n3' | 'n4' | 'n5' | 'n6' | 'n7', string>;
}

/** Seven Healthcare prompts (k1…k7) for the middle phase, published as version 1. */
export async function publishPrompts(ops: Client): Promise<string> {
  const keys = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7'];
  const set = await ops.request('POST', '/v1/prompt-sets', {
    name: 'Health',
    prompts: keys.map((k) => samplePrompt(k)),
  });
  await ops.request('POST', `/v1/prompt-sets/${set.body.id}/versions/1/publish`);
  return set.body.id as string;
}

export async function seedFixture(db: Db, tenantId: string, ops: Client): Promise<Fixture> {
  const setId = await publishPrompts(ops);
  await upsertUsers(db, tenantId, [
    { id: U.managerA, name: 'Ann Manager', managerId: null, isActive: true },
    { id: U.a1, name: 'Alex One', managerId: U.managerA, isActive: true },
    { id: U.a2, name: 'Alex Two', managerId: U.managerA, isActive: true },
    { id: U.a3, name: 'Alex Three', managerId: U.a2, isActive: true },
    { id: U.managerB, name: 'Bea Manager', managerId: null, isActive: true },
    { id: U.b1, name: 'Ben One', managerId: U.managerB, isActive: true },
    { id: U.ops, name: 'Sam Ops', managerId: null, isActive: true },
  ]);
  const opp = (id: string, ownerId: string, stage: string, more: Record<string, unknown>) =>
    upsertOpportunity(db, tenantId, { id, ownerId, stage, name: `Deal ${id.slice(-6, -3)}`, ...more });
  const open = (industry: string, accountName: string, amount: number) => ({
    isClosed: false,
    industry,
    accountName,
    amount,
  });
  const closed = (isWon: boolean, industry: string, accountName: string) => ({
    isClosed: true,
    isWon,
    industry,
    accountName,
  });
  await opp(O.o1, U.a1, 'Needs Analysis', open('Healthcare', ACME, 100));
  await opp(O.o2, U.a2, 'Prospecting', open('Healthcare', ACME, 300));
  await opp(O.o3, U.a1, 'Closed Won', closed(true, 'Banking', 'Bank A'));
  await opp(O.o4, U.a2, 'Closed Lost', closed(false, 'Banking', 'Bank B'));
  await opp(O.o5, U.b1, 'Qualification', open('Retail', 'Shop', 500));
  await opp(O.o6, U.b1, 'Closed Won', closed(true, 'Retail', 'Shop'));
  await opp(O.o7, U.a3, 'Negotiation/Review', open('Healthcare', 'Clinic', 200));

  const note = async (
    authorId: string,
    opportunityId: string,
    occurredAt: string,
    opportunityStage: string,
    prompts: NotePromptRecord[],
    stored: ReturnType<typeof score> | null,
    customerView: string | null = null,
  ) => {
    const id = randomUUID();
    await insertNote(
      db,
      tenantId,
      id,
      {
        opportunityId, authorId, occurredAt, opportunityStage, prompts, summary: 'We talked.', customerView,
        ideas: null, nextStep: null, nextStepDate: null,
      }, // prettier-ignore
      stored,
    );
    return id;
  };
  const notes = {
    n1: await note(
      U.a1,
      O.o1,
      '2026-03-16',
      'Prospecting',
      [raise('k1', 1, 'new_to_them', setId)],
      score(80, dims(90, 70, 80)),
    ),
    n2: await note(
      U.a1,
      O.o3,
      '2026-03-08',
      'Needs Analysis',
      [raise('k1', 1, 'already_addressing', setId)],
      score(60),
    ),
    n3: await note(
      U.a2, O.o2, '2026-02-06', 'Prospecting',
      [raise('k2', 1, 'dismissed', setId), adHoc('Tariffs will squeeze their margins', 'redirected')],
      score(30), 'They care more about nurse turnover. Budget is frozen.',
    ), // prettier-ignore
    n4: await note(
      U.a2, O.o4, '2026-03-13', 'Needs Analysis', [raise('k1', 2, 'redirected', setId)], score(45),
      'Nurse turnover worries them more. Margins are fine.',
    ), // prettier-ignore
    n5: await note(
      U.a3,
      O.o4,
      '2026-03-13',
      'Needs Analysis',
      [adHoc('New tariffs squeeze margins', 'new_to_them')],
      null,
    ),
    n6: await note(
      U.b1,
      O.o5,
      '2026-03-15',
      'Qualification',
      [raise('k1', 2, 'new_to_them', setId)],
      score(90),
    ),
    n7: await note(
      U.b1,
      O.o6,
      '2026-02-26',
      'Needs Analysis',
      [raise('k2', 1, 'new_to_them', setId)],
      score(70),
    ),
  };
  return { setId, notes };
}
