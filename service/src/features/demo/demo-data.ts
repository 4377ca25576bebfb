// The demo org: a handful of opportunities across industries and stages, and conversations logged
// on them by three reps. Names are invented.
import type { Reaction } from '../notes';
import type { OpportunityContext } from '../opportunities';

export const DEMO_SLUG = 'demo';
export const DEMO_MANAGER_ID = '005000000000000AAA';
export const DEMO_REPS = ['005000000000001AAA', '005000000000002AAA', '005000000000003AAA'];
export const DEMO_SALES_OPS_ID = '005000000000009AAA';

export const DEMO_USERS = [
  { id: DEMO_MANAGER_ID, name: 'Morgan Ellis', managerId: null, isActive: true },
  { id: DEMO_REPS[0]!, name: 'Avery Chen', managerId: DEMO_MANAGER_ID, isActive: true },
  { id: DEMO_REPS[1]!, name: 'Jordan Patel', managerId: DEMO_MANAGER_ID, isActive: true },
  { id: DEMO_REPS[2]!, name: 'Riley Okafor', managerId: DEMO_MANAGER_ID, isActive: true },
  { id: DEMO_SALES_OPS_ID, name: 'Sam Rivera', managerId: null, isActive: true },
];

export const DEMO_OPPORTUNITIES: OpportunityContext[] = [
  { id: '006000000000001AAA', name: 'St. Agnes Health – Patient Access', stage: 'Needs Analysis', amount: 250000, closeDate: '2027-03-31', recordType: 'New Business', accountName: 'St. Agnes Health', industry: 'Healthcare', isClosed: false, isWon: false, ownerId: DEMO_REPS[0] },
  { id: '006000000000002AAA', name: 'Harbor Mutual – Claims Modernisation', stage: 'Prospecting', amount: 480000, closeDate: '2027-06-30', recordType: 'New Business', accountName: 'Harbor Mutual Insurance', industry: 'Insurance', isClosed: false, isWon: false, ownerId: DEMO_REPS[1] },
  { id: '006000000000003AAA', name: 'Northfield Bank – Payments Hub', stage: 'Proposal/Price Quote', amount: 900000, closeDate: '2027-01-31', recordType: 'New Business', accountName: 'Northfield Bank', industry: 'Banking', isClosed: false, isWon: false, ownerId: DEMO_REPS[0] },
  { id: '006000000000004AAA', name: 'Keller Components – Plant Analytics', stage: 'Qualification', amount: 120000, closeDate: '2027-04-15', recordType: 'Expansion', accountName: 'Keller Components', industry: 'Manufacturing', isClosed: false, isWon: false, ownerId: DEMO_REPS[2] },
  { id: '006000000000005AAA', name: 'Brightline Grocers – Store Ops', stage: 'Closed Won', amount: 310000, closeDate: '2026-10-30', recordType: 'New Business', accountName: 'Brightline Grocers', industry: 'Retail', isClosed: true, isWon: true, ownerId: DEMO_REPS[1] },
  { id: '006000000000006AAA', name: 'Cascade Power – Field Service', stage: 'Closed Lost', amount: 560000, closeDate: '2026-09-30', recordType: 'New Business', accountName: 'Cascade Power & Light', industry: 'Utilities', isClosed: true, isWon: false, ownerId: DEMO_REPS[2] },
  { id: '006000000000007AAA', name: 'Westbrook University – Student Success', stage: 'Value Proposition', amount: 95000, closeDate: '2027-02-28', recordType: 'New Business', accountName: 'Westbrook University', industry: 'Education', isClosed: false, isWon: false, ownerId: DEMO_REPS[2] },
]; // prettier-ignore

export interface DemoNote {
  opportunityId: string;
  authorId: string;
  daysAgo: number;
  /** reactions to the first library prompts the panel offers, in order */
  libraryReactions: Reaction[];
  adHoc?: { text: string; reaction: Reaction };
  summary: string;
  customerView?: string;
  ideas?: string;
  nextStep?: string;
  nextStepInDays?: number;
}

