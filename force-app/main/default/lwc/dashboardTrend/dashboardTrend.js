import { LightningElement, api } from 'lwc';
import { CHART_PALETTE, formatDate, scoreCells, scoreColumns } from 'c/uanFormat';
import LABEL_TREND from '@salesforce/label/c.UAN_Dash_Trend';
import LABEL_TREND_CHART from '@salesforce/label/c.UAN_Dash_TrendChart';
import LABEL_TREND_CAPTION from '@salesforce/label/c.UAN_Dash_TrendCaption';
import LABEL_PERIOD from '@salesforce/label/c.UAN_Dash_Period';
import LABEL_NOTES from '@salesforce/label/c.UAN_Dash_Notes';

const COLUMNS = [
  { key: 'period', label: LABEL_PERIOD },
  { key: 'notes', label: LABEL_NOTES },
  ...scoreColumns(),
];

/** Conversation quality over time: a line per dimension, and the same numbers in a table. */
export default class DashboardTrend extends LightningElement {
  /** The dashboard's series: [{bucket, noteCount, averages}]. */
  @api series = [];

  labels = { trend: LABEL_TREND, trendChart: LABEL_TREND_CHART };

  /** The chart's numbers as a table, for everyone who does not read the chart. */
  get table() {
    return {
      caption: LABEL_TREND_CAPTION,
      columns: COLUMNS,
      rows: this.rows,
      tableClass: 'slds-table_striped',
    };
  }

  get points() {
    return this.series ?? [];
  }

  get hasSeries() {
    return this.points.length > 0;
  }

  get rows() {
    return this.points.map((point) => ({
      key: point.bucket,
      header: { text: formatDate(point.bucket) },
      cells: [{ key: 'notes', text: String(point.noteCount ?? 0) }, ...scoreCells(point.averages)],
    }));
  }

  get chartConfig() {
    return {
      type: 'line',
      data: {
        labels: this.points.map((p) => formatDate(p.bucket)),
        datasets: scoreColumns().map((column, index) => ({
          label: column.label,
          data: this.points.map((p) => p.averages?.[column.key] ?? null),
          borderColor: CHART_PALETTE[index],
          backgroundColor: CHART_PALETTE[index],
          borderWidth: column.key === 'overall' ? 3 : 1.5,
          // A period with no scored notes is a gap: a line drawn across it would claim a trend nobody measured.
          spanGaps: false,
        })),
      },
      options: { scales: { y: { min: 0, max: 100 } } },
    };
  }
}
