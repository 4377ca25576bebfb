// What the demo's generated conversations talk about, per industry of the default library: the
// accounts, the people reps meet there, what those people tell us from the inside, what we work out
// with them, and the issues they steer us to instead. All names are invented; no figures are claimed.
// `{who}` stands for the contact a note is about.

export interface Contact {
  name: string;
  role: string;
}

export interface IndustryMaterial {
  industry: string;
  accounts: string[];
  /** what the deals are about, e.g. "Patient Access" */
  initiatives: string[];
  contacts: Contact[];
  /** inside dynamics only the customer could tell us */
  insideViews: string[];
  /** plans worked out together, with the customer's contribution */
  ideas: string[];
  /** the issue the customer redirected us to: one sentence, as it opens the note's customer view */
  redirects: string[];
  /** reps' own provocations, beyond the library */
  adHoc: string[];
}

export const INDUSTRY_MATERIAL: IndustryMaterial[] = [
  {
    industry: 'Healthcare',
    accounts: ['Mercy Valley Health', 'Lakeshore Children’s Hospital', 'Pinecrest Medical Group', 'Riverbend Clinics', 'Northgate Community Hospital'],
    initiatives: ['Patient Access', 'Revenue Cycle', 'Care Coordination', 'Clinical Scheduling'],
    contacts: [
      { name: 'Elena Brooks', role: 'VP Revenue Cycle' },
      { name: 'Marcus Hale', role: 'Chief Nursing Officer' },
      { name: 'Priya Raman', role: 'Director of Patient Access' },
    ],
    insideViews: [
      '{who} said finance and the clinics measure denials differently, so every month starts with an argument about whose number is right.',
      'Nursing leadership wants fewer systems on the ward, while IT has already signed two point solutions; {who} is caught between them.',
      '{who} admitted the authorisation backlog is handled by three people who keep the rules in their heads, and one of them retires in spring.',
    ],
    ideas: [
      'Together we sketched a pilot on the two specialties with the most delayed procedures; {who} proposed using last quarter’s cancellation list to pick them.',
      'We worked out a weekly huddle between the front desk and billing to catch missing documentation before submission; {who} offered her team lead to run it.',
    ],
    redirects: [
      'Their real issue is nurse turnover on night shifts, which drives agency spend.',
      'What keeps them up is the board’s demand to cut days in accounts receivable.',
    ],
    adHoc: ['Nurse turnover is driving agency spend up faster than any software saving'],
  },
  {
    industry: 'Banking',
    accounts: ['Oakmont Savings', 'Granite Trust Bank', 'Harbourview Credit Union', 'Meridian Community Bank', 'Eastgate Bancorp'],
    initiatives: ['Payments Hub', 'Fraud Operations', 'Treasury Services', 'Branch Onboarding'],
    contacts: [
      { name: 'Tomas Lindgren', role: 'Head of Payments' },
      { name: 'Grace Okonkwo', role: 'Chief Risk Officer' },
      { name: 'Hannah Weiss', role: 'Treasurer' },
    ],
    insideViews: [
      '{who} said treasury still forecasts intraday liquidity in spreadsheets, and operations wants to retire two legacy gateways before anyone has a replacement view.',
      'Fraud and customer service report scam losses in separate committees, so {who} has never seen one number for what reimbursement costs them.',
      '{who} told us the board approved the payments budget on the condition that branch staff see no extra screens.',
    ],
    ideas: [
      'We agreed a phased cut-over where treasury gets an intraday position view before the first gateway is switched off; {who} proposed the order of corridors.',
      'Together we drafted a single scam-loss measure both committees could use; {who} suggested piloting it on the mobile channel first.',
    ],
    redirects: [
      'Their real issue is deposit outflows to online savings accounts this year.',
      'What the board wants first is a credible answer on operational resilience testing.',
    ],
    adHoc: ['Instant payments leave no batch window to hide reconciliation breaks'],
  },
  {
    industry: 'Insurance',
    accounts: ['Ridgeway Mutual', 'Summit Ridge Insurance', 'Bluewater Assurance', 'Keystone Casualty'],
    initiatives: ['Claims Modernisation', 'Underwriting Workbench', 'Policy Migration'],
    contacts: [
      { name: 'Claire Dubois', role: 'Claims Director' },
      { name: 'Owen Gallagher', role: 'Chief Underwriting Officer' },
      { name: 'Nadia Petrova', role: 'Head of IT Transformation' },
    ],
    insideViews: [
      '{who} said claims and finance measure recovery differently, and the board has asked for one plan by the second quarter.',
      'Underwriting trusts its own spreadsheets more than the pricing model, and {who} thinks the actuaries would block any change they did not design.',
      '{who} admitted the last policy migration was stopped halfway and two books still run on the old platform.',
    ],
    ideas: [
      'We sketched a surge playbook that moves desk adjusters onto severe-weather claims for a week; {who} proposed testing it on the coastal region.',
      'Together we outlined how underwriters could see model reasons next to each quote; {who} offered two senior underwriters to review the design.',
    ],
    redirects: [
      'Their real issue is subrogation recovery, which the board is pushing on.',
      'What worries them most is losing experienced adjusters to retirement.',
    ],
    adHoc: ['Severe-weather claims surges now outpace their adjuster capacity every season'],
  },
  {
    industry: 'Finance',
    accounts: ['Calder Asset Management', 'Redwood Capital Partners', 'Aster Securities'],
    initiatives: ['Post-Trade Operations', 'Client Reporting'],
    contacts: [
      { name: 'Julian Mercer', role: 'COO' },
      { name: 'Sofia Lund', role: 'Head of Operations' },
    ],
    insideViews: [
      '{who} said the middle office still fixes settlement breaks by email, and the front office does not see them until month end.',
      'Compliance and operations disagree on who owns incident reporting, and {who} expects the regulator to ask.',
    ],
    ideas: [
      'We mapped which trade flows break most often and agreed to start the shorter settlement cycle rehearsal there; {who} picked the two desks.',
    ],
    redirects: ['Their real issue is fee pressure from passive funds, not operations.'],
    adHoc: ['Shorter settlement cycles will expose every manual break in their post-trade chain'],
  },
  {
    industry: 'Manufacturing',
    accounts: ['Linden Precision Parts', 'Ostrava Castings', 'Bridgeport Assemblies', 'Hollis Machine Works', 'Tern Valley Plastics'],
    initiatives: ['Plant Analytics', 'Connected Maintenance', 'Quality Traceability', 'Supplier Portal'],
    contacts: [
      { name: 'Dieter Kraus', role: 'VP Operations' },
      { name: 'Maria Alvarez', role: 'Plant Manager' },
      { name: 'Ben Archer', role: 'Head of Procurement' },
    ],
    insideViews: [
      '{who} said the night shift runs the lines from experience, and three of the four senior technicians retire within two years.',
      'Procurement wants to dual-source, engineering refuses to requalify parts, and {who} has been asked to referee.',
      '{who} admitted each plant reports scrap its own way, so head office cannot compare them.',
    ],
    ideas: [
      'Together we planned to record the senior technicians’ fixes on the two oldest lines first; {who} proposed pairing each with an apprentice.',
      'We worked out a tariff what-if for their top twenty parts; {who} offered the bill-of-materials extract and a buyer to check it.',
    ],
    redirects: [
      'Their real issue is the ERP migration next spring, and everything else waits for it.',
      'What keeps them up is a customer threatening to dual-source their main part.',
    ],
    adHoc: ['New tariffs will squeeze their component margins next year'],
  },
  {
    industry: 'Electronics',
    accounts: ['Voltaris Devices', 'Quellin Microsystems'],
    initiatives: ['Product Compliance', 'Design Collaboration'],
    contacts: [
      { name: 'Kenta Mori', role: 'VP Engineering' },
      { name: 'Alice Brennan', role: 'Compliance Lead' },
    ],
    insideViews: [
      '{who} said product security reports go to a shared inbox that nobody owns since the last reorganisation.',
      'Engineering and sales argue about which design wins to chase, and {who} says the roadmap changes every quarter.',
    ],
    ideas: [
      'We sketched an owner and a clock for vulnerability reports; {who} proposed the product line to try it on.',
    ],
    redirects: ['Their real issue is a single supplier for their main chipset.'],
    adHoc: ['Their customers will ask for vulnerability handling evidence before they ask for price'],
  },
  {
    industry: 'Chemicals',
    accounts: ['Arlen Specialty Chemicals', 'Veridia Coatings'],
    initiatives: ['Regulatory Data', 'Plant Change Management'],
    contacts: [
      { name: 'Ingrid Solberg', role: 'Head of Product Stewardship' },
      { name: 'Rafael Costa', role: 'Site Director' },
    ],
    insideViews: [
      '{who} said safety data sheets are updated by two people working through a backlog that grows with every rule change.',
      'The sites treat management of change as paperwork, and {who} worries an auditor will see it the same way.',
    ],
    ideas: [
      'Together we listed the product families most exposed to the restriction; {who} offered the stewardship team to rank them.',
    ],
    redirects: ['Their real issue is customers asking for PFAS-free alternatives this year.'],
    adHoc: ['Downstream customers will pass their carbon costs back up the chain'],
  },
  {
    industry: 'Retail',
    accounts: ['Fairway Grocers', 'Maple & Main Outfitters', 'Corner Pantry Markets', 'Tidewater Home Stores'],
    initiatives: ['Store Operations', 'Returns Management', 'Customer Service'],
    contacts: [
      { name: 'Laura Chen', role: 'COO' },
      { name: 'Sam Whitaker', role: 'Head of Loss Prevention' },
      { name: 'Amira Haddad', role: 'Director of E-commerce' },
    ],
    insideViews: [
      '{who} said regional managers report shrink differently, so head office cannot see which stores are affected.',
      'E-commerce owns returns policy but the stores absorb the cost, and {who} says nobody has put the two numbers side by side.',
      '{who} told us store teams ignored the last two rollouts because nobody asked them first.',
    ],
    ideas: [
      'We developed a joint scorecard: one shrink measure per store, reviewed weekly by both teams; {who} proposed starting with the highest-volume stores.',
      'Together we drafted a returns review that shows the cost per return by channel; {who} offered the finance analyst to build it.',
    ],
    redirects: [
      'Their real issue is staffing the stores through peak season.',
      'What worries them most is returns fraud in online orders.',
    ],
    adHoc: ['Shrink from self-checkout is rising faster than labour savings at stores like theirs'],
  },
  {
    industry: 'Food & Beverage',
    accounts: ['Greenfield Dairy Co-op', 'Saltmarsh Foods'],
    initiatives: ['Traceability', 'Line Scheduling'],
    contacts: [
      { name: 'Niamh Walsh', role: 'Supply Chain Director' },
      { name: 'Pedro Santos', role: 'Head of Quality' },
    ],
    insideViews: [
      '{who} said a recall drill last year took three days to trace one ingredient, and the retailer noticed.',
      'Marketing wants new pack sizes while the plants are short of line time, and {who} has to say no to both.',
    ],
    ideas: [
      'We agreed to rehearse a one-day trace on a single product; {who} picked the ingredient with the most suppliers.',
    ],
    redirects: ['Their real issue is a major retailer renegotiating shelf space.'],
    adHoc: ['Retailers will ask for traceability answers within a day, not a week'],
  },
  {
    industry: 'Transportation',
    accounts: ['Crosswind Logistics', 'Ironline Freight'],
    initiatives: ['Fleet Operations', 'Customs Data'],
    contacts: [
      { name: 'Victor Osei', role: 'VP Fleet' },
      { name: 'Karen Doyle', role: 'Head of Customer Operations' },
    ],
    insideViews: [
      '{who} said driver turnover is highest in the first ninety days and the depots blame the onboarding.',
      'Sales promises integrations that operations cannot support, and {who} hears about it from angry customers.',
    ],
    ideas: [
      'Together we planned a ninety-day check-in for new drivers at two depots; {who} chose the depots.',
    ],
    redirects: ['Their real issue is fuel surcharges their customers refuse to pay.'],
    adHoc: ['Their largest shippers will ask for emissions per shipment in tenders'],
  },
  {
    industry: 'Energy',
    accounts: ['Halvorsen Energy', 'Copperline Renewables'],
    initiatives: ['Asset Performance', 'Grid Connection'],
    contacts: [
      { name: 'Astrid Nilsen', role: 'Head of Asset Management' },
      { name: 'Caleb Moore', role: 'Project Director' },
    ],
    insideViews: [
      '{who} said grid connection dates slip and the project teams find out from the developer, not the operator.',
      'Maintenance and trading disagree on when to take assets offline, and {who} settles it case by case.',
    ],
    ideas: ['We sketched a shared outage calendar for maintenance and trading; {who} proposed the first site.'],
    redirects: ['Their real issue is the queue for grid connections.'],
    adHoc: ['Curtailment is becoming a bigger revenue risk than outages for assets like theirs'],
  },
  {
    industry: 'Utilities',
    accounts: ['Alder Water & Power', 'Fernbrook Utilities'],
    initiatives: ['Field Service', 'Customer Billing'],
    contacts: [
      { name: 'Paul Reyes', role: 'Director of Field Operations' },
      { name: 'Mei Tanaka', role: 'Head of Customer Experience' },
    ],
    insideViews: [
      '{who} said storm crews are scheduled on paper when the outage system goes down, which is exactly when it is needed.',
      'The regulator asked about vulnerable customers, and {who} admits the lists live in three systems.',
    ],
    ideas: ['Together we drafted one list of vulnerable customers for storm days; {who} offered the data owner.'],
    redirects: ['Their real issue is the rate case next year.'],
    adHoc: ['Storm seasons now test their field capacity more than their network'],
  },
  {
    industry: 'Government',
    accounts: ['County of Ashford', 'Westmere City Council'],
    initiatives: ['Resident Services', 'Case Management'],
    contacts: [
      { name: 'Deborah Lane', role: 'Chief Digital Officer' },
      { name: 'Ahmed Karim', role: 'Director of Social Services' },
    ],
    insideViews: [
      '{who} said caseworkers re-enter the same resident details in four systems, and the union has raised it.',
      'The budget office funds projects but not the staff to run them, and {who} has two systems nobody maintains.',
    ],
    ideas: ['We agreed to map one resident journey end to end; {who} chose the housing application.'],
    redirects: ['Their real issue is hiring caseworkers, not systems.'],
    adHoc: ['Residents now expect council services to work like their bank’s app'],
  },
  {
    industry: 'Education',
    accounts: ['Kingsford University', 'Halden College', 'St. Brendan’s University'],
    initiatives: ['Student Success', 'Admissions'],
    contacts: [
      { name: 'Ruth Adeyemi', role: 'Associate Provost' },
      { name: 'Gareth Price', role: 'Registrar' },
    ],
    insideViews: [
      '{who} said advising is split across colleges and nobody owns first-year retention.',
      'The registrar has the early warning data but no mandate, and {who} says the deans guard their own numbers.',
    ],
    ideas: [
      'Together we proposed a cross-college retention working group; {who} offered to chair it and invite two deans.',
    ],
    redirects: ['Their real issue is international enrolment after the visa changes.'],
    adHoc: ['Falling numbers of school leavers will make retention, not recruitment, the lever for tuition revenue'],
  },
  {
    industry: 'Technology',
    accounts: ['Nimbus Software', 'Brightpath Analytics', 'Orbital Systems'],
    initiatives: ['Customer Success', 'Renewals'],
    contacts: [
      { name: 'Ethan Cole', role: 'Chief Customer Officer' },
      { name: 'Lina Moreau', role: 'VP Finance' },
    ],
    insideViews: [
      '{who} said renewals are forecast from gut feel because usage data sits with product, not customer success.',
      'Finance wants fewer discounts, sales wants more, and {who} says the board meeting will settle it.',
    ],
    ideas: [
      'We worked out an early warning list from usage data for the top accounts; {who} offered a product analyst.',
    ],
    redirects: ['Their real issue is moving customers to usage-based pricing.'],
    adHoc: ['Their customers are consolidating vendors, and renewals will be decided on usage'],
  },
  {
    industry: 'Telecommunications',
    accounts: ['Lumen Ridge Telecom', 'Signalpoint Mobile'],
    initiatives: ['Network Operations', 'Customer Care'],
    contacts: [
      { name: 'Fiona Grant', role: 'VP Customer Care' },
      { name: 'Raj Malhotra', role: 'Head of Network Operations' },
    ],
    insideViews: [
      '{who} said outages are announced by customers on social media before the network team confirms them.',
      'Care and network operations each own half of the outage message, and {who} says neither trusts the other’s data.',
    ],
    ideas: ['Together we drafted one outage message owned jointly; {who} proposed running it in the next maintenance window.'],
    redirects: ['Their real issue is copper switch-off and the customers it strands.'],
    adHoc: ['Customers now judge their network by how fast they hear about outages'],
  },
  {
    industry: 'Biotechnology',
    accounts: ['Helixa Therapeutics', 'Corvane Bio'],
    initiatives: ['Clinical Operations', 'Quality Systems'],
    contacts: [
      { name: 'Miriam Katz', role: 'VP Clinical Operations' },
      { name: 'Lucas Ferreira', role: 'Head of Quality' },
    ],
    insideViews: [
      '{who} said site activation is the bottleneck, and contracts sit with legal for weeks.',
      'Quality and clinical use different deviation systems, and {who} expects the inspector to notice.',
    ],
    ideas: ['We mapped the site activation steps together; {who} picked the contract step to attack first.'],
    redirects: ['Their real issue is funding for the next trial phase.'],
    adHoc: ['Inspectors will read their deviation records across systems, not one at a time'],
  },
]; // prettier-ignore

/** Artefacts reps offer to bring to the next meeting. */
export const ARTEFACTS = [
  'a pilot outline',
  'a draft success measure',
  'a one-page plan',
  'the data map',
  'a cost model',
];

/** Conversations that stay on our product: what the scorer should rank low. */
export const WEAK_SUMMARIES = [
  'Demo of the {initiative} features and a pricing walkthrough. They liked the dashboard.',
  'Status call on the implementation timeline and licence pricing.',
  'Walked through our roadmap and the new reporting module.',
  'Quick call, they asked about discounts and contract terms.',
];
export const WEAK_VIEWS = ['They seem interested.', 'They seem happy with the demo.'];
export const WEAK_NEXT_STEPS = ['Follow up.', 'Send the deck.', 'They will get back to us.'];
