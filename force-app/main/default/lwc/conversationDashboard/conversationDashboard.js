import { LightningElement } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import getDashboard from '@salesforce/apex/UpAtNightAnalyticsController.getDashboard';
import getDrilldown from '@salesforce/apex/UpAtNightAnalyticsController.getDrilldown';
import {
  DIMENSIONS,
  daysAgoIso,
  dimensionLabel,
  formatAmount,
  formatDate,
  formatLabel,
  formatPercent,
  formatRateInterval,
  formatScore,
  parseJson,
  todayIso,
} from 'c/uanFormat';
import LABEL_TITLE from '@salesforce/label/c.UAN_Dash_Title';
import LABEL_RANGE from '@salesforce/label/c.UAN_Dash_Range';
import LABEL_BUCKET from '@salesforce/label/c.UAN_Dash_Bucket';
import LABEL_DAYS from '@salesforce/label/c.UAN_Dash_Days';
import LABEL_WEEK from '@salesforce/label/c.UAN_Dash_Week';
import LABEL_MONTH from '@salesforce/label/c.UAN_Dash_Month';
import LABEL_LOADING from '@salesforce/label/c.UAN_Busy';
import LABEL_LOAD_ERROR from '@salesforce/label/c.UAN_Dash_LoadError';
import LABEL_TEAM from '@salesforce/label/c.UAN_Dash_Team';
import LABEL_TEAM_SUMMARY from '@salesforce/label/c.UAN_Dash_TeamSummary';
import LABEL_TREND from '@salesforce/label/c.UAN_Dash_Trend';
import LABEL_TREND_CHART from '@salesforce/label/c.UAN_Dash_TrendChart';
import LABEL_TREND_CAPTION from '@salesforce/label/c.UAN_Dash_TrendCaption';
import LABEL_PERIOD from '@salesforce/label/c.UAN_Dash_Period';
import LABEL_NOTES from '@salesforce/label/c.UAN_Dash_Notes';
import LABEL_REPS from '@salesforce/label/c.UAN_Dash_Reps';
import LABEL_REPS_CAPTION from '@salesforce/label/c.UAN_Dash_RepsCaption';
import LABEL_REP from '@salesforce/label/c.UAN_Dash_Rep';
import LABEL_REP_NOTES from '@salesforce/label/c.UAN_Dash_RepNotes';
import LABEL_COVERAGE from '@salesforce/label/c.UAN_Dash_Coverage';
import LABEL_COVERAGE_SUMMARY from '@salesforce/label/c.UAN_Dash_CoverageSummary';
import LABEL_BY_STAGE_CAPTION from '@salesforce/label/c.UAN_Dash_ByStageCaption';
import LABEL_STAGE from '@salesforce/label/c.UAN_Dash_Stage';
import LABEL_OPEN from '@salesforce/label/c.UAN_Dash_Open';
import LABEL_COVERED from '@salesforce/label/c.UAN_Dash_Covered';
import LABEL_SHARE from '@salesforce/label/c.UAN_Dash_Share';
import LABEL_UNCOVERED from '@salesforce/label/c.UAN_Dash_Uncovered';
import LABEL_UNCOVERED_CAPTION from '@salesforce/label/c.UAN_Dash_UncoveredCaption';
import LABEL_OPPORTUNITY from '@salesforce/label/c.UAN_Dash_Opportunity';
import LABEL_ACCOUNT from '@salesforce/label/c.UAN_Dash_Account';
import LABEL_AMOUNT from '@salesforce/label/c.UAN_Dash_Amount';
import LABEL_ALL_COVERED from '@salesforce/label/c.UAN_Dash_AllCovered';
import LABEL_BANDS from '@salesforce/label/c.UAN_Dash_Bands';
import LABEL_BANDS_CHART from '@salesforce/label/c.UAN_Dash_BandsChart';
import LABEL_BANDS_CAPTION from '@salesforce/label/c.UAN_Dash_BandsCaption';
import LABEL_BAND from '@salesforce/label/c.UAN_Dash_Band';
import LABEL_BAND_NOTES from '@salesforce/label/c.UAN_Dash_BandNotes';
import LABEL_CLOSED from '@salesforce/label/c.UAN_Dash_Closed';
import LABEL_WON from '@salesforce/label/c.UAN_Dash_Won';
import LABEL_WIN_RATE from '@salesforce/label/c.UAN_Effect_WinRate';
import LABEL_NO_DATA from '@salesforce/label/c.UAN_Dash_NoData';
import LABEL_DRILL_REP from '@salesforce/label/c.UAN_Dash_DrillRep';
import LABEL_DRILL_BAND from '@salesforce/label/c.UAN_Dash_DrillBand';
import LABEL_DRILL_PROMPT from '@salesforce/label/c.UAN_Dash_DrillPrompt';
import LABEL_DRILL_EMPTY from '@salesforce/label/c.UAN_Dash_DrillEmpty';
import LABEL_DRILL_ERROR from '@salesforce/label/c.UAN_Dash_DrillError';
import LABEL_LOAD_MORE from '@salesforce/label/c.UAN_Dash_LoadMore';
import LABEL_CLOSE from '@salesforce/label/c.UAN_Dash_CloseDrilldown';
import LABEL_RESCORING from '@salesforce/label/c.UAN_Dash_Rescoring';
import LABEL_OUTDATED_SCORES from '@salesforce/label/c.UAN_Dash_OutdatedScores';

