// Two quarters of the demo org's history, generated: deals across every industry of the default
// library, moving through the stages, some won and some lost, and the conversations reps logged on
// them. Each conversation raises prompts the panel would have offered at the deal's stage then, and
// its text talks about those prompts and what the customer made of them. Reps differ in how well
// they hold these conversations, and deals with better conversations are won more often, so every
// figure the product shows has shape. Deterministic: dates count back from the given day, and the
// same day gives the same history.
import { addDays, todayUtc } from '../analytics';
import type { HistoricNote, NotePromptInput, Reaction } from '../notes';
import type { OpportunityContext } from '../opportunities';
import { type PromptRecord, renderPrompt, selectPrompts } from '../prompt-sets';
import { DEFAULT_STAGE_PHASES, type TenantSettings } from '../settings';
import { randomSource } from '../../platform/lib/random';
import { DEMO_NOTES, DEMO_REPS, HAND_WRITTEN_DEALS, type DemoNote } from './demo-data';
import {
  ARTEFACTS,
  INDUSTRY_MATERIAL,
  WEAK_NEXT_STEPS,
  WEAK_SUMMARIES,
  WEAK_VIEWS,
  type Contact,
  type IndustryMaterial,
} from './demo-material';

const DEALS_SEED = 17;
const NOTES_SEED = 29;
/** how far back the history reaches: two quarters */
export const HISTORY_DAYS = 182;

const OPEN_STAGES = Object.keys(DEFAULT_STAGE_PHASES).filter((s) => DEFAULT_STAGE_PHASES[s] !== 'closed');

/**
 * Deals per industry. The first few industries carry enough closed deals for their prompts' win
 * rates to be more than "not enough data"; every other industry of the library is present too.
 */
const DEALS_PER_INDUSTRY: Record<string, number> = {
  Healthcare: 22, Banking: 20, Manufacturing: 20, Insurance: 8, Retail: 8, Technology: 6,
}; // prettier-ignore
const OTHER_INDUSTRY_DEALS = 2;

/** each rep's conversation quality, from 0 (pitches product) to 1 (provokes and collaborates) */
const REP_SKILL = [0.8, 0.55, 0.35, 0.7, 0.6, 0.45, 0.75, 0.3];

export type Quality = 'strong' | 'medium' | 'weak';

export interface DemoDeal {
  /** the deal as Salesforce holds it today */
  context: OpportunityContext;
  material: IndustryMaterial | undefined;
  /** the contact the reps meet most, then the one they bring in */
  contacts: [Contact, Contact] | undefined;
  initiative: string;
  /** generated conversations, oldest first */
  slots: Array<{ daysAgo: number; stage: string; quality: Quality }>;
  /** hand-written conversations, oldest first */
  handWritten: DemoNote[];
}

/** One conversation as the seed logs it: the deal's stage at the time, its author and its content. */
export interface DemoConversation {
  stage: string;
  authorId: string;
  /** the note as importNotes takes it, less what the conversation says beside it; always dated */
  note: Omit<HistoricNote, 'authorId' | 'opportunityStage'> & { occurredAt: string };
}

const sfId = (prefix: string, n: number) => `${prefix}${String(n).padStart(12, '0')}AAA`;

