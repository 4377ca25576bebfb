import { createElement } from '@lwc/engine-dom';
import UanChart from 'c/uanChart';
import { loadScript } from 'lightning/platformResourceLoader';
import { flushPromises } from 'uan-test/flushPromises';

const CONFIG = { type: 'bar', data: { labels: ['a'], datasets: [{ label: 'Win rate', data: [40] }] } };

async function createChart() {
  const element = createElement('c-uan-chart', { is: UanChart });
  Object.assign(element, { label: 'Win rate by band', config: CONFIG });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

describe('c-uan-chart', () => {
  beforeEach(() => {
    // What the chartjs static resource would define once loaded.
    window.Chart = jest.fn(function Chart(canvas, config) {
      return { canvas, config, data: config.data, update: jest.fn(), destroy: jest.fn() };
    });
  });

  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
    delete window.Chart;
  });

  it('loads Chart.js from the static resource and draws its configuration', async () => {
    await createChart();
    expect(loadScript.mock.calls[0][1]).toContain('chartjs');
    expect(window.Chart).toHaveBeenCalledTimes(1);
    expect(window.Chart.mock.calls[0][1]).toMatchObject({ type: 'bar', data: CONFIG.data });
  });

  it('draws an equal configuration handed down again only once, and a changed one without animation', async () => {
    const element = await createChart();
    const chart = window.Chart.mock.results[0].value;
    element.config = JSON.parse(JSON.stringify(CONFIG));
    await flushPromises();
    expect(chart.update).not.toHaveBeenCalled();
    element.config = { ...CONFIG, data: { labels: ['a'], datasets: [{ label: 'Win rate', data: [55] }] } };
    await flushPromises();
    expect(window.Chart).toHaveBeenCalledTimes(1);
    expect(chart.update).toHaveBeenCalledTimes(1);
    expect(chart.data.datasets[0].data).toEqual([55]);
    expect(chart.options.animation).toBe(false);
  });

  it('shows the error panel when Chart.js cannot be loaded', async () => {
    loadScript.mockImplementationOnce(() => Promise.reject(new Error('blocked')));
    const element = await createChart();
    expect(element.shadowRoot.querySelector('c-error-panel')).not.toBeNull();
    expect(window.Chart).not.toHaveBeenCalled();
  });
});
