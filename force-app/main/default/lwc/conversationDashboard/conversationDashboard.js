import { LightningElement } from 'lwc';
import getDashboard from '@salesforce/apex/UpAtNightAnalyticsController.getDashboard';
import getDrilldown from '@salesforce/apex/UpAtNightAnalyticsController.getDrilldown';
import getBandDeals from '@salesforce/apex/UpAtNightAnalyticsController.getBandDeals';
import getInsideView from '@salesforce/apex/UpAtNightAccountController.getInsideView';
import {
  DIMENSIONS,
  daysAgoIso,
  dimensionLabel,
  formatDate,
  formatLabel,
  formatScore,
  parseJson,
  todayIso,
} from 'c/uanFormat';
import LABEL_TITLE from '@salesforce/label/c.UAN_Dash_Title';
import LABEL_TITLE_REP from '@salesforce/label/c.UAN_Dash_TitleRep';
import LABEL_TEAM_REP from '@salesforce/label/c.UAN_Dash_TeamRep';
import LABEL_HIERARCHY_UNKNOWN from '@salesforce/label/c.UAN_Dash_HierarchyUnknown';
import LABEL_RANGE from '@salesforce/label/c.UAN_Dash_Range';
import LABEL_BUCKET from '@salesforce/label/c.UAN_Dash_Bucket';
import LABEL_DAYS from '@salesforce/label/c.UAN_Dash_Days';
import LABEL_ALL_TIME from '@salesforce/label/c.UAN_Dash_AllTime';
import LABEL_WEEK from '@salesforce/label/c.UAN_Dash_Week';
import LABEL_MONTH from '@salesforce/label/c.UAN_Dash_Month';
import LABEL_LOADING from '@salesforce/label/c.UAN_Busy';
import LABEL_LOAD_ERROR from '@salesforce/label/c.UAN_Dash_LoadError';
import LABEL_TEAM from '@salesforce/label/c.UAN_Dash_Team';
import LABEL_TEAM_SUMMARY from '@salesforce/label/c.UAN_Dash_TeamSummary';
import LABEL_TEAM_SUMMARY_ALL from '@salesforce/label/c.UAN_Dash_TeamSummaryAll';
import LABEL_DRILL_PROMPT from '@salesforce/label/c.UAN_Dash_DrillPrompt';
import LABEL_RESCORING from '@salesforce/label/c.UAN_Dash_Rescoring';
import LABEL_OUTDATED_SCORES from '@salesforce/label/c.UAN_Dash_OutdatedScores';

const RANGES = [30, 90, 180, 365];
const ALL_TIME = 'all';
const RANGE_OPTIONS = [
  ...RANGES.map((days) => ({ value: String(days), label: formatLabel(LABEL_DAYS, days) })),
  { value: ALL_TIME, label: LABEL_ALL_TIME },
];
const BUCKET_OPTIONS = [
  { value: 'week', label: LABEL_WEEK },
  { value: 'month', label: LABEL_MONTH },
];
// coverage looks back at most a year, whatever the period of the quality numbers
const LONGEST_COVERAGE_DAYS = 365;

/**
 * The manager's dashboard: loads the numbers for the chosen period and passes them to its parts (trend,
 * reps, coverage, score bands, prompt effectiveness); any rep or prompt drills down to the notes behind it,
 * a score band to the closed deals it counted, which this component loads a page at a time, with an
 * account's intersection of views on request. A rep sees it titled as their own; a manager whose team is
 * not known yet is told so instead of being shown zeros.
 */
export default class ConversationDashboard extends LightningElement {
  days = 90;
  allTime = false;
  bucket = 'week';
  data;
  loading = true;
  error;

  drill;
  drillNotes = [];
  drillDeals = [];
  drillTotal;
  drillAccounts = {};
  drillCursor = null;
  drillLoading = false;
  drillError;
  focusDrill = false;

  labels = {
    loading: LABEL_LOADING,
    loadError: LABEL_LOAD_ERROR,
    hierarchyUnknown: LABEL_HIERARCHY_UNKNOWN,
  };

  connectedCallback() {
    this.load();
  }

  renderedCallback() {
    if (this.focusDrill) {
      const drilldown = this.template.querySelector('c-dashboard-drilldown');
      if (drilldown) {
        this.focusDrill = false;
        drilldown.focusHeading();
      }
    }
  }

