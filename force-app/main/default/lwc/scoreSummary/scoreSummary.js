import { LightningElement, api } from 'lwc';
import { DIMENSIONS, dimensionLabel, formatDate, formatLabel, formatScore, reactionLabel } from 'c/uanFormat';
import LABEL_HEADING from '@salesforce/label/c.UAN_Summary_Heading';
import LABEL_LATEST from '@salesforce/label/c.UAN_Summary_Latest';
import LABEL_AVERAGE from '@salesforce/label/c.UAN_Summary_Average';
import LABEL_LAST_CONVERSATION from '@salesforce/label/c.UAN_Summary_LastConversation';
import LABEL_LAST_REACTION from '@salesforce/label/c.UAN_Summary_LastReaction';
import LABEL_NONE from '@salesforce/label/c.UAN_Summary_None';
import LABEL_REACTION_COUNT from '@salesforce/label/c.UAN_Summary_ReactionCount';

/**
 * The opportunity's score summary: the latest conversation's overall and five dimensions, and how the
 * customer reacted to every prompt raised in it, most telling first (the service orders them).
 */
export default class ScoreSummary extends LightningElement {
  /** panel.summary: {noteCount, lastConversationAt, averageOverall, latest, lastReaction, lastReactions} */
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
    const reactions = this.summary?.lastReactions ?? [];
    if (reactions.length) {
      return reactions
        .map(({ reaction, count }) => {
          const label = reactionLabel(reaction);
          return count > 1 ? formatLabel(LABEL_REACTION_COUNT, label, count) : label;
        })
        .join(', ');
    }
    return this.summary?.lastReaction ? reactionLabel(this.summary.lastReaction) : null;
  }

  get dimensions() {
    const scores = this.summary?.latest?.dimensions ?? {};
    return DIMENSIONS.map((key) => ({ key, label: dimensionLabel(key), value: scores[key] }));
  }
}