const RANGES = [30, 90, 180, 365];

function bandRate(band) {
  return band.enoughData && typeof band.winRate === 'number' ? Math.round(band.winRate * 100) : null;
}
// Colour-blind-safe palette (Okabe–Ito); the tables carry the same numbers for everyone.
const PALETTE = ['#000000', '#E69F00', '#56B4E9', '#009E73', '#D55E00', '#CC79A7'];

/**
 * The manager's dashboard: conversation quality over time and per rep, coverage of open pipeline,
 * win rate by conversation-score band and prompt effectiveness, each chart with a table of the same
 * numbers; any rep, band or prompt drills down to the notes behind it.
 */
export default class ConversationDashboard extends NavigationMixin(LightningElement) {
  days = 90;
  bucket = 'week';
  data;
  loading = true;
  error;

  drill;
  drillNotes = [];
  drillCursor = null;
  drillLoading = false;
  drillError;
  focusDrill = false;

  labels = {
    title: LABEL_TITLE,
    range: LABEL_RANGE,
    bucket: LABEL_BUCKET,
    loading: LABEL_LOADING,
    loadError: LABEL_LOAD_ERROR,
    team: LABEL_TEAM,
    trend: LABEL_TREND,
    trendChart: LABEL_TREND_CHART,
    trendCaption: LABEL_TREND_CAPTION,
    period: LABEL_PERIOD,
    notes: LABEL_NOTES,
    reps: LABEL_REPS,
    repsCaption: LABEL_REPS_CAPTION,
    rep: LABEL_REP,
    coverage: LABEL_COVERAGE,
    byStageCaption: LABEL_BY_STAGE_CAPTION,
    stage: LABEL_STAGE,
    open: LABEL_OPEN,
    covered: LABEL_COVERED,
    share: LABEL_SHARE,
    uncovered: LABEL_UNCOVERED,
    uncoveredCaption: LABEL_UNCOVERED_CAPTION,
    opportunity: LABEL_OPPORTUNITY,
    account: LABEL_ACCOUNT,
    amount: LABEL_AMOUNT,
    allCovered: LABEL_ALL_COVERED,
    bands: LABEL_BANDS,
    bandsChart: LABEL_BANDS_CHART,
    bandsCaption: LABEL_BANDS_CAPTION,
    band: LABEL_BAND,
    closed: LABEL_CLOSED,
    won: LABEL_WON,
    winRate: LABEL_WIN_RATE,
    noData: LABEL_NO_DATA,
    drillEmpty: LABEL_DRILL_EMPTY,
    drillError: LABEL_DRILL_ERROR,
    loadMore: LABEL_LOAD_MORE,
    close: LABEL_CLOSE,
  };

