import { LightningElement, api } from 'lwc';
import { formatDate } from 'c/uanFormat';
import LABEL_ASK from '@salesforce/label/c.UAN_Prompt_Ask';
import LABEL_WHY from '@salesforce/label/c.UAN_Prompt_WhyItMatters';
import LABEL_SOURCE from '@salesforce/label/c.UAN_Prompt_Source';
import LABEL_EXPIRES from '@salesforce/label/c.UAN_Prompt_ExpiresOn';

/** One picked prompt: the outside-in provocation, the inside-out follow-up, and why it matters on demand. */
export default class PromptCard extends LightningElement {
  /** {id, title, provocation, followUp, rationale, source, expiresOn} */
  @api prompt;

  expanded = false;

  labels = { ask: LABEL_ASK, why: LABEL_WHY, source: LABEL_SOURCE, expires: LABEL_EXPIRES };

  get hasWhy() {
    return Boolean(this.prompt?.rationale || this.prompt?.source);
  }

  get ariaExpanded() {
    return this.expanded ? 'true' : 'false';
  }

  get whyHidden() {
    return !this.expanded;
  }

  get toggleIcon() {
    return this.expanded ? 'utility:chevrondown' : 'utility:chevronright';
  }

  get expiresText() {
    return this.prompt?.expiresOn ? formatDate(this.prompt.expiresOn) : null;
  }

  handleToggle() {
    this.expanded = !this.expanded;
  }
}
