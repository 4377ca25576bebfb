import { LightningElement, api } from 'lwc';
import { loadScript } from 'lightning/platformResourceLoader';
import chartjs from '@salesforce/resourceUrl/chartjs';
import LABEL_LOAD_ERROR from '@salesforce/label/c.UAN_Chart_LoadError';

/**
 * A Chart.js chart from the `chartjs` static resource. Decorative for assistive technology beyond
 * its label: every chart in the app has a table with the same numbers next to it.
 */
export default class UanChart extends LightningElement {
  /** Accessible name of the chart image. */
  @api label;

  chart;
  loadStarted = false;
  ready = false;
  error;
  currentConfig;
  /** The configuration last drawn, as text: an equal one handed down again is not drawn again. */
  drawnJson;

  labels = { loadError: LABEL_LOAD_ERROR };

  /** A Chart.js configuration: {type, data, options}. */
  @api
  get config() {
    return this.currentConfig;
  }
  set config(value) {
    this.currentConfig = value;
    this.draw();
  }

  renderedCallback() {
    if (this.loadStarted) {
      return;
    }
    this.loadStarted = true;
    loadScript(this, chartjs)
      .then(() => {
        this.ready = true;
        this.draw();
      })
      .catch((error) => {
        this.error = error;
      });
  }

  disconnectedCallback() {
    this.chart?.destroy();
    this.chart = undefined;
  }

  draw() {
    const canvas = this.template.querySelector('canvas');
    if (!this.ready || !this.currentConfig || !canvas) {
      return;
    }
    // An owner re-rendering (a drill-down opening) hands down a new but equal configuration: redrawing it
    // would replay the chart's animation for nothing.
    const json = JSON.stringify(this.currentConfig);
    if (this.chart && json === this.drawnJson) {
      return;
    }
    this.drawnJson = json;
    // Chart.js mutates what it is given; hand it plain copies, never LWC's read-only proxies.
    const config = JSON.parse(json);
    const options = { responsive: true, maintainAspectRatio: false, animation: false, ...config.options };
    if (this.chart) {
      this.chart.data = config.data;
      this.chart.options = options;
      this.chart.update();
      return;
    }
    // The static resource's UMD bundle defines window.Chart.
    this.chart = new window.Chart(canvas, { ...config, options });
  }
}