  dimensionColumns = ['overall', ...DIMENSIONS].map((key) => ({ key, label: dimensionLabel(key) }));

  rangeOptions = RANGES.map((days) => ({ value: String(days), label: formatLabel(LABEL_DAYS, days) }));

  bucketOptions = [
    { value: 'week', label: LABEL_WEEK },
    { value: 'month', label: LABEL_MONTH },
  ];

  connectedCallback() {
    this.load();
  }

  renderedCallback() {
    if (this.focusDrill) {
      const heading = this.template.querySelector('.uan-drill__heading');
      if (heading) {
        this.focusDrill = false;
        heading.focus();
      }
    }
  }

  async load() {
    this.loading = true;
    this.error = undefined;
    try {
      const query = {
        fromDate: daysAgoIso(this.days),
        toDate: todayIso(),
        bucket: this.bucket,
        days: this.days,
      };
      this.data = parseJson(await getDashboard({ query }));
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }

  get rangeValue() {
    return String(this.days);
  }

  /** Scores made by an older scorer, or a rescore under way, are said out loud, never mixed silently. */
  get mixedScoresNotice() {
    const scoring = this.data?.scoring;
    if (!scoring?.mixed) {
      return null;
    }
    if (scoring.rescore) {
      return formatLabel(LABEL_RESCORING, scoring.rescore.done, scoring.rescore.total);
    }
    return LABEL_OUTDATED_SCORES;
  }

  get hasData() {
    return Boolean(this.data);
  }

  handleRange(event) {
    this.days = Number(event.detail?.value ?? event.target.value);
    this.load();
  }

  handleBucket(event) {
    this.bucket = event.detail?.value ?? event.target.value;
    this.load();
  }

  // ---- team and trend -------------------------------------------------------------------

  get teamSummary() {
    const team = this.data?.team;
    return formatLabel(
      LABEL_TEAM_SUMMARY,
      formatScore(team?.averages?.overall),
      team?.noteCount ?? 0,
      this.days,
    );
  }

  get teamAverages() {
    const averages = this.data?.team?.averages ?? {};
    return DIMENSIONS.map((key) => ({ key, label: dimensionLabel(key), value: averages[key] }));
  }

  get series() {
    return this.data?.series ?? [];
  }

  get hasSeries() {
    return this.series.length > 0;
  }

  get trendRows() {
    return this.series.map((point) => ({
      key: point.bucket,
      period: formatDate(point.bucket),
      noteCount: point.noteCount ?? 0,
      cells: this.dimensionColumns.map((c) => ({ key: c.key, text: formatScore(point.averages?.[c.key]) })),
    }));
  }

  get trendConfig() {
    return {
      type: 'line',
      data: {
        labels: this.series.map((p) => formatDate(p.bucket)),
        datasets: this.dimensionColumns.map((column, index) => ({
          label: column.label,
          data: this.series.map((p) => p.averages?.[column.key] ?? null),
          borderColor: PALETTE[index],
          backgroundColor: PALETTE[index],
          borderWidth: column.key === 'overall' ? 3 : 1.5,
          spanGaps: true,
        })),
      },
      options: { scales: { y: { min: 0, max: 100 } } },
    };
  }

  // ---- reps ------------------------------------------------------------------------------

  get repRows() {
    return (this.data?.reps ?? []).map((rep) => ({
      key: rep.repId,
      repId: rep.repId,
      name: rep.name || rep.repId,
      drillLabel: formatLabel(LABEL_REP_NOTES, rep.name || rep.repId),
      noteCount: rep.noteCount ?? 0,
      cells: this.dimensionColumns.map((c) => ({ key: c.key, text: formatScore(rep.averages?.[c.key]) })),
    }));
  }

  get hasReps() {
    return this.repRows.length > 0;
  }

  // ---- coverage --------------------------------------------------------------------------

  get coverage() {
    return this.data?.coverage;
  }

  get coverageSummary() {
    const c = this.coverage ?? {};
    return formatLabel(
      LABEL_COVERAGE_SUMMARY,
      formatPercent(c.share),
      c.covered ?? 0,
      c.open ?? 0,
      c.days ?? this.days,
    );
  }

  get stageRows() {
    return (this.coverage?.byStage ?? []).map((s) => ({
      key: s.stage,
      stage: s.stage,
      open: s.open,
      covered: s.covered,
      share: formatPercent(s.open ? s.covered / s.open : null),
    }));
  }

  get hasStageRows() {
    return this.stageRows.length > 0;
  }

  get uncoveredRows() {
    return (this.coverage?.uncovered ?? []).map((o) => ({
      key: o.id,
      id: o.id,
      name: o.name || o.id,
      accountName: o.accountName ?? '',
      stage: o.stage ?? '',
      amount: formatAmount(o.amount),
      url: `/lightning/r/Opportunity/${o.id}/view`,
    }));
  }

  get hasUncovered() {
    return this.uncoveredRows.length > 0;
  }

  handleOpportunity(event) {
    event.preventDefault();
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: {
        recordId: event.currentTarget.dataset.id,
        objectApiName: 'Opportunity',
        actionName: 'view',
      },
    });
  }

  // ---- score bands -----------------------------------------------------------------------

  get bandRows() {
    return (this.data?.scoreBands ?? []).map((b) => ({
      key: b.band,
      band: b.band,
      drillLabel: formatLabel(LABEL_BAND_NOTES, b.band),
      closed: b.closed ?? 0,
      won: b.won ?? 0,
      winRate: formatRateInterval({ rate: b.winRate, low: b.low, high: b.high, enoughData: b.enoughData }),
    }));
  }

  get hasBands() {
    return this.bandRows.length > 0;
  }

  get bandsConfig() {
    const bands = this.data?.scoreBands ?? [];
    return {
      type: 'bar',
      data: {
        labels: bands.map((b) => b.band),
        datasets: [
          {
            label: LABEL_WIN_RATE,
            // A band without enough data is left blank rather than drawn as if it meant something.
            data: bands.map(bandRate),
            backgroundColor: PALETTE[2],
          },
        ],
      },
      options: { scales: { y: { min: 0, max: 100 } }, plugins: { legend: { display: false } } },
    };
  }

  // ---- drill-down ------------------------------------------------------------------------

  get drillHeading() {
    return this.drill?.heading ?? '';
  }

  get hasDrillNotes() {
    return this.drillNotes.length > 0;
  }

  get hasMoreNotes() {
    return Boolean(this.drillCursor);
  }

  handleRepDrill(event) {
    const { id, name } = event.currentTarget.dataset;
    this.openDrill({ repId: id }, formatLabel(LABEL_DRILL_REP, name));
  }

  handleBandDrill(event) {
    const { band } = event.currentTarget.dataset;
    this.openDrill({ band }, formatLabel(LABEL_DRILL_BAND, band));
  }

  handlePromptDrill(event) {
    const { promptKey, title } = event.detail;
    this.openDrill({ promptKey }, formatLabel(LABEL_DRILL_PROMPT, title || promptKey));
  }

  async openDrill(query, heading) {
    this.drill = { query, heading };
    this.drillNotes = [];
    this.drillCursor = null;
    this.focusDrill = true;
    await this.loadDrill();
  }

  async loadDrill() {
    this.drillLoading = true;
    this.drillError = undefined;
    try {
      const query = { ...this.drill.query };
      if (this.drillCursor) {
        query.cursor = this.drillCursor;
      }
      const page = parseJson(await getDrilldown({ query }));
      this.drillNotes = [...this.drillNotes, ...(page?.items ?? [])];
      this.drillCursor = page?.nextCursor ?? null;
    } catch (error) {
      this.drillError = error;
    } finally {
      this.drillLoading = false;
    }
  }

  handleLoadMore() {
    return this.loadDrill();
  }

  handleCloseDrill() {
    this.drill = undefined;
    this.drillNotes = [];
    this.drillCursor = null;
  }
}
