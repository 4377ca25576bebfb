import { LightningElement, api } from 'lwc';
import { DIMENSIONS, dimensionLabel, formatDate, formatLabel, formatScore, reactionLabel } from 'c/uanFormat';
import LABEL_HEADING from '@salesforce/label/c.UAN_Summary_Heading';
import LABEL_LATEST from '@salesforce/label/c.UAN_Summary_Latest';
import LABEL_AVERAGE from '@salesforce/label/c.UAN_Summary_Average';
import LABEL_LAST_CONVERSATION from '@salesforce/label/c.UAN_Summary_LastConversation';
import LABEL_LAST_REACTION from '@salesforce/label/c.UAN_Summary_LastReaction';
import LABEL_NONE from '@salesforce/label/c.UAN_Summary_None';

/** The opportunity's score summary: the latest conversation's overall and five dimensions. */
export default class ScoreSummary extends LightningElement {
  /** panel.summary: {noteCount, lastConversationAt, averageOverall, latest, lastReaction} */
  @api summary;

  labels = {
    heading: LABEL_HEADING,
    latest: LABEL_LATEST,
    lastConversation: LABEL_LAST_CONVERSATION,
    lastReaction: LABEL_LAST_REACTION,
    none: LABEL_NONE,
  };

  get hasLatest() {
    return Boolean(this.summary?.latest);
  }

  get overall() {
    return this.summary?.latest?.overall;
  }

  get overallText() {
    return formatScore(this.overall);
  }

  get averageText() {
    return formatLabel(
      LABEL_AVERAGE,
      formatScore(this.summary?.averageOverall),
      this.summary?.noteCount ?? 0,
    );
  }

  get lastConversationText() {
    return formatDate(this.summary?.lastConversationAt);
  }

  get lastReactionText() {
    return this.summary?.lastReaction ? reactionLabel(this.summary.lastReaction) : null;
  }

  get dimensions() {
    const scores = this.summary?.latest?.dimensions ?? {};
    return DIMENSIONS.map((key) => ({ key, label: dimensionLabel(key), value: scores[key] }));
  }
}
