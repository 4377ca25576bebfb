import { LightningElement, api } from 'lwc';
import { formatDate, formatLabel, reactionLabel } from 'c/uanFormat';
import LABEL_TOGGLE from '@salesforce/label/c.UAN_AccountHistory_Toggle';
import LABEL_MORE from '@salesforce/label/c.UAN_AccountHistory_More';
import LABEL_NONE from '@salesforce/label/c.UAN_AccountHistory_None';
import LABEL_ADHOC from '@salesforce/label/c.UAN_AccountHistory_Adhoc';
import LABEL_BY from '@salesforce/label/c.UAN_History_By';

/**
 * What the deal's account has already heard from us, on any of its deals and from any rep: one click
 * opens the newest provocations with when, who, on which deal and how they landed. Collapsed at first
 * so the prompts stay at the top of the panel.
 */
export default class AccountProvocationHistory extends LightningElement {
  /** panel.accountHistory: {items: [{noteId, opportunityName, occurredAt, authorName, title, text, reaction}], more} */
  @api history;

  expanded = false;

  labels = { none: LABEL_NONE };

  get items() {
    return this.history?.items ?? [];
  }

  get hasItems() {
    return this.items.length > 0;
  }

  get toggleText() {
    return formatLabel(LABEL_TOGGLE, this.history?.more ? `${this.items.length}+` : this.items.length);
  }

  get moreText() {
    return this.history?.more ? formatLabel(LABEL_MORE, this.items.length) : null;
  }

  get rows() {
    return this.items.map((item, index) => ({
      key: `${item.noteId}-${index}`,
      what: item.title || item.text || LABEL_ADHOC,
      date: formatDate(item.occurredAt),
      author: formatLabel(LABEL_BY, item.authorName || item.authorId),
      deal: item.opportunityName,
      reaction: item.reaction ? reactionLabel(item.reaction) : null,
    }));
  }

  get ariaExpanded() {
    return this.expanded ? 'true' : 'false';
  }

  get collapsed() {
    return !this.expanded;
  }

  get toggleIcon() {
    return this.expanded ? 'utility:chevrondown' : 'utility:chevronright';
  }

  handleToggle() {
    this.expanded = !this.expanded;
  }
}
