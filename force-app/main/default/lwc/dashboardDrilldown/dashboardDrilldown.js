import { LightningElement, api } from 'lwc';
import LABEL_LOADING from '@salesforce/label/c.UAN_Busy';
import LABEL_DRILL_EMPTY from '@salesforce/label/c.UAN_Dash_DrillEmpty';
import LABEL_DRILL_ERROR from '@salesforce/label/c.UAN_Dash_DrillError';
import LABEL_LOAD_MORE from '@salesforce/label/c.UAN_Dash_LoadMore';
import LABEL_CLOSE from '@salesforce/label/c.UAN_Dash_CloseDrilldown';

/**
 * The notes behind a dashboard number, a page at a time: fires `loadmore` for the next page and `close`
 * to put them away. The owner loads the notes and passes them down.
 */
export default class DashboardDrilldown extends LightningElement {
  /** What the notes are behind, e.g. "Notes by Dana Rep". */
  @api heading = '';

  /** The notes loaded so far. */
  @api notes = [];

  /** A page is on its way. */
  @api loading = false;

  /** Why the last page did not come, for the error panel. */
  @api error;

  /** Another page follows. */
  @api hasMore = false;

  labels = {
    loading: LABEL_LOADING,
    drillEmpty: LABEL_DRILL_EMPTY,
    drillError: LABEL_DRILL_ERROR,
    loadMore: LABEL_LOAD_MORE,
    close: LABEL_CLOSE,
  };

  /** Moves focus to the heading, so keyboard and screen-reader users land on the notes. */
  @api
  focusHeading() {
    this.template.querySelector('.uan-drill__heading')?.focus();
  }

  handleLoadMore() {
    this.dispatchEvent(new CustomEvent('loadmore'));
  }

  handleClose() {
    this.dispatchEvent(new CustomEvent('close'));
  }
}
