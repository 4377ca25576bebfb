// Cue words per meaning, written as lower-case lemmas; a multi-word cue is a space-separated lemma sequence.
// The lexicons only say what a word can signal: whether it counts is decided by clause structure
// (who the subject is, negation scope, dates, repetition) in clause-facts.ts and the dimension scorers.

/** A comma-separated list of cues, written as a template so the data stays compact and readable. */
function cues(strings: TemplateStringsArray): readonly string[] {
  return strings
    .join('')
    .split(',')
    .map((cue) => cue.trim())
    .filter((cue) => cue.length > 0);
}

export const CUE_LEXICON = {
  /** we bring an issue to the table */
  raise: cues`
    raise, bring up, bring, flag, point out, challenge, share, present, highlight, warn, open with,
    pose, provoke, put, ask whether, ask if, ask how, question, notice, walk through,
    discuss the provocation, prompt
  `,
  /** an outside-in issue or opportunity */
  issue: cues`
    risk, threat, shift, trend, exposure, exposed, regulation, rule, reform, law, tax, tariff, cliff,
    shortage, pressure, opportunity, competitor, disruption, restriction, requirement, mandate,
    penalty, volatility, consolidation, leverage, erosion, erode, squeeze, outlook, change, swing,
    spike, liability, audit, demographic, retirement, retire, shrink, lose, eat into, threshold,
    control, package, reimbursement, inspection, market, demand
  `,
  /** looking ahead rather than back */
  forward: cues`
    will, next year, next winter, next quarter, coming, upcoming, future, soon, would, could, may,
    within, from, by, start, rise, grow, increase, climb, ready, before, once, again, expect, faster,
    new
  `,
  /** the provocation landed */
  landed: cues`
    new to them, hit home, hit hard, surprise, eye-opener, eye-opening, off guard,
    redirect, move we to, move us to, turn to, open a different, real worry
  `,
  /** with a negated verb, the customer admits they had not seen it ("had not considered") */
  unaware: cues`
    on their radar, on the radar, aware, consider, think about, look at, connect, map, run the number, realize, see, link, plan
  `,
  /** a generic ask rather than a provocation */
  generic: cues`
    keep they up, keep them up, keep you up, challenge, pain point, pain, top challenge, concern,
    what keep, plan for the year
  `,
  /** going back over what they already told us */
  backward: cues`
    recap, go back over, go over, last quarter, in the spring, they raise, they share, review
  `,
  /** status, pricing, demo or logistics: not a provocation */
  status: cues`
    status, price, pricing, discount, demo, contract, redline, license, licensing, quote, proposal,
    renewal, check-in, check in, touch base, legal, term
  `,
  /** the customer tells us something */
  tell: cues`
    say, tell, explain, mention, admit, describe, note, complain, confirm, clarify, answer,
    report
  `,
  /** willingness to engage, whose negation means we learned nothing */
  engage: cues`
    share, tell, discuss, talk, engage, contribute, develop, open up, give
  `,
  /** a position someone inside holds */
  stance: cues`
    want, prefer, push, fear, worry, blame, insist, think, believe, oppose, favor, argue, distrust,
    refuse, promise, block, see, against, wish, care, resist, demand, doubt, hate, ignore, require,
    obsess, obsessed, complain, threaten, expect, ask for, protect, side with, lobby, hold out
  `,
  /** inside disagreement */
  disagree: cues`
    disagree, disagreement, tension, conflict, oppose, blame, caught between, against, pushback, fight,
    distrust, split, whereas, while, politics, refuse, block
  `,
  /** what they do today */
  practice: cues`
    today, currently, still, by hand, manually, manual, spreadsheet, in-house, homegrown, already,
    since, run, use, rely, stall
  `,
  because: cues`
    because, since, due to, as a result, which is why
  `,
  /** priorities, constraints and initiatives in their terms */
  priority: cues`
    priority, goal, target, initiative, program, project, plan, budget, constraint, deadline, mandate,
    strategy, objective, backlog, headcount, hire, hiring, launch, grow, reduce, cut, consolidate,
    open, expand, invest, freeze, working group, task force, pilot, short of, renegotiate, sell, audit,
    retention, review, portal
  `,
  /** sentiment without content */
  vague: cues`
    happy, interested, interest, positive, like, engaged, open, fine, good, great, excited, impressed,
    seem, matter, concern, warm, friendly, on track
  `,
  /** someone contributes an idea */
  contribute: cues`
    suggest, propose, add, offer, come up with, push back, build on, recommend, jump in, counter,
    volunteer, idea, pick, sketch, outline, draft, design
  `,
  /** we build on their idea rather than beside it */
  buildOn: cues`
    add, build on, extend, refine, combine, take further
  `,
  /** worked out together */
  joint: cues`
    together, jointly, joint, co-design, agree, land on, back and forth, debate, brainstorm,
    kick around, combine
  `,
  /** what a joint effort produced */
  plan: cues`
    plan, pilot, approach, sprint, model, diagnostic, triage, map, analysis, study, option, idea,
    design, program, review, test, teardown, baseline, scenario, way
  `,
  /** we talk at them */
  oneway: cues`
    tell, present, demo, show, pitch, walk through, walk them through, explain, lay out, make clear,
    give, cover, go through, convince, demoed, walkthru, walkthrough
  `,
  /** prescriptive modals: with oneway verbs, lecturing */
  lecture: cues`
    must, need to, have to, should, far too, wrong, outdated, copy
  `,
  /** the customer asks or answers: at least a two-way exchange */
  ask: cues`
    ask, answer, question
  `,
  /** their business */
  business: cues`
    revenue, margin, profit, profitability, cost, cash, growth, customer, client, patient, member,
    student, enrollment, retention, churn, loss, market share, market, competitor, risk, exposure, liability,
    compliance, regulator, regulation, penalty, fine, bonus, rating, demand, volume, capacity, supply,
    supplier, inventory, downtime, scrap, yield, quality, throughput, denial, claim, staffing, nurse,
    turnover, investor, tariff, tax, delivery, abandonment, conversion, deposit, lending, loan,
    underwriting, ratio, fraud, return, warranty, outage, restoration, emission, carbon, safety,
    recruit, agent, account, consumer, wait time, workforce, dispatcher, shopper, hedge, lane, freight,
    fuel, energy, reinsurance, premium, exclusivity, pipeline, operation, sales, promotion,
    trade spend, shift, labor, overtime, budget, spend, coverage, reputation, shortage, hiring,
    vacancy, employee, cliff, backlog, attrition, ebitda, arr, liquidity, payroll, book, buyer, tenant, citizen,
    resident, council, decline, exposed, surgery, procedure, dealer, installer
  `,
  /** our product and the sales process */
  product: cues`
    feature, module, dashboard, demo, license, licensing, pricing, discount, quote, proposal, platform,
    integration, api, sdk, app, roadmap, implementation, onboarding, subscription, support tier, tier,
    deck, whitepaper, case study, sensor, gateway, software, solution, seat, renewal, redline,
    questionnaire, sso, bot, suite, release, vendor, checklist, sku, system, tool, analytics, scanner,
    intent, alert, report, mes, iot, cloud, portal information, our, legal
  `,
  /** what is at stake */
  stake: cues`
    lose, losing, loss, penalty, threaten, double, halve, rise, drop, fall, at stake, fine, bonus,
    million, billion, %, percent, cost, squeeze, fail, failure, shrink, hurt, erode, exposure, worst,
    exclusivity, profitability, cut
  `,
  /** a next step is being talked about */
  nextCue: cues`
    next step, next, follow-up, follow up, date
  `,
  /** a way forward with no substance */
  vagueAction: cues`
    follow up, follow-up, touch base, keep in touch, stay in touch, check in, circle back, wait,
    think about, keep, call, reach out, email, recap, call we, call us, if need
  `,
  /** a way forward with substance */
  concreteAction: cues`
    meet, meeting, session, workshop, review, kick-off, kick off, present, test, pilot, visit, send,
    share, bring, join, scope, walk through, demo, invite, agree, pick, run, schedule, prepare,
    deliver, extract, decide, sign
  `,
  /** someone commits to an action */
  commit: cues`
    will, to, commit, bring, send, share, present, join, invite, pick, promise, agree to, provide,
    deliver
  `,
  /** the words a gamed note stuffs in */
  buzz: cues`
    together, synergy, partnership, co-create, co-created, joint, jointly, collaborate, collaborative, brainstorm,
    innovate, priority, initiative, goal, next step, follow up, business value, business outcome,
    value, outcome, revenue, margin, growth, customer, risk, churn, cost, saving
  `,
  /** contract, billing and logistics terms: the deal, not their business */
  dealTerm: cues`
    liability cap, indemnity, indemnification, sla, termination, fee, payment term, payment schedule,
    billing address, po, purchase order, msa, sow, order form, governing law, price hold,
    escalation clause, addendum, clause, countersign, countersigned, signature, net 30, net 45, net 60,
    net-30, net-45, net-60, freight, shipment, vendor portal, bank detail, security questionnaire,
    penetration test, sandbox, per seat, per-seat, volume tier, ramp schedule, sub-processor, paperwork,
    data processing addendum
  `,
  /** what we meant to do, which did not happen in this conversation ("wanted to raise…") */
  intent: cues`
    want to, plan to, be go to, mean to, intend to, hope to, try to, will try, try again, next time,
    next meeting, next mtg
  `,
  /** the rep speaking for themselves: what follows is our guess, not the customer's view */
  opinion: cues`
    i think, we think, i believe, we believe, i feel, we feel, i guess, we guess, i assume, we assume,
    in my view, in our view, my view, our view, my take, our take, in my opinion, in our opinion,
    from our side, from my side, my sense, obviously, probably, clearly need, seem like
  `,
  /** consultant jargon: words that sound like content and name nothing */
  jargon: cues`
    synergy, synergize, synergise, paradigm, transformation, transformational, transformative, journey,
    ecosystem, alignment, align, momentum, north star, holistic, end to end, best in class, best of breed,
    leverage, unlock, operationalize, operationalise, empower, reimagine, ideate, ideation, innovation,
    thought leadership, value drive, value driven, data drive, data driven, future proof, future ready,
    scalable, frictionless, mission critical, win win, flywheel, art of the possible, double click,
    deep dive, mindshare, next gen, next level, cutting edge, exponential, purpose led, value creation,
    narrative, excellence, continuum, ambition, imperative, resonate, strategic fit, energize, energized,
    bought in, buy in, hyper growth, disruptive, cloud native, ai first, stakeholder, vision, agility,
    value stream, value proposition, modernization, co-innovation, co-architect, outcome drive,
    outcome driven, customer centric, citizen centric, patient centric, human centred, human centered,
    omnichannel, strategic, dialogue, engagement, value realization, game changer, visionary,
    inside view, internal dynamics, who want what, their perspective, customer view, inside perspective
  `,
  /** a field or sentence that says nothing */
  filler: cues`
    n/a, na, none, nothing, tbd, to be determine, to be determined, see above, various topic,
    take place, as plan, good discussion, great meeting, good meeting, end on time, note to be,
    nothing specific, nothing new, update, usual topic, bunch of stuff, lot of fun, rapport, vibe,
    good chat, nothing concrete, meeting, some idea
  `,
  /** who on the customer's side */
  role: cues`
    mgr, cfo, ceo, coo, cto, cio, cmo, cpo, cno, cro, ciso, vp, svp, evp, director, manager, head, lead,
    officer, chief, provost, board, team, procurement, purchasing, finance, operation, ops, legal,
    sales, marketing, engineering, hr, union, council, planning, dean, underwriter, controller,
    analyst, counsel, leadership, owner, president, chair, committee, department, staff, nurse,
    physician, surgeon, store, plant, buyer, trading, treasurer, partner, deputy, distribution,
    pricing, quality, compliance, r&d, customer, client,
    executive, management, regulatory, superintendent
  `,
  /** pronouns that, as a subject, mean the customer's side */
  customerPronoun: cues`
    they, he, she, their, them, theirs, his, her
  `,
  us: cues`
    we, i, us, our, me, my
  `,
};

export type CueKind = keyof typeof CUE_LEXICON;

/** Date words: a month next to a day or a weekday makes a next step dated; "next quarter" does not. */
export const MONTHS = new Set(cues`
  jan, january, feb, february, mar, march, apr, april, may, jun, june, jul, july, aug, august, sep,
  sept, september, oct, october, nov, november, dec, december
`);
/** month names that are also common words: they only count next to a day number */
export const AMBIGUOUS_MONTHS = new Set(cues`may, march, mar, jun, sep`);
export const WEEKDAYS = new Set(
  cues`monday, tuesday, wednesday, thursday, friday, saturday, sunday, tomorrow, mon, tue, tues, wed,
  thu, thur, thurs, fri, eod, eow`,
);
/** "next week", "in two weeks", "within 10 days": precise enough to plan around */
export const PRECISE_PERIODS = new Set(cues`week, weeks, day, days`);
export const VAGUE_PERIODS = new Set(cues`month, quarter, year`);
/** leading words that are not the subject of a clause */
export const DISCOURSE_WORDS = new Set(cues`
  so, then, also, and, but, while, whereas, next, finally, overall, honestly, first, later, after, that,
  however, still, plus, meanwhile, -, *, •
`);