  async load() {
    this.loading = true;
    this.error = undefined;
    try {
      // all time: the service starts at the tenant's first note and says where it started
      const query = this.allTime
        ? { range: ALL_TIME, toDate: todayIso(), bucket: this.bucket, days: this.coverageDays }
        : { fromDate: daysAgoIso(this.days), toDate: todayIso(), bucket: this.bucket, days: this.days };
      this.data = parseJson(await getDashboard({ query }));
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }

  /** The period the numbers cover, and whether they are grouped by week or month. */
  get filters() {
    return [
      {
        name: 'range',
        label: LABEL_RANGE,
        options: RANGE_OPTIONS,
        value: this.allTime ? ALL_TIME : String(this.days),
        className: 'uan-dash__range',
      },
      {
        name: 'bucket',
        label: LABEL_BUCKET,
        options: BUCKET_OPTIONS,
        value: this.bucket,
        className: 'uan-dash__bucket',
      },
    ];
  }

  get coverageDays() {
    return this.allTime ? LONGEST_COVERAGE_DAYS : this.days;
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

  get isOwn() {
    return this.data?.scope?.kind === 'self';
  }

  get title() {
    return this.isOwn ? LABEL_TITLE_REP : LABEL_TITLE;
  }

  get teamHeading() {
    return this.isOwn ? LABEL_TEAM_REP : LABEL_TEAM;
  }

  /** A manager with nobody known to report to them: no sync ran and no hierarchy was imported yet. */
  get hierarchyUnknown() {
    return this.data?.scope?.hierarchyKnown === false;
  }

  handleFilter(event) {
    const { name, value } = event.detail;
    if (name === 'bucket') {
      this.bucket = value;
    } else {
      this.allTime = value === ALL_TIME;
      if (!this.allTime) {
        this.days = Number(value);
      }
    }
    this.load();
  }

  get teamSummary() {
    const team = this.data?.team;
    const score = formatScore(team?.averages?.overall);
    const count = team?.noteCount ?? 0;
    if (this.allTime) {
      return formatLabel(LABEL_TEAM_SUMMARY_ALL, score, count, formatDate(this.data?.range?.from));
    }
    return formatLabel(LABEL_TEAM_SUMMARY, score, count, this.days);
  }

  get teamAverages() {
    const averages = this.data?.team?.averages ?? {};
    return DIMENSIONS.map((key) => ({ key, label: dimensionLabel(key), value: averages[key] }));
  }

  get series() {
    return this.data?.series ?? [];
  }

  get reps() {
    return this.data?.reps ?? [];
  }

  get coverage() {
    return this.data?.coverage;
  }

  get scoreBands() {
    return this.data?.scoreBands ?? [];
  }

  // ---- drill-down ------------------------------------------------------------------------

  get drillHeading() {
    return this.drill?.heading ?? '';
  }

  get drillKind() {
    return this.drill?.kind ?? 'notes';
  }

  get hasMoreNotes() {
    return Boolean(this.drillCursor);
  }

  handleDrill(event) {
    this.openDrill(event.detail.query, event.detail.heading, event.detail.kind);
  }

  handlePromptDrill(event) {
    const { promptKey, title } = event.detail;
    this.openDrill({ promptKey }, formatLabel(LABEL_DRILL_PROMPT, title || promptKey));
  }

  async openDrill(query, heading, kind = 'notes') {
    this.drill = { query, heading, kind };
    this.drillNotes = [];
    this.drillDeals = [];
    this.drillTotal = undefined;
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
      if (this.drill.kind === 'deals') {
        const page = parseJson(await getBandDeals({ query }));
        this.drillDeals = [...this.drillDeals, ...(page?.items ?? [])];
        this.drillTotal = page?.total;
        this.drillCursor = page?.nextCursor ?? null;
      } else {
        const page = parseJson(await getDrilldown({ query }));
        this.drillNotes = [...this.drillNotes, ...(page?.items ?? [])];
        this.drillCursor = page?.nextCursor ?? null;
      }
    } catch (error) {
      this.drillError = error;
    } finally {
      this.drillLoading = false;
    }
  }

  handleLoadMore() {
    return this.loadDrill();
  }

  /** An account's inside view, for where our provocations met it; loaded once per account. */
  async handleAccountSelect(event) {
    const { accountId } = event.detail;
    this.drillAccounts = { ...this.drillAccounts, [accountId]: { loading: true } };
    let state;
    try {
      const view = parseJson(await getInsideView({ accountId }));
      state = { intersection: view?.intersection ?? {} };
    } catch (error) {
      state = { error };
    }
    this.drillAccounts = { ...this.drillAccounts, [accountId]: state };
  }

  handleCloseDrill() {
    this.drill = undefined;
    this.drillNotes = [];
    this.drillDeals = [];
    this.drillCursor = null;
  }
}
