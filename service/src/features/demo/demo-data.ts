// The demo org's people and its hand-written deals and conversations: the ones the docs, the browser
// tests and a first look at the preview rely on. The rest of its history is generated (demo-history.ts).
// Names are invented.
import type { Reaction } from '../notes';
import type { OpportunityContext } from '../opportunities';

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

export const DEMO_NOTES: DemoNote[] = [
  {
    opportunityId: '006000000000001AAA',
    authorId: DEMO_REPS[0]!,
    daysAgo: 12,
    library: [{ key: 'healthcare-middle-information-blocking', reaction: 'new_to_them' }],
    summary:
      'Met Dana Whitfield (VP Patient Access) and her scheduling lead. I raised how information blocking now has consequences: patients expect to see their records and book through the portal, and self-scheduling is shifting volume away from systems that still route everything through the call centre.',
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
    library: [{ key: 'healthcare-middle-third-party-outage', reaction: 'already_addressing' }],
    summary:
      'Working session with Dana and Raj from IT on the self-scheduling pilot. I asked what happens to scheduling when a critical vendor goes dark, as it did for so many providers in the Change Healthcare attack.',
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
    library: [{ key: 'insurance-early-secondary-perils', reaction: 'redirected' }],
    summary:
      'Intro call with the claims director. I brought the point that secondary perils are becoming primary: severe-weather claims surges outpacing adjuster capacity; she redirected us to subrogation recovery, which is where their board is pushing.',
    customerView:
      'Their recovery rate has slipped and the board asked for a plan by Q2. Claims and finance measure recovery differently.',
    nextStep: 'Follow up with a short note on subrogation.',
  },
  {
    opportunityId: '006000000000003AAA',
    authorId: DEMO_REPS[0]!,
    daysAgo: 20,
    library: [],
    summary: 'Demo of the payments hub features and pricing walkthrough. They liked the dashboard.',
    customerView: 'They seem interested.',
    nextStep: 'Send the deck.',
  },
  {
    opportunityId: '006000000000003AAA',
    authorId: DEMO_REPS[0]!,
    daysAgo: 4,
    library: [
      { key: 'banking-late-cutover-governance', reaction: 'new_to_them' },
      { key: 'banking-late-model-validation', reaction: 'dismissed' },
    ],
    summary:
      'Met the treasurer and head of operations. I raised why the cutover weekend is a board matter: instant payments change liquidity management when settlement no longer waits for batch windows. They dismissed my point that model validation could set the go-live date.',
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
    library: [{ key: 'manufacturing-early-cbam-costs', reaction: 'dismissed' }],
    summary:
      'Quick call. I tried the point that carbon at the EU border now costs money; they waved it off and asked about licence pricing and the implementation timeline.',
    nextStep: 'Follow up.',
  },
  {
    opportunityId: '006000000000005AAA',
    authorId: DEMO_REPS[1]!,
    daysAgo: 60,
    stage: 'Negotiation/Review',
    library: [{ key: 'retail-late-store-adoption', reaction: 'new_to_them' }],
    adHoc: {
      text: 'Shrink from self-checkout is rising faster than labour savings at stores like theirs',
      reaction: 'new_to_them',
    },
    summary:
      'Store operations review with the COO. I raised how self-checkout shrink can erase the labour savings it was bought for, and that store teams decide whether a rollout like this works.',
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
    stage: 'Proposal/Price Quote',
    library: [],
    summary: 'Presented our field service product, all modules, and the roadmap. Covered pricing tiers.',
    nextStep: 'They will get back to us.',
  },
  {
    opportunityId: '006000000000007AAA',
    authorId: DEMO_REPS[2]!,
    daysAgo: 5,
    library: [{ key: 'education-middle-retention', reaction: 'new_to_them' }],
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
