import { LightningElement, api } from 'lwc';
import { formatScore, scoreTone } from 'c/uanFormat';

/** One labelled 0–100 score with a bar; the number is always shown as text, never by colour alone. */
export default class ScoreBar extends LightningElement {
  @api label;
  @api value;

  get hasValue() {
    return typeof this.value === 'number' && Number.isFinite(this.value);
  }

  get display() {
    return formatScore(this.value);
  }

  get valueNow() {
    return this.hasValue ? Math.round(this.value) : undefined;
  }

  get fillClass() {
    return `slds-progress-bar__value uan-bar uan-bar_${scoreTone(this.value)}`;
  }

  get fillStyle() {
    const width = this.hasValue ? Math.max(0, Math.min(100, this.value)) : 0;
    return `width: ${width}%;`;
  }
}