function chooser(random: () => number) {
  return {
    random,
    int: (min: number, max: number) => min + Math.floor(random() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!,
    chance: (p: number) => random() < p,
  };
}

/** The demo's deals: the hand-written ones, then the generated ones, industry by industry. */
export function demoDeals(today: string): DemoDeal[] {
  const handWritten = HAND_WRITTEN_DEALS.map(({ closeInDays, ...deal }): DemoDeal => {
    const material = INDUSTRY_MATERIAL.find((m) => m.industry === deal.industry);
    return {
      context: { ...deal, closeDate: addDays(today, closeInDays) },
      material,
      contacts: undefined,
      initiative: deal.name!.split('– ')[1] ?? deal.name!,
      slots: [],
      handWritten: DEMO_NOTES.filter((n) => n.opportunityId === deal.id).sort(
        (a, b) => b.daysAgo - a.daysAgo,
      ),
    };
  });
  const { random, int, chance } = chooser(randomSource(DEALS_SEED));
  const generated: DemoDeal[] = [];
  for (const material of INDUSTRY_MATERIAL) {
    const count = DEALS_PER_INDUSTRY[material.industry] ?? OTHER_INDUSTRY_DEALS;
    for (let i = 0; i < count; i += 1) {
      const n = generated.length;
      const accountIndex = i % material.accounts.length;
      const accountName = material.accounts[accountIndex]!;
      const initiative = material.initiatives[Math.floor(i / material.accounts.length) % material.initiatives.length]!; // prettier-ignore
      const ownerIndex = n % DEMO_REPS.length;
      const age = int(20, HISTORY_DAYS - 2);
      const isClosed = age > 60 ? chance(0.85) : age > 35 && chance(0.3);
      const quality = Math.min(0.95, Math.max(0.05, REP_SKILL[ownerIndex]! + (random() - 0.5) * 0.4));
      const isWon = isClosed && chance(0.15 + 0.7 * quality);
      const reached = isClosed
        ? int(isWon ? 5 : 2, OPEN_STAGES.length - 1)
        : Math.min(OPEN_STAGES.length - 1, Math.floor(age / 25) + int(0, 1));
      // most open deals were talked about lately; some went quiet, which coverage should show
      const quietFor = chance(0.25) ? int(35, 120) : int(1, 20);
      const endDaysAgo = isClosed ? Math.max(2, age - int(30, age - 5)) : Math.min(age, quietFor);
      const span = age - endDaysAgo;
      const notes = Math.min(span + 1, 2 + int(0, 2) + (span > 60 ? 1 : 0));
      const slots = Array.from({ length: notes }, (_, k) => {
        const at = notes === 1 ? 0 : k / (notes - 1);
        const roll = random();
        return {
          daysAgo: Math.round(age - at * span),
          stage: OPEN_STAGES[Math.round(at * reached)]!,
          quality: (roll < quality
            ? 'strong'
            : roll < quality + (1 - quality) * 0.6
              ? 'medium'
              : 'weak') as Quality,
        };
      });
      const contactIndex = accountIndex % material.contacts.length;
      generated.push({
        context: {
          id: sfId('006', 100 + n),
          name: `${accountName} – ${initiative}`,
          stage: isClosed ? (isWon ? 'Closed Won' : 'Closed Lost') : OPEN_STAGES[reached],
          amount: Math.round((40_000 + 860_000 * random() ** 2) / 5000) * 5000,
          closeDate: isClosed ? addDays(today, -endDaysAgo) : addDays(today, int(10, 150)),
          recordType: chance(0.7) ? 'New Business' : 'Expansion',
          accountName,
          accountId: sfId('001', 100 + INDUSTRY_MATERIAL.indexOf(material) * 10 + accountIndex),
          industry: material.industry,
          isClosed,
          isWon,
          ownerId: DEMO_REPS[ownerIndex]!,
        },
        material,
        contacts: [
          material.contacts[contactIndex]!,
          material.contacts[(contactIndex + 1) % material.contacts.length]!,
        ],
        initiative,
        slots,
        handWritten: [],
      });
    }
  }
  return [...handWritten, ...generated];
}

/** How customers react to a prompt, by how well the conversation went: cumulative shares. */
const REACTION_SHARES: Record<'strong' | 'medium', Array<[Reaction, number]>> = {
  strong: [['new_to_them', 0.45], ['already_addressing', 0.65], ['redirected', 0.9], ['dismissed', 1]],
  medium: [['new_to_them', 0.25], ['already_addressing', 0.55], ['redirected', 0.7], ['dismissed', 1]],
}; // prettier-ignore

const firstName = (contact: Contact) => contact.name.split(' ')[0]!;
const firstSentence = (text: string) => /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

type Chooser = ReturnType<typeof chooser>;
type Content = Omit<DemoConversation['note'], 'opportunityId' | 'occurredAt' | 'nextStepDate'> & {
  nextStepInDays?: number;
};

/** A generated conversation about the prompts it raises, as good as its quality. */
function compose(deal: DemoDeal, quality: Quality, offered: PromptRecord[], c: Chooser): Content {
  const [lead, other] = offered.slice(0, c.chance(quality === 'strong' ? 0.75 : 0.35) ? 2 : 1);
  if (quality === 'weak' || !lead || !deal.material || !deal.contacts) {
    return {
      prompts: [],
      summary: c.pick(WEAK_SUMMARIES).replace('{initiative}', deal.initiative),
      customerView: c.chance(0.5) ? c.pick(WEAK_VIEWS) : undefined,
      nextStep: c.pick(WEAK_NEXT_STEPS),
    };
  }
  const { material } = deal;
  const [who, second] = deal.contacts;
  const first = firstName(who);
  const reactionOf = () => REACTION_SHARES[quality].find(([, upTo]) => c.random() < upTo)![0];
  const raised = [lead, ...(other ? [other] : [])].map((p) => ({ prompt: p, reaction: reactionOf() }));
  // a rep's own point never opens the customer view, so it is never the issue they were redirected to
  const adHoc = c.chance(0.1)
    ? { text: c.pick(material.adHoc), reaction: 'new_to_them' as const }
    : undefined;
  const prompts: NotePromptInput[] = [
    ...raised.map((r) => ({ promptId: r.prompt.id, reaction: r.reaction })),
    ...(adHoc ? [adHoc] : []),
  ];
  const opening = {
    new_to_them: `This was new to ${first}: nobody at ${deal.context.accountName} had connected it to ${deal.initiative}.`,
    already_addressing: `${first} said they are already working on it.`,
    redirected: `${c.pick(material.redirects)} ${first} said that is where leadership’s attention is this year.`,
    dismissed: `${first} did not see it as a priority this year.`,
  }[raised.some((r) => r.reaction === 'redirected') ? 'redirected' : raised[0]!.reaction];
  if (quality === 'medium') {
    return {
      prompts,
      summary:
        `Call with ${who.name} (${who.role}) on ${deal.initiative}. I mentioned "${lead.title}"${other ? ` and "${other.title}"` : ''}, and we went through their timeline.` +
        (adHoc ? ` I also raised that ${lowerFirst(adHoc.text)}.` : ''),
      customerView: opening,
      nextStep: `Send ${c.pick(ARTEFACTS)} to ${first}.`,
      nextStepInDays: c.int(3, 10),
    };
  }
  const summary = [
    `Met ${who.name} (${who.role}) about ${deal.initiative}. I raised "${lead.title}": ${firstSentence(lead.provocation)}`,
    other ? `We also discussed "${other.title}".` : '',
    adHoc ? `I brought our own point too: ${lowerFirst(adHoc.text)}.` : '',
  ];
  return {
    prompts,
    summary: summary.filter(Boolean).join(' '),
    customerView: `${opening} ${c.pick(material.insideViews).replaceAll('{who}', first)}`,
    ideas: c.pick(material.ideas).replaceAll('{who}', first),
    nextStep: `${first} brings ${second.name} (${second.role}) to a working session; we bring ${c.pick(ARTEFACTS)}.`,
    nextStepInDays: c.int(5, 14),
  };
}

function handWrittenContent(note: DemoNote, published: PromptRecord[]): Content {
  const { library, adHoc, daysAgo: _daysAgo, stage: _stage, opportunityId: _o, authorId: _a, ...text } = note;
  const prompts: NotePromptInput[] = library.flatMap(({ key, reaction }) => {
    const prompt = published.find((p) => p.key === key);
    return prompt ? [{ promptId: prompt.id, reaction }] : [];
  });
  return { ...text, prompts: adHoc ? [...prompts, adHoc] : prompts };
}

/**
 * Every deal's conversations, oldest first: each raises prompts the panel offered at the deal's stage
 * that day, fresh ones first, as a rep would have seen them.
 */
export function demoConversations(
  deals: DemoDeal[],
  published: PromptRecord[],
  settings: TenantSettings,
  today: string,
): Array<{ deal: DemoDeal; conversations: DemoConversation[] }> {
  const c = chooser(randomSource(NOTES_SEED));
  // the panel breaks ties by a hash of each set's id, which is random per install: ranking with a
  // fixed one gives every install the same history
  const ranked = published.map((p) => ({ ...p, setId: 'demo' }));
  const byKey = new Map(published.map((p) => [p.key, p]));
  return deals.map((deal) => {
    // only prompts for the deal's industry, or for any, can be picked for it: selecting from those
    // alone gives the same prompts for a fraction of the work
    const industry = deal.context.industry?.toLowerCase();
    const candidates = ranked.filter(
      (p) =>
        p.targeting.industries.length === 0 ||
        p.targeting.industries.some((i) => i.toLowerCase() === industry),
    );
    const raisedKeys = new Set<string>();
    const planned: Array<{ daysAgo: number; stage: string; quality?: Quality; note?: DemoNote }> = [
      ...deal.handWritten.map((note) => ({ daysAgo: note.daysAgo, stage: note.stage ?? deal.context.stage!, note })),
      ...deal.slots,
    ]; // prettier-ignore
    const conversations = planned.map((plan): DemoConversation => {
      const occurredAt = addDays(today, -plan.daysAgo);
      const then: OpportunityContext = { ...deal.context, stage: plan.stage, isClosed: false, isWon: false };
      // a conversation raises at most the first two the panel offers
      const offered = selectPrompts(candidates, then, settings, { today: occurredAt, alreadyRaisedKeys: raisedKeys, limit: 2 })
        .map((p) => renderPrompt(byKey.get(p.key)!, then)); // prettier-ignore
      const { nextStepInDays, ...content } = plan.note
        ? handWrittenContent(plan.note, published)
        : compose(deal, plan.quality ?? 'weak', offered, c);
      for (const raised of content.prompts) {
        const key = published.find((p) => p.id === raised.promptId)?.key;
        if (key) raisedKeys.add(key);
      }
      return {
        stage: plan.stage,
        authorId: plan.note?.authorId ?? deal.context.ownerId!,
        note: {
          opportunityId: deal.context.id,
          occurredAt,
          ...content,
          nextStepDate: nextStepInDays === undefined ? undefined : addDays(occurredAt, nextStepInDays),
        },
      };
    });
    return { deal, conversations };
  });
}

/** The demo's deals as Salesforce holds them today, for the preview's record pages. */
export const DEMO_OPPORTUNITIES: OpportunityContext[] = demoDeals(todayUtc()).map((d) => d.context);
