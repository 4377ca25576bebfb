import startRescore from '@salesforce/apex/UpAtNightSettingsController.startRescore';
import getJob from '@salesforce/apex/UpAtNightSettingsController.getJob';
import { DIMENSIONS, dimensionLabel, formatLabel, parseJson } from 'c/uanFormat';
import { LightningElement } from 'lwc';
import { SettingsTabMixin, saveSettingsChange } from 'c/uanSettings';
import LABEL_HEADING from '@salesforce/label/c.UAN_Weights_Heading';
import LABEL_INTRO from '@salesforce/label/c.UAN_Weights_Intro';
import LABEL_SAVE from '@salesforce/label/c.UAN_Weights_Save';
import LABEL_SAVED from '@salesforce/label/c.UAN_Weights_Saved';
import LABEL_SAVE_ERROR from '@salesforce/label/c.UAN_Weights_SaveError';
import LABEL_SHARE from '@salesforce/label/c.UAN_Weights_Share';
import LABEL_RESCORE from '@salesforce/label/c.UAN_Weights_Rescore';
import LABEL_RESCORE_HELP from '@salesforce/label/c.UAN_Weights_RescoreHelp';
import LABEL_PROGRESS from '@salesforce/label/c.UAN_Weights_Progress';
import LABEL_RESCORE_DONE from '@salesforce/label/c.UAN_Weights_RescoreDone';
import LABEL_RESCORE_FAILED from '@salesforce/label/c.UAN_Weights_RescoreFailed';
import LABEL_RESCORE_ERROR from '@salesforce/label/c.UAN_Weights_RescoreError';
import LABEL_TOTAL from '@salesforce/label/c.UAN_Weights_Total';
import LABEL_ALL_ZERO from '@salesforce/label/c.UAN_Weights_AllZero';
import LABEL_RESCORE_STARTED from '@salesforce/label/c.UAN_Weights_RescoreStarted';

/** How often to ask the service about a running rescore. */
const POLL_MS = 1500;
const FINISHED = new Set(['done', 'failed']);

/**
 * Whole percentages of each value's share of the total that add up to exactly 100: each share is
 * rounded down and the points left go to the largest remainders (so 1:1:1 shows 34, 33, 33).
 */
function wholePercents(values) {
  const total = values.reduce((sum, v) => sum + v, 0);
  if (!total) {
    return values.map(() => 0);
  }
  const exact = values.map((v) => (v / total) * 100);
  const whole = exact.map(Math.floor);
  let left = 100 - whole.reduce((sum, v) => sum + v, 0);
  const byRemainder = exact.map((v, i) => [v - whole[i], i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left <= 0) {
      break;
    }
    whole[i] += 1;
    left -= 1;
  }
  return whole;
}

/**
 * The tenant's scoring weights as five sliders, each with its share of the overall score (the
 * shares add up to 100 %), saved to the service. Saving new weights starts a rescore of stored
 * notes; that job, or one started by hand, shows its progress, polled until it finishes.
 */
export default class ScoringWeights extends SettingsTabMixin(LightningElement) {
  weights = {};
  job;
  pollTimer;
  saving = false;
  error;
  errorMessage;

  labels = {
    heading: LABEL_HEADING,
    intro: LABEL_INTRO,
    save: LABEL_SAVE,
    rescore: LABEL_RESCORE,
    rescoreHelp: LABEL_RESCORE_HELP,
    allZero: LABEL_ALL_ZERO,
  };
  /** Set when the job on show was started by saving weights, to say so above its progress. */
  startedBySave = false;

  showSettings(value) {
    this.weights = { ...(value?.weights ?? {}) };
    // a rescore already under way when the page opens (the service answers {id, status, done, total})
    if (!this.job) {
      this.follow(value?.rescore);
    }
  }

  disconnectedCallback() {
    clearTimeout(this.pollTimer);
  }

  get values() {
    return DIMENSIONS.map((key) => Number(this.weights[key] ?? 1));
  }

  get sliders() {
    const values = this.values;
    const shares = wholePercents(values);
    return DIMENSIONS.map((key, index) => ({
      key,
      label: dimensionLabel(key),
      value: values[index],
      share: formatLabel(LABEL_SHARE, shares[index]),
    }));
  }

