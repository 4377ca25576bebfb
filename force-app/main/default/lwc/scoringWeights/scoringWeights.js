import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import saveSettings from '@salesforce/apex/UpAtNightSettingsController.saveSettings';
import startRescore from '@salesforce/apex/UpAtNightSettingsController.startRescore';
import getJob from '@salesforce/apex/UpAtNightSettingsController.getJob';
import { DIMENSIONS, dimensionLabel, formatLabel, parseJson } from 'c/uanFormat';
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

/** How often to ask the service about a running rescore. */
const POLL_MS = 1500;
const FINISHED = new Set(['done', 'failed']);

/**
 * The tenant's scoring weights as five sliders, saved to the service, and a rescore of stored notes
 * with progress polled from the job until it finishes.
 */
export default class ScoringWeights extends LightningElement {
  weights = {};
  job;
  pollTimer;
  saving = false;
  error;
  errorMessage;
  dirty = false;

  labels = {
    heading: LABEL_HEADING,
    intro: LABEL_INTRO,
    save: LABEL_SAVE,
    rescore: LABEL_RESCORE,
    rescoreHelp: LABEL_RESCORE_HELP,
  };

  current;

  /** The service's settings: {industries, stagePhases, weights, rescore}. */
  @api
  get settings() {
    return this.current;
  }
  set settings(value) {
    this.current = value;
    this.weights = { ...(value?.weights ?? {}) };
    this.dirty = false;
    const running = value?.rescore;
    if (running?.jobId && !FINISHED.has(running.status) && !this.job) {
      this.job = { id: running.jobId, status: running.status, done: running.done, total: running.total };
      this.schedulePoll();
    }
  }

  disconnectedCallback() {
    clearTimeout(this.pollTimer);
  }

  get sliders() {
    const total = DIMENSIONS.reduce((sum, key) => sum + (Number(this.weights[key]) || 0), 0);
    return DIMENSIONS.map((key) => {
      const value = Number(this.weights[key] ?? 1);
      return {
        key,
        label: dimensionLabel(key),
        value,
        share: formatLabel(LABEL_SHARE, total ? Math.round((value / total) * 100) : 0),
      };
    });
  }

  get saveDisabled() {
    return this.saving || !this.dirty;
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
      // The service's settings schema is strict: send only what changes.
      const saved = parseJson(await saveSettings({ settings: { weights } }));
      this.dispatchEvent(new ShowToastEvent({ title: LABEL_SAVED, variant: 'success' }));
      this.dispatchEvent(new CustomEvent('settingschange', { detail: saved }));
      this.current = saved;
      this.weights = { ...(saved?.weights ?? weights) };
      this.dirty = false;
    } catch (error) {
      this.error = error;
      this.errorMessage = LABEL_SAVE_ERROR;
    } finally {
      this.saving = false;
    }
  }

  async handleRescore() {
    this.error = undefined;
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
