import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/uanFormat';
import LABEL_CONFIRMED from '@salesforce/label/c.UAN_Account_Confirmed';
import LABEL_RESHAPED from '@salesforce/label/c.UAN_Account_Reshaped';
import LABEL_REDIRECTED from '@salesforce/label/c.UAN_Account_Redirected';
import LABEL_THEY_SAID from '@salesforce/label/c.UAN_Account_TheySaid';

const OUTCOMES = [
  { key: 'confirmed', label: LABEL_CONFIRMED },
  { key: 'reshaped', label: LABEL_RESHAPED },
  { key: 'redirected', label: LABEL_REDIRECTED },
];

/**
 * Where our outside view met the customer's inside view on an account: which of our provocations their view
 * confirmed, reshaped or redirected, each beside what they told us then. Shown on the opportunity panel and
 * in the manager's drill-down; the owner loads the account's inside view and passes its intersection.
 */
export default class AccountIntersection extends LightningElement {
  /** The inside view's intersection: {confirmed, reshaped, redirected, dismissed}, each a list of provocations. */
  @api intersection;

  /** A heading above the list; none when the owner labels it. */
  @api heading;

  /** Said when no provocation has a reaction yet; without it, nothing is shown then. */
  @api emptyMessage;

  get outcomes() {
    const intersection = this.intersection ?? {};
    return OUTCOMES.map(({ key, label }) => ({
      key,
      label,
      items: (intersection[key] ?? []).map((item) => ({
        key: `${item.noteId}-${item.promptId ?? item.text}`,
        text: item.title ?? item.text,
        said: item.customerSaid ? formatLabel(LABEL_THEY_SAID, item.customerSaid.text) : null,
      })),
    })).filter((outcome) => outcome.items.length > 0);
  }

  get hasOutcomes() {
    return this.outcomes.length > 0;
  }
}
