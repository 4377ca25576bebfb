// The brief as plain text, to paste into an email or a calendar invite: short sections, one line
// per item, and each line's source in brackets so a reader can find the note or prompt behind it.
import type { Brief } from './brief';
import type { Source } from './inside-view';

const KIND_LABELS: Record<string, string> = {
  redirect: 'What actually keeps them up',
  priority: 'Priority',
  constraint: 'Constraint',
  initiative: 'Initiative',
  who_wants_what: 'Who wants what',
  disagreement: 'Disagreement',
  practice: 'What they already do',
};

const STATUS_LABELS: Record<string, string> = {
  happened: 'happened',
  upcoming: 'coming up',
  overdue: 'overdue: no conversation logged since',
  undated: 'no date agreed',
};

function sourceOf(source: Source): string {
  const parts = [
    ...(source.noteId ? [`note ${source.noteId}`] : []),
    ...(source.promptId ? [`prompt ${source.promptId}`] : []),
  ];
  return `[${parts.join(', ')}]`;
}

export function renderBriefText(brief: Omit<Brief, 'text'>): string {
  const { opportunity } = brief;
  const title = [opportunity.accountName, opportunity.name].filter(Boolean).join(' – ') || opportunity.id;
  const lines = [`Pre-call brief: ${title} (${brief.generatedOn})`];
  const section = (heading: string, items: string[]) => {
    if (items.length > 0) lines.push('', heading, ...items.map((item) => `- ${item}`));
  };
  section(
    'Provocations they have not heard',
    brief.prompts.map((p) => `${p.title}: ${p.provocation} ${sourceOf(p.source)}`),
  );
  section(
    'What actually keeps them up (open redirects)',
    brief.openRedirects.map((e) => `${e.text} (${e.occurredAt}) ${sourceOf(e.source)}`),
  );
  section(
    'What they told us',
    brief.insideView.map((e) => `${KIND_LABELS[e.kind]}: ${e.text} (${e.occurredAt}) ${sourceOf(e.source)}`),
  );
  const step = brief.nextStep;
  if (step) {
    const when = step.date ? ` by ${step.date}` : '';
    section('Last agreed next step', [
      `${step.text}${when} — ${STATUS_LABELS[step.status]} ${sourceOf(step.source)}`,
    ]);
  }
  const question = brief.suggestedQuestion;
  if (question) section('Question to ask', [`${question.text} ${sourceOf(question.source)}`]);
  return `${lines.join('\n')}\n`;
}
