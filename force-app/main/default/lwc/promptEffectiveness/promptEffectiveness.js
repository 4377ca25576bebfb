import { LightningElement, api } from 'lwc';
import getPromptEffectiveness from '@salesforce/apex/UpAtNightAnalyticsController.getPromptEffectiveness';
import {
  REACTIONS,
  formatLabel,
  formatPercent,
  formatRateInterval,
  parseJson,
  reactionLabel,
} from 'c/uanFormat';
import LABEL_HEADING from '@salesforce/label/c.UAN_Effect_Heading';
import LABEL_CAPTION from '@salesforce/label/c.UAN_Effect_Caption';
import LABEL_PROMPT from '@salesforce/label/c.UAN_Effect_Prompt';
import LABEL_RAISED from '@salesforce/label/c.UAN_Effect_TimesRaised';
import LABEL_PROGRESSED from '@salesforce/label/c.UAN_Effect_Progressed';
import LABEL_WIN_RATE from '@salesforce/label/c.UAN_Effect_WinRate';
import LABEL_BASELINE from '@salesforce/label/c.UAN_Effect_Baseline';
import LABEL_COUNT_SHARE from '@salesforce/label/c.UAN_Effect_CountShare';
import LABEL_EMPTY from '@salesforce/label/c.UAN_Effect_Empty';
import LABEL_ERROR from '@salesforce/label/c.UAN_Effect_Error';
import LABEL_CANDIDATES from '@salesforce/label/c.UAN_Effect_Candidates';
import LABEL_CANDIDATES_CAPTION from '@salesforce/label/c.UAN_Effect_CandidatesCaption';
import LABEL_CANDIDATE_TEXT from '@salesforce/label/c.UAN_Effect_CandidateText';
import LABEL_CANDIDATE_KIND from '@salesforce/label/c.UAN_Effect_CandidateKind';
import LABEL_CANDIDATE_COUNT from '@salesforce/label/c.UAN_Effect_CandidateCount';
import LABEL_KIND_ADHOC from '@salesforce/label/c.UAN_Effect_KindAdhoc';
import LABEL_KIND_REDIRECTED from '@salesforce/label/c.UAN_Effect_KindRedirected';
import LABEL_SHOW_NOTES from '@salesforce/label/c.UAN_Effect_ShowNotes';
import LABEL_BUSY from '@salesforce/label/c.UAN_Busy';

/**
 * Prompt effectiveness: how often each prompt was raised, how customers reacted, how often the deal
 * progressed, and its win rate against the baseline, each with its interval. Reps' own provocations
 * and "redirected" issues are listed as candidate prompts. With `selectable`, a prompt's title is a
 * button that emits `promptselect` ({promptKey, title}) for a drill-down.
 */
export default class PromptEffectiveness extends LightningElement {
  /** Optional filter by prompt set. */
  @api setId;
  @api selectable = false;

  data;
  loading = false;
  error;

  labels = {
    heading: LABEL_HEADING,
    caption: LABEL_CAPTION,
    prompt: LABEL_PROMPT,
    raised: LABEL_RAISED,
    progressed: LABEL_PROGRESSED,
    winRate: LABEL_WIN_RATE,
    baseline: LABEL_BASELINE,
    empty: LABEL_EMPTY,
    error: LABEL_ERROR,
    candidates: LABEL_CANDIDATES,
    candidatesCaption: LABEL_CANDIDATES_CAPTION,
    candidateText: LABEL_CANDIDATE_TEXT,
    candidateKind: LABEL_CANDIDATE_KIND,
    candidateCount: LABEL_CANDIDATE_COUNT,
    busy: LABEL_BUSY,
  };

  reactionColumns = REACTIONS.map((key) => ({ key, label: reactionLabel(key) }));

  connectedCallback() {
    this.load();
  }

  /** Reloads the numbers (e.g. after a rescore). */
  @api
  async load() {
    this.loading = true;
    this.error = undefined;
    try {
      const query = this.setId ? { setId: this.setId } : {};
      this.data = parseJson(await getPromptEffectiveness({ query }));
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }

  get rows() {
    return (this.data?.items ?? []).map((item) => {
      const raised = item.timesRaised ?? 0;
      const share = (count) =>
        formatLabel(LABEL_COUNT_SHARE, count ?? 0, formatPercent(raised ? (count ?? 0) / raised : null));
      return {
        key: item.promptKey,
        title: item.title || item.promptKey,
        showNotesLabel: formatLabel(LABEL_SHOW_NOTES, item.title || item.promptKey),
        raised,
        reactions: REACTIONS.map((reaction) => ({ key: reaction, text: share(item.reactions?.[reaction]) })),
        progressed: share(item.progressed),
        winRate: formatRateInterval(item.winRate),
        baseline: formatRateInterval(item.baseline),
      };
    });
  }

  get hasRows() {
    return this.rows.length > 0;
  }

  get candidates() {
    return (this.data?.candidates ?? []).map((c, index) => ({
      key: `${index}`,
      text: c.text,
      count: c.count,
      kind: c.kind === 'redirected' ? LABEL_KIND_REDIRECTED : LABEL_KIND_ADHOC,
    }));
  }

  get hasCandidates() {
    return this.candidates.length > 0;
  }

  handleSelect(event) {
    const { key, title } = event.currentTarget.dataset;
    this.dispatchEvent(new CustomEvent('promptselect', { detail: { promptKey: key, title } }));
  }
}
