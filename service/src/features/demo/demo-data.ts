// The demo org's people and its hand-written deals and conversations: the ones the docs, the browser
// tests and a first look at the preview rely on. The rest of its history is generated (demo-history.ts).
// Names are invented.
import type { Reaction } from '../notes';
import type { OpportunityContext } from '../opportunities';
import notes from './demo-notes.json';

export const DEMO_SLUG = 'demo';
/** the head of sales: every rep reports here, directly or through the second manager */
export const DEMO_MANAGER_ID = '005000000000000AAA';
export const DEMO_SECOND_MANAGER_ID = '005000000000010AAA';
export const DEMO_MANAGERS = [DEMO_MANAGER_ID, DEMO_SECOND_MANAGER_ID];
export const DEMO_REPS = [
  '005000000000001AAA', '005000000000002AAA', '005000000000003AAA', '005000000000004AAA',
  '005000000000005AAA', '005000000000006AAA', '005000000000007AAA', '005000000000008AAA',
]; // prettier-ignore
export const DEMO_SALES_OPS_ID = '005000000000009AAA';

const user = (id: string, name: string, managerId: string | null) => ({
  id,
  name,
  managerId,
  isActive: true,
});

export const DEMO_USERS = [
  user(DEMO_MANAGER_ID, 'Morgan Ellis', null),
  user(DEMO_SECOND_MANAGER_ID, 'Priya Nair', DEMO_MANAGER_ID),
  user(DEMO_REPS[0]!, 'Avery Chen', DEMO_MANAGER_ID),
  user(DEMO_REPS[1]!, 'Jordan Patel', DEMO_MANAGER_ID),
  user(DEMO_REPS[2]!, 'Riley Okafor', DEMO_MANAGER_ID),
  user(DEMO_REPS[3]!, 'Taylor Brooks', DEMO_MANAGER_ID),
  user(DEMO_REPS[4]!, 'Sofia Martins', DEMO_SECOND_MANAGER_ID),
  user(DEMO_REPS[5]!, 'Kenji Watanabe', DEMO_SECOND_MANAGER_ID),
  user(DEMO_REPS[6]!, 'Lena Fischer', DEMO_SECOND_MANAGER_ID),
  user(DEMO_REPS[7]!, 'Marcus Reid', DEMO_SECOND_MANAGER_ID),
  user(DEMO_SALES_OPS_ID, 'Sam Rivera', null),
];

/** A hand-written deal: its context less the close date, which is set relative to the day of seeding. */
export type HandWrittenDeal = Omit<OpportunityContext, 'closeDate'> & { closeInDays: number };

export const HAND_WRITTEN_DEALS: HandWrittenDeal[] = [
  { id: '006000000000001AAA', name: 'St. Agnes Health – Patient Access', stage: 'Needs Analysis', amount: 250000, closeInDays: 118, recordType: 'New Business', accountName: 'St. Agnes Health', accountId: '001000000000001AAA', industry: 'Healthcare', isClosed: false, isWon: false, ownerId: DEMO_REPS[0] },
  { id: '006000000000002AAA', name: 'Harbor Mutual – Claims Modernisation', stage: 'Prospecting', amount: 480000, closeInDays: 209, recordType: 'New Business', accountName: 'Harbor Mutual Insurance', accountId: '001000000000002AAA', industry: 'Insurance', isClosed: false, isWon: false, ownerId: DEMO_REPS[1] },
  { id: '006000000000003AAA', name: 'Northfield Bank – Payments Hub', stage: 'Proposal/Price Quote', amount: 900000, closeInDays: 59, recordType: 'New Business', accountName: 'Northfield Bank', accountId: '001000000000003AAA', industry: 'Banking', isClosed: false, isWon: false, ownerId: DEMO_REPS[0] },
  { id: '006000000000004AAA', name: 'Keller Components – Plant Analytics', stage: 'Qualification', amount: 120000, closeInDays: 133, recordType: 'Expansion', accountName: 'Keller Components', accountId: '001000000000004AAA', industry: 'Manufacturing', isClosed: false, isWon: false, ownerId: DEMO_REPS[2] },
  { id: '006000000000005AAA', name: 'Brightline Grocers – Store Ops', stage: 'Closed Won', amount: 310000, closeInDays: -34, recordType: 'New Business', accountName: 'Brightline Grocers', accountId: '001000000000005AAA', industry: 'Retail', isClosed: true, isWon: true, ownerId: DEMO_REPS[1] },
  { id: '006000000000006AAA', name: 'Cascade Power – Field Service', stage: 'Closed Lost', amount: 560000, closeInDays: -64, recordType: 'New Business', accountName: 'Cascade Power & Light', accountId: '001000000000006AAA', industry: 'Utilities', isClosed: true, isWon: false, ownerId: DEMO_REPS[2] },
  { id: '006000000000007AAA', name: 'Westbrook University – Student Success', stage: 'Value Proposition', amount: 95000, closeInDays: 87, recordType: 'New Business', accountName: 'Westbrook University', accountId: '001000000000007AAA', industry: 'Education', isClosed: false, isWon: false, ownerId: DEMO_REPS[2] },
]; // prettier-ignore

export interface DemoNote {
  opportunityId: string;
  authorId: string;
  daysAgo: number;
  /** the deal's stage at the time, when it differs from the deal's stage now */
  stage?: string;
  /** library prompts raised, by key; one the library no longer has is left out */
  library: Array<{ key: string; reaction: Reaction }>;
  adHoc?: { text: string; reaction: Reaction };
  summary: string;
  customerView?: string;
  ideas?: string;
  nextStep?: string;
  nextStepInDays?: number;
}

/** The hand-written conversations, kept as data: prose, each by a rep of DEMO_REPS on a deal above. */
export const DEMO_NOTES = notes as DemoNote[];