export const DEMO_NOTES: DemoNote[] = [
  {
    opportunityId: '006000000000001AAA',
    authorId: DEMO_REPS[0]!,
    daysAgo: 12,
    libraryReactions: ['new_to_them'],
    summary:
      'Met Dana Whitfield (VP Patient Access) and her scheduling lead. I raised how self-scheduling expectations are shifting patient volume away from systems that still route everything through the call centre.',
    customerView:
      'Dana said the call centre is losing staff faster than they can hire, and the CFO wants to cut agency spend before next budget cycle. Scheduling and IT disagree about who owns the patient portal.',
    ideas:
      'Together we sketched a pilot: move follow-up appointments for two clinics to self-scheduling first, so the call centre keeps the complex cases. Dana suggested using their no-show data to pick the clinics.',
    nextStep:
      'Dana will bring the no-show data and her IT counterpart to a working session; we prepare the pilot outline.',
    nextStepInDays: 9,
  },
  {
    opportunityId: '006000000000001AAA',
    authorId: DEMO_REPS[0]!,
    daysAgo: 3,
    libraryReactions: ['already_addressing'],
    summary: 'Working session with Dana and Raj from IT on the self-scheduling pilot.',
    customerView:
      'Raj explained they already tried a portal vendor in 2024 and adoption stalled because referrals needed manual review. They are addressing referral triage with a new nurse team.',
    ideas:
      'We agreed to exclude referral visits from the pilot and measure call deflection on follow-ups only.',
    nextStep: 'Raj sends the clinic list; we send a draft success measure for Dana to review.',
    nextStepInDays: 7,
  },
  {
    opportunityId: '006000000000002AAA',
    authorId: DEMO_REPS[1]!,
    daysAgo: 6,
    libraryReactions: ['redirected'],
    summary:
      'Intro call with the claims director. I brought the point about severe-weather claims surges outpacing adjuster capacity; she redirected us to subrogation recovery, which is where their board is pushing.',
    customerView:
      'Their recovery rate has slipped and the board asked for a plan by Q2. Claims and finance measure recovery differently.',
    nextStep: 'Follow up with a short note on subrogation.',
  },
  {
    opportunityId: '006000000000003AAA',
    authorId: DEMO_REPS[0]!,
    daysAgo: 20,
    libraryReactions: [],
    summary: 'Demo of the payments hub features and pricing walkthrough. They liked the dashboard.',
    customerView: 'They seem interested.',
    nextStep: 'Send the deck.',
  },
  {
    opportunityId: '006000000000003AAA',
    authorId: DEMO_REPS[0]!,
    daysAgo: 4,
    libraryReactions: ['new_to_them', 'dismissed'],
    summary:
      'Met the treasurer and head of operations. I raised how instant payments change liquidity management when settlement no longer waits for batch windows.',
    customerView:
      'The treasurer admitted intraday liquidity is forecast in spreadsheets; operations wants to retire two legacy gateways but treasury fears losing visibility during cut-over.',
    ideas:
      'We worked out a phased cut-over where treasury gets an intraday position view before the first gateway is switched off; the treasurer proposed the order of corridors.',
    nextStep:
      'Treasurer and ops head will co-sign the phasing plan at the review on the 12th; we bring the liquidity view mock-up.',
    nextStepInDays: 10,
  },
  {
    opportunityId: '006000000000004AAA',
    authorId: DEMO_REPS[2]!,
    daysAgo: 8,
    libraryReactions: ['dismissed'],
    summary: 'Quick call, they asked about licence pricing and the implementation timeline.',
    nextStep: 'Follow up.',
  },
  {
    opportunityId: '006000000000005AAA',
    authorId: DEMO_REPS[1]!,
    daysAgo: 60,
    libraryReactions: ['new_to_them'],
    adHoc: {
      text: 'Shrink from self-checkout is rising faster than labour savings at stores like theirs',
      reaction: 'new_to_them',
    },
    summary:
      'Store operations review with the COO. I raised how self-checkout shrink can erase the labour savings it was bought for.',
    customerView:
      'The COO said regional managers report shrink differently, so head office cannot see which stores are affected. Loss prevention and operations disagree on the fix.',
    ideas:
      'We developed a joint scorecard idea: one shrink measure per store, reviewed weekly by both teams. The COO proposed starting with the twelve highest-volume stores.',
    nextStep: 'COO and loss-prevention lead meet us on the 3rd to agree the scorecard; we bring a draft.',
    nextStepInDays: 7,
  },
  {
    opportunityId: '006000000000006AAA',
    authorId: DEMO_REPS[2]!,
    daysAgo: 75,
    libraryReactions: [],
    summary: 'Presented our field service product, all modules, and the roadmap. Covered pricing tiers.',
    nextStep: 'They will get back to us.',
  },
  {
    opportunityId: '006000000000007AAA',
    authorId: DEMO_REPS[2]!,
    daysAgo: 5,
    libraryReactions: ['new_to_them'],
    summary:
      'Met the provost office. I raised how falling numbers of school leavers will make retention, not recruitment, the lever for tuition revenue.',
    customerView:
      'The associate provost said advising is split across colleges and nobody owns first-year retention; the registrar has data but no mandate.',
    ideas:
      'She suggested a cross-college retention working group; we offered to map where early warning data already exists.',
    nextStep: 'Associate provost convenes the working group on the 9th; we present the data map.',
    nextStepInDays: 9,
  },
];
