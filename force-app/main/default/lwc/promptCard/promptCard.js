import { LightningElement, api } from 'lwc';
import { formatDate, formatLabel, reactionLabel } from 'c/uanFormat';
import LABEL_ASK from '@salesforce/label/c.UAN_Prompt_Ask';
import LABEL_WHY from '@salesforce/label/c.UAN_Prompt_WhyItMatters';
import LABEL_SOURCE from '@salesforce/label/c.UAN_Prompt_Source';
import LABEL_EXPIRES from '@salesforce/label/c.UAN_Prompt_ExpiresOn';
import LABEL_HEARD from '@salesforce/label/c.UAN_Prompt_Heard';
import LABEL_HEARD_DETAIL from '@salesforce/label/c.UAN_Prompt_HeardDetail';
import LABEL_HEARD_NO_REACTION from '@salesforce/label/c.UAN_Prompt_HeardDetailNoReaction';

/**
 * One picked prompt: the outside-in provocation, the inside-out follow-up, and why it matters on demand.
 * A prompt the account heard lately (on any of its deals, from anyone) says so, with who, when and how
 * it landed, so the rep does not repeat it unawares.
 */
export default class PromptCard extends LightningElement {
  /** {id, title, provocation, followUp, rationale, source, expiresOn, heard: {authorName, occurredAt, reaction} | null} */
  @api prompt;

  expanded = false;

  labels = {
    ask: LABEL_ASK,
    why: LABEL_WHY,
    source: LABEL_SOURCE,
    expires: LABEL_EXPIRES,
    heard: LABEL_HEARD,
  };

  get heardText() {
    const heard = this.prompt?.heard;
    if (!heard) {
      return null;
    }
    const who = heard.authorName || heard.authorId;
    const when = formatDate(heard.occurredAt);
    return heard.reaction
      ? formatLabel(LABEL_HEARD_DETAIL, who, when, reactionLabel(heard.reaction))
      : formatLabel(LABEL_HEARD_NO_REACTION, who, when);
  }

  get hasWhy() {
    return Boolean(this.prompt?.rationale || this.prompt?.source);
  }

  get expiresText() {
    return this.prompt?.expiresOn ? formatDate(this.prompt.expiresOn) : null;
  }

  handleToggle() {
    this.expanded = !this.expanded;
  }
}
