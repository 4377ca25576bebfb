import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getPromptEffectiveness from '@salesforce/apex/UpAtNightAnalyticsController.getPromptEffectiveness';
import promoteCandidate from '@salesforce/apex/UpAtNightPromptSetController.promoteCandidate';
import {
  CHART_PALETTE,
  REACTIONS,
  formatLabel,
  formatPercent,
  formatRateInterval,
  parseJson,
  reactionLabel,
  tableColumns,
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
import LABEL_FILTERS from '@salesforce/label/c.UAN_Effect_Filters';
import LABEL_FILTER_INDUSTRY from '@salesforce/label/c.UAN_Effect_FilterIndustry';
import LABEL_FILTER_PHASE from '@salesforce/label/c.UAN_Effect_FilterPhase';
import LABEL_FILTER_SET from '@salesforce/label/c.UAN_Effect_FilterSet';
import LABEL_FILTER_VERSION from '@salesforce/label/c.UAN_Effect_FilterVersion';
import LABEL_ALL from '@salesforce/label/c.UAN_Effect_All';
import LABEL_VERSION_N from '@salesforce/label/c.UAN_Effect_VersionN';
import LABEL_WIN_RATE_CHART from '@salesforce/label/c.UAN_Effect_WinRateChart';
import LABEL_INTERVAL from '@salesforce/label/c.UAN_Effect_Interval';
import LABEL_PROMOTE_INTO from '@salesforce/label/c.UAN_Effect_PromoteInto';
import LABEL_PROMOTE from '@salesforce/label/c.UAN_Effect_Promote';
import LABEL_PROMOTE_TITLE from '@salesforce/label/c.UAN_Effect_PromoteTitle';
import LABEL_PROMOTED from '@salesforce/label/c.UAN_Effect_Promoted';
import LABEL_PROMOTED_TOAST from '@salesforce/label/c.UAN_Effect_PromotedToast';
import LABEL_PROMOTE_ERROR from '@salesforce/label/c.UAN_Effect_PromoteError';
import LABEL_CANDIDATE_STATUS from '@salesforce/label/c.UAN_Effect_CandidateStatus';
import LABEL_NOT_PROMOTED from '@salesforce/label/c.UAN_Effect_NotPromoted';
import LABEL_PHASE_EARLY from '@salesforce/label/c.UAN_Phase_Early';
import LABEL_PHASE_MIDDLE from '@salesforce/label/c.UAN_Phase_Middle';
import LABEL_PHASE_LATE from '@salesforce/label/c.UAN_Phase_Late';

const PHASE_OPTIONS = [
  { label: LABEL_PHASE_EARLY, value: 'early' },
  { label: LABEL_PHASE_MIDDLE, value: 'middle' },
  { label: LABEL_PHASE_LATE, value: 'late' },
];

const asPercent = (share) => (typeof share === 'number' ? Math.round(share * 1000) / 10 : null);

const COLUMNS = [
  { key: 'prompt', label: LABEL_PROMPT },
  { key: 'raised', label: LABEL_RAISED },
  ...REACTIONS.map((key) => ({ key, label: reactionLabel(key) })),
  { key: 'progressed', label: LABEL_PROGRESSED },
  { key: 'winRate', label: LABEL_WIN_RATE },
  { key: 'baseline', label: LABEL_BASELINE },
];

const CANDIDATE_COLUMNS = tableColumns({
  text: LABEL_CANDIDATE_TEXT,
  kind: LABEL_CANDIDATE_KIND,
  count: LABEL_CANDIDATE_COUNT,
  status: LABEL_CANDIDATE_STATUS,
});

/** The figures a row shows: the prompt's total, or one version's when a version is chosen. */
function figuresOf(item, setId, version) {
  if (!setId || !version) {
    return item;
  }
  return (item.versions ?? []).find((v) => v.setId === setId && v.version === version) ?? null;
}

/**
 * Prompt effectiveness: how often each prompt was raised, how customers reacted, how often the deal
 * progressed, and its win rate against the baseline, each with its interval (a chart and a table).
 * Reps' own provocations and "redirected" issues are listed as candidate prompts. With `selectable`,
 * a prompt's title is a button that emits `promptselect` ({promptKey, title}) for a drill-down. With
 * `filterable`, industry, phase, set and version filters narrow the figures; with `promotable`, a
 * candidate can be promoted into a draft prompt of a chosen set (emits `promoted` with the draft).
 */
export default class PromptEffectiveness extends LightningElement {
  /** Optional filter by prompt set. */
  @api setId;
  @api selectable = false;
  @api filterable = false;
  @api promotable = false;
  /** The tenant's prompt sets with their versions (set and version filters, promotion targets). */
  @api sets = [];
  @api industryOptions = [];

  data;
  loading = false;
  error;
  industry = '';
  phase = '';
  version = '';
  /** The set chosen in the set filter; the `setId` attribute is its initial value. */
  chosenSetId;
  promoteSetId = '';
  promoting = false;
  promoteError;

  labels = {
    heading: LABEL_HEADING,
    empty: LABEL_EMPTY,
    error: LABEL_ERROR,
    candidates: LABEL_CANDIDATES,
    busy: LABEL_BUSY,
    filters: LABEL_FILTERS,
    winRateChart: LABEL_WIN_RATE_CHART,
    promoteInto: LABEL_PROMOTE_INTO,
    promoteError: LABEL_PROMOTE_ERROR,
  };

  /** The prompts' figures; the section's heading already says what the table shows. */
  get table() {
    return { caption: LABEL_CAPTION, captionHidden: true, columns: COLUMNS, rows: this.rows };
  }

  connectedCallback() {
    this.load();
  }

  /** Reloads the numbers (e.g. after a rescore). */
  @api
  async load() {
    this.loading = true;
    this.error = undefined;
    try {
      this.data = parseJson(await getPromptEffectiveness({ query: this.query }));
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }

  get selectedSetId() {
    return this.chosenSetId ?? this.setId ?? '';
  }

  /** What the service filters by; a version narrows the rows here, from the per-version figures. */
  get query() {
    const query = {};
    if (this.industry) {
      query.industry = this.industry;
    }
    if (this.phase) {
      query.phase = this.phase;
    }
    if (this.selectedSetId) {
      query.setId = this.selectedSetId;
    }
    return query;
  }

  get industryChoices() {
    return [{ label: LABEL_ALL, value: '' }, ...(this.industryOptions ?? [])];
  }

  get phaseChoices() {
    return [{ label: LABEL_ALL, value: '' }, ...PHASE_OPTIONS];
  }

  get setChoices() {
    return [
      { label: LABEL_ALL, value: '' },
      ...(this.sets ?? []).map((s) => ({ label: s.name, value: s.id })),
    ];
  }

  get versionChoices() {
    const set = (this.sets ?? []).find((s) => s.id === this.selectedSetId);
    return [
      { label: LABEL_ALL, value: '' },
      ...[...(set?.versions ?? [])]
        .sort((a, b) => b.version - a.version)
        .map((v) => ({ label: formatLabel(LABEL_VERSION_N, v.version), value: String(v.version) })),
    ];
  }

  /** The four filters, in the order they are shown. */
  get filters() {
    const filter = (name, label, options, value, disabled = false) => ({
      name,
      className: `uan-effect__filter-${name === 'setId' ? 'set' : name}`,
      label,
      options,
      value,
      disabled,
    });
    return [
      filter('industry', LABEL_FILTER_INDUSTRY, this.industryChoices, this.industry),
      filter('phase', LABEL_FILTER_PHASE, this.phaseChoices, this.phase),
      filter('setId', LABEL_FILTER_SET, this.setChoices, this.selectedSetId),
      // a version only means something within one set
      filter('version', LABEL_FILTER_VERSION, this.versionChoices, this.version, !this.selectedSetId),
    ];
  }

  handleFilter(event) {
    const { name: field, value } = event.detail;
    if (field === 'setId') {
      this.chosenSetId = value;
      this.version = '';
    } else {
      this[field] = value;
    }
    if (field !== 'version') {
      this.load();
    }
  }

  /** Each prompt with the figures the filters select; prompts without figures for the version are left out. */
  get figures() {
    const version = this.version ? Number(this.version) : null;
    return (this.data?.items ?? []).flatMap((item) => {
      const figures = figuresOf(item, this.selectedSetId, version);
      return figures ? [{ ...figures, promptKey: item.promptKey, title: item.title }] : [];
    });
  }

  get hasChart() {
    return this.figures.some((item) => item.winRate?.enoughData);
  }

  /** Win rate as a point and its interval as a floating bar, per prompt with enough closed deals. */
  get chartConfig() {
    const shown = this.figures.filter((item) => item.winRate?.enoughData);
    return {
      type: 'bar',
      data: {
        labels: shown.map((item) => item.title || item.promptKey),
        datasets: [
          {
            type: 'bar',
            label: LABEL_INTERVAL,
            data: shown.map((item) => [asPercent(item.winRate.low), asPercent(item.winRate.high)]),
            backgroundColor: CHART_PALETTE[2],
            barPercentage: 0.3,
          },
          {
            type: 'line',
            label: LABEL_WIN_RATE,
            data: shown.map((item) => asPercent(item.winRate.rate)),
            showLine: false,
            pointRadius: 5,
            backgroundColor: CHART_PALETTE[0],
            borderColor: CHART_PALETTE[0],
          },
          {
            type: 'line',
            label: LABEL_BASELINE,
            data: shown.map((item) => asPercent(item.baseline?.rate)),
            showLine: false,
            pointStyle: 'line',
            pointRadius: 10,
            borderColor: CHART_PALETTE[4],
          },
        ],
      },
      options: { scales: { y: { min: 0, max: 100 } } },
    };
  }

  get rows() {
    return this.figures.map((item) => {
      const raised = item.timesRaised ?? 0;
      const share = (count) =>
        formatLabel(LABEL_COUNT_SHARE, count ?? 0, formatPercent(raised ? (count ?? 0) / raised : null));
      const title = item.title || item.promptKey;
      return {
        key: item.promptKey,
        className: 'uan-effect__row',
        header: this.selectable
          ? {
              text: title,
              value: item.promptKey,
              title: formatLabel(LABEL_SHOW_NOTES, title),
              className: 'slds-cell-wrap',
            }
          : { text: title, className: 'slds-cell-wrap' },
        cells: [
          { key: 'raised', text: String(raised) },
          ...REACTIONS.map((reaction) => ({ key: reaction, text: share(item.reactions?.[reaction]) })),
          { key: 'progressed', text: share(item.progressed) },
          { key: 'winRate', text: formatRateInterval(item.winRate), className: 'uan-effect__win-rate' },
          { key: 'baseline', text: formatRateInterval(item.baseline), className: 'uan-effect__baseline' },
        ],
      };
    });
  }

  get hasRows() {
    return this.rows.length > 0;
  }

  get candidateTable() {
    // the status column carries the promote buttons: only for a curator who can promote
    const columns = CANDIDATE_COLUMNS.filter((column) => this.promotable || column.key !== 'status');
    return { caption: LABEL_CANDIDATES_CAPTION, captionHidden: true, columns, rows: this.candidates };
  }

  /** The candidates as rows of their table; with `promotable`, each ends in its status and a promote button. */
  get candidates() {
    return (this.data?.candidates ?? []).map((c, index) => {
      const status = {
        key: 'status',
        text: c.promotion
          ? formatLabel(LABEL_PROMOTED, c.promotion.setName, c.promotion.version, c.promotion.promptKey)
          : LABEL_NOT_PROMOTED,
        className: 'slds-cell-wrap uan-effect__candidate-status',
        action: {
          label: LABEL_PROMOTE,
          title: formatLabel(LABEL_PROMOTE_TITLE, c.text),
          value: String(index),
          className: 'slds-m-left_x-small uan-effect__promote',
          disabled: this.promoteDisabled,
        },
      };
      return {
        key: `${index}`,
        className: 'uan-effect__candidate',
        header: { text: c.text, className: 'slds-cell-wrap' },
        cells: [
          { key: 'kind', text: c.kind === 'redirected' ? LABEL_KIND_REDIRECTED : LABEL_KIND_ADHOC },
          { key: 'count', text: String(c.count) },
          ...(this.promotable ? [status] : []),
        ],
      };
    });
  }

  get promoteTargets() {
    return (this.sets ?? []).map((s) => ({ label: s.name, value: s.id }));
  }

  get promoteTarget() {
    return this.promoteSetId || this.promoteTargets[0]?.value || '';
  }

  get promoteDisabled() {
    return this.promoting || !this.promoteTarget;
  }

  handlePromoteTarget(event) {
    this.promoteSetId = event.detail?.value ?? event.target.value ?? '';
  }

  async handlePromote(event) {
    const candidate = this.data?.candidates?.[Number(event.detail.value)];
    if (!candidate || !this.promoteTarget) {
      return;
    }
    this.promoting = true;
    this.promoteError = undefined;
    try {
      const result = parseJson(
        await promoteCandidate({
          setId: this.promoteTarget,
          candidate: { kind: candidate.kind, text: candidate.text },
        }),
      );
      this.dispatchEvent(
        new ShowToastEvent({
          title: LABEL_PROMOTED_TOAST,
          message: result?.promotion?.promptKey,
          variant: 'success',
        }),
      );
      this.dispatchEvent(new CustomEvent('promoted', { detail: result }));
      await this.load();
    } catch (error) {
      this.promoteError = error;
    } finally {
      this.promoting = false;
    }
  }

  get hasCandidates() {
    return this.candidates.length > 0;
  }

  handleSelect(event) {
    const promptKey = event.detail.value;
    const row = this.rows.find((r) => r.key === promptKey);
    this.dispatchEvent(new CustomEvent('promptselect', { detail: { promptKey, title: row.header.text } }));
  }
}
