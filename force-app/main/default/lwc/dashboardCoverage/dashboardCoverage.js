import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { formatAmount, formatLabel, formatPercent, tableColumns } from 'c/uanFormat';
import LABEL_COVERAGE from '@salesforce/label/c.UAN_Dash_Coverage';
import LABEL_COVERAGE_SUMMARY from '@salesforce/label/c.UAN_Dash_CoverageSummary';
import LABEL_BY_STAGE_CAPTION from '@salesforce/label/c.UAN_Dash_ByStageCaption';
import LABEL_STAGE from '@salesforce/label/c.UAN_Dash_Stage';
import LABEL_OPEN from '@salesforce/label/c.UAN_Dash_Open';
import LABEL_COVERED from '@salesforce/label/c.UAN_Dash_Covered';
import LABEL_SHARE from '@salesforce/label/c.UAN_Dash_Share';
import LABEL_UNCOVERED_CAPTION from '@salesforce/label/c.UAN_Dash_UncoveredCaption';
import LABEL_OPPORTUNITY from '@salesforce/label/c.UAN_Dash_Opportunity';
import LABEL_ACCOUNT from '@salesforce/label/c.UAN_Dash_Account';
import LABEL_AMOUNT from '@salesforce/label/c.UAN_Dash_Amount';
import LABEL_ALL_COVERED from '@salesforce/label/c.UAN_Dash_AllCovered';

// the stage column is in both tables
const HEADINGS = {
  stage: LABEL_STAGE,
  open: LABEL_OPEN,
  covered: LABEL_COVERED,
  share: LABEL_SHARE,
  opportunity: LABEL_OPPORTUNITY,
  account: LABEL_ACCOUNT,
  amount: LABEL_AMOUNT,
};
const STAGE_COLUMNS = tableColumns(HEADINGS, ['stage', 'open', 'covered', 'share']);
const UNCOVERED_COLUMNS = tableColumns(HEADINGS, ['opportunity', 'account', 'stage', 'amount']);

/**
 * Coverage of open pipeline: the share of open opportunities with a scored conversation in the period, by
 * stage, and the open opportunities without one, each a link to its record.
 */
export default class DashboardCoverage extends NavigationMixin(LightningElement) {
  /** The dashboard's coverage: {days, open, covered, share, byStage, uncovered}. */
  @api coverage;

  /** The period the dashboard shows, for a coverage that does not name its own. */
  @api days;

  labels = { coverage: LABEL_COVERAGE, allCovered: LABEL_ALL_COVERED };

  get summary() {
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
      header: { text: s.stage },
      cells: [
        { key: 'open', text: String(s.open) },
        { key: 'covered', text: String(s.covered) },
        { key: 'share', text: formatPercent(s.open ? s.covered / s.open : null) },
      ],
    }));
  }

  get stageTable() {
    return { caption: LABEL_BY_STAGE_CAPTION, columns: STAGE_COLUMNS, rows: this.stageRows };
  }

  get hasStageRows() {
    return this.stageRows.length > 0;
  }

  get uncoveredRows() {
    return (this.coverage?.uncovered ?? []).map((o) => ({
      key: o.id,
      header: {
        text: o.name || o.id,
        value: o.id,
        href: `/lightning/r/Opportunity/${o.id}/view`,
        className: 'slds-cell-wrap',
      },
      cells: [
        { key: 'account', text: o.accountName ?? '', className: 'slds-cell-wrap' },
        { key: 'stage', text: o.stage ?? '' },
        { key: 'amount', text: formatAmount(o.amount) },
      ],
    }));
  }

  get uncoveredTable() {
    return { caption: LABEL_UNCOVERED_CAPTION, columns: UNCOVERED_COLUMNS, rows: this.uncoveredRows };
  }

  get hasUncovered() {
    return this.uncoveredRows.length > 0;
  }

  handleOpportunity(event) {
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: { recordId: event.detail.value, objectApiName: 'Opportunity', actionName: 'view' },
    });
  }
}
