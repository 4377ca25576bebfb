import { LightningElement, api } from 'lwc';
import { CHART_PALETTE, formatLabel, formatRateInterval, tableColumns } from 'c/uanFormat';
import LABEL_BANDS from '@salesforce/label/c.UAN_Dash_Bands';
import LABEL_BANDS_CHART from '@salesforce/label/c.UAN_Dash_BandsChart';
import LABEL_BANDS_CAPTION from '@salesforce/label/c.UAN_Dash_BandsCaption';
import LABEL_BAND from '@salesforce/label/c.UAN_Dash_Band';
import LABEL_BAND_NOTES from '@salesforce/label/c.UAN_Dash_BandNotes';
import LABEL_CLOSED from '@salesforce/label/c.UAN_Dash_Closed';
import LABEL_WON from '@salesforce/label/c.UAN_Dash_Won';
import LABEL_WIN_RATE from '@salesforce/label/c.UAN_Effect_WinRate';
import LABEL_DRILL_BAND from '@salesforce/label/c.UAN_Dash_DrillBand';

const COLUMNS = tableColumns({
  band: LABEL_BAND,
  closed: LABEL_CLOSED,
  won: LABEL_WON,
  winRate: LABEL_WIN_RATE,
});

function bandRate(band) {
  return band.enoughData && typeof band.winRate === 'number' ? Math.round(band.winRate * 100) : null;
}

/**
 * Win rate by conversation-score band, as a chart and a table with confidence intervals; choosing a band
 * fires `drill` with the query and heading of the closed deals it counted.
 */
export default class DashboardScoreBands extends LightningElement {
  /** The dashboard's score bands: [{band, closed, won, winRate, low, high, enoughData}]. */
  @api bands = [];

  labels = { bands: LABEL_BANDS, bandsChart: LABEL_BANDS_CHART };

  /** The bands with their counts and win rates, each heading a drill-down. */
  get table() {
    return { caption: LABEL_BANDS_CAPTION, columns: COLUMNS, rows: this.rows };
  }

  get rows() {
    return (this.bands ?? []).map((b) => ({
      key: b.band,
      header: { text: b.band, value: b.band, title: formatLabel(LABEL_BAND_NOTES, b.band) },
      cells: [
        { key: 'closed', text: String(b.closed ?? 0) },
        { key: 'won', text: String(b.won ?? 0) },
        {
          key: 'winRate',
          text: formatRateInterval({ rate: b.winRate, low: b.low, high: b.high, enoughData: b.enoughData }),
          className: 'uan-dash__win-rate',
        },
      ],
    }));
  }

  get hasBands() {
    return this.rows.length > 0;
  }

  get chartConfig() {
    const bands = this.bands ?? [];
    return {
      type: 'bar',
      data: {
        labels: bands.map((b) => b.band),
        datasets: [
          {
            label: LABEL_WIN_RATE,
            // A band without enough data is left blank rather than drawn as if it meant something.
            data: bands.map(bandRate),
            backgroundColor: CHART_PALETTE[2],
          },
        ],
      },
      options: { scales: { y: { min: 0, max: 100 } }, plugins: { legend: { display: false } } },
    };
  }

  handleRowAction(event) {
    const band = event.detail.value;
    this.dispatchEvent(
      new CustomEvent('drill', {
        detail: { kind: 'deals', query: { band }, heading: formatLabel(LABEL_DRILL_BAND, band) },
      }),
    );
  }
}
