import { LightningElement, api } from 'lwc';
import { formatDate, formatLabel, formatScore, reactionLabel, scoreTone } from 'c/uanFormat';
import LABEL_HEADING from '@salesforce/label/c.UAN_History_Heading';
import LABEL_EMPTY from '@salesforce/label/c.UAN_History_Empty';
import LABEL_BY from '@salesforce/label/c.UAN_History_By';
import LABEL_SCORE from '@salesforce/label/c.UAN_History_Score';
import LABEL_NEXT_STEP from '@salesforce/label/c.UAN_Dim_NextStep';
import LABEL_RAISED from '@salesforce/label/c.UAN_History_Raised';

/** A list of conversation notes, newest first as given: date, author, overall score, reactions, summary. */
export default class NoteHistory extends LightningElement {
  @api notes;
  @api heading = LABEL_HEADING;
  @api emptyMessage = LABEL_EMPTY;

  labels = { nextStep: LABEL_NEXT_STEP, raised: LABEL_RAISED };

  get hasNotes() {
    return Array.isArray(this.notes) && this.notes.length > 0;
  }

  get items() {
    return (this.notes ?? []).map((note) => {
      const overall = note.score?.overall;
      return {
        id: note.id,
        date: formatDate(note.occurredAt || note.createdAt),
        author: formatLabel(LABEL_BY, note.authorName || note.authorId || ''),
        scoreText: formatLabel(LABEL_SCORE, formatScore(overall)),
        scoreClass: `slds-badge uan-note__score uan-note__score_${scoreTone(overall)}`,
        summary: note.summary,
        nextStep: note.nextStep
          ? [note.nextStep, note.nextStepDate ? formatDate(note.nextStepDate) : null]
              .filter(Boolean)
              .join(' · ')
          : null,
        reactions: (note.prompts ?? []).map((p, index) => ({
          key: `${note.id}-${index}`,
          text: p.title || p.text || '',
          reaction: p.reaction ? reactionLabel(p.reaction) : null,
        })),
        hasReactions: (note.prompts ?? []).length > 0,
      };
    });
  }
}