  /** With every weight at zero there are no shares: nothing would count, and the service refuses it. */
  get allZero() {
    return this.values.every((v) => !v);
  }

  get totalText() {
    return formatLabel(
      LABEL_TOTAL,
      wholePercents(this.values).reduce((sum, v) => sum + v, 0),
    );
  }

  get totalClass() {
    const tone = this.allZero ? ' slds-text-color_error' : '';
    return `slds-text-body_small slds-m-top_xx-small uan-weights__total${tone}`;
  }

  get saveDisabled() {
    return this.saving || !this.dirty || this.allZero;
  }

  get jobHeading() {
    return this.startedBySave ? LABEL_RESCORE_STARTED : '';
  }

  get jobRunning() {
    return Boolean(this.job) && !FINISHED.has(this.job.status);
  }

  get rescoreDisabled() {
    return this.saving || this.jobRunning || this.dirty;
  }

  get progress() {
    const total = this.job?.total ?? 0;
    return total ? Math.round(((this.job.done ?? 0) / total) * 100) : 0;
  }

  get progressText() {
    if (!this.job) {
      return '';
    }
    if (this.job.status === 'done') {
      return formatLabel(LABEL_RESCORE_DONE, this.job.total ?? 0);
    }
    if (this.job.status === 'failed') {
      return formatLabel(LABEL_RESCORE_FAILED, this.job.error ?? '');
    }
    return formatLabel(LABEL_PROGRESS, this.job.done ?? 0, this.job.total ?? 0);
  }

  handleSlider(event) {
    this.weights = {
      ...this.weights,
      [event.target.dataset.key]: Number(event.detail?.value ?? event.target.value),
    };
    this.dirty = true;
  }

  async handleSave() {
    this.saving = true;
    this.error = undefined;
    try {
      const weights = {};
      for (const key of DIMENSIONS) {
        weights[key] = Number(this.weights[key] ?? 1);
      }
      const saved = await saveSettingsChange(this, { weights }, LABEL_SAVED);
      this.current = saved;
      this.weights = { ...(saved?.weights ?? weights) };
      this.dirty = false;
      // new weights started a rescore (or joined the one running): show it and its progress
      this.startedBySave = this.follow(saved?.rescore) || this.startedBySave;
    } catch (error) {
      this.error = error;
      this.errorMessage = LABEL_SAVE_ERROR;
    } finally {
      this.saving = false;
    }
  }

  /** Shows a running job and polls it; true when there was one to follow. */
  follow(job) {
    if (!job?.id || FINISHED.has(job.status)) {
      return false;
    }
    this.job = { id: job.id, status: job.status, done: job.done ?? 0, total: job.total ?? 0 };
    this.schedulePoll();
    return true;
  }

  get rescoreActions() {
    return [
      {
        name: 'rescore',
        label: this.labels.rescore,
        iconName: 'utility:refresh',
        disabled: this.rescoreDisabled,
        className: 'uan-weights__rescore',
      },
    ];
  }

  async handleRescore() {
    this.error = undefined;
    this.startedBySave = false;
    try {
      this.job = parseJson(await startRescore());
      if (this.jobRunning) {
        this.schedulePoll();
      }
    } catch (error) {
      this.error = error;
      this.errorMessage = LABEL_RESCORE_ERROR;
    }
  }

  schedulePoll() {
    clearTimeout(this.pollTimer);
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- polling a background job needs a timer
    this.pollTimer = setTimeout(() => this.poll(), POLL_MS);
  }

  async poll() {
    try {
      const job = parseJson(await getJob({ jobId: this.job.id }));
      // a weight change during the run replaced the job with a new one: follow that one
      this.job =
        job.status === 'superseded' && job.supersededBy
          ? { id: job.supersededBy, status: 'queued', done: 0, total: job.total }
          : job;
    } catch (error) {
      this.error = error;
      this.errorMessage = LABEL_RESCORE_ERROR;
      return;
    }
    if (this.jobRunning) {
      this.schedulePoll();
    } else if (this.job.status === 'done') {
      this.dispatchEvent(new CustomEvent('rescored', { detail: this.job }));
    }
  }
}
