import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/uanFormat';
import LABEL_LOADING from '@salesforce/label/c.UAN_Busy';
import LABEL_DRILL_EMPTY from '@salesforce/label/c.UAN_Dash_DrillEmpty';
import LABEL_DRILL_ERROR from '@salesforce/label/c.UAN_Dash_DrillError';
import LABEL_LOAD_MORE from '@salesforce/label/c.UAN_Dash_LoadMore';
import LABEL_CLOSE from '@salesforce/label/c.UAN_Dash_CloseDrilldown';
import LABEL_DEALS_TOTAL from '@salesforce/label/c.UAN_Dash_DealsTotal';
import LABEL_WON from '@salesforce/label/c.UAN_Dash_DealWon';
import LABEL_LOST from '@salesforce/label/c.UAN_Dash_DealLost';
import LABEL_DEAL_META from '@salesforce/label/c.UAN_Dash_DealMeta';
import LABEL_DEAL_NOTES from '@salesforce/label/c.UAN_Dash_DealNotes';
import LABEL_DEAL_INTERSECTION from '@salesforce/label/c.UAN_Dash_DealIntersection';
import LABEL_INTERSECTION_ERROR from '@salesforce/label/c.UAN_Dash_IntersectionError';
import LABEL_INTERSECTION_EMPTY from '@salesforce/label/c.UAN_Dash_IntersectionEmpty';

/**
 * What is behind a dashboard number, a page at a time: the notes (a rep, a prompt) or, for a score band,
 * the closed deals it counted, each with its notes and, on request, where our provocations met the
 * account's inside view. Fires `loadmore` for the next page, `accountselect` when an account's
 * intersection is wanted and `close` to put it all away; the owner loads everything and passes it down.
 */
export default class DashboardDrilldown extends LightningElement {
  /** What the notes are behind, e.g. "Notes by Dana Rep". */
  @api heading = '';

  /** `notes`, or `deals` for a score band's closed deals. */
  @api kind = 'notes';

  /** The notes loaded so far. */
  @api notes = [];

  /** The closed deals loaded so far: [{opportunityId, name, accountId, accountName, isWon, score, notes, ...}]. */
  @api deals = [];

  /** How many deals the band counted in all. */
  @api total;

  /** Per account Id, its inside view's intersection as far as it is loaded: {loading, intersection, error}. */
  @api accounts = {};

  /** A page is on its way. */
  @api loading = false;

  /** Why the last page did not come, for the error panel. */
  @api error;

  /** Another page follows. */
  @api hasMore = false;

  /** Deals whose account intersection is open. */
  openDeals = [];

  labels = {
    loading: LABEL_LOADING,
    drillEmpty: LABEL_DRILL_EMPTY,
    drillError: LABEL_DRILL_ERROR,
    loadMore: LABEL_LOAD_MORE,
    close: LABEL_CLOSE,
    intersectionError: LABEL_INTERSECTION_ERROR,
    intersectionEmpty: LABEL_INTERSECTION_EMPTY,
  };

  get isDeals() {
    return this.kind === 'deals';
  }

  get totalText() {
    return formatLabel(LABEL_DEALS_TOTAL, this.total ?? 0);
  }

  get dealViews() {
    return (this.deals ?? []).map((deal) => {
      const account = deal.accountName ?? deal.accountId ?? '';
      const notes = deal.notes ?? [];
      const open = this.openDeals.includes(deal.opportunityId);
      const state = (deal.accountId && this.accounts?.[deal.accountId]) || {};
      return {
        key: deal.opportunityId,
        name: deal.name ?? deal.opportunityId,
        outcome: deal.isWon ? LABEL_WON : LABEL_LOST,
        outcomeClass: deal.isWon
          ? 'slds-badge slds-theme_success uan-deal__won'
          : 'slds-badge uan-deal__lost',
        meta: formatLabel(LABEL_DEAL_META, deal.score, deal.ownerName ?? deal.ownerId ?? '', account),
        notes,
        notesShown:
          (deal.noteCount ?? notes.length) > notes.length
            ? formatLabel(LABEL_DEAL_NOTES, notes.length, deal.noteCount)
            : null,
        accountId: deal.accountId,
        hasAccount: Boolean(deal.accountId),
        // the account's intersection of views, shown and hidden below the deal
        intersectionToggle: {
          label: formatLabel(LABEL_DEAL_INTERSECTION, account),
          expanded: open,
          regionId: `intersection-${deal.opportunityId}`,
          buttonClass: 'slds-m-vertical_xx-small uan-deal__intersection-toggle',
          regionClass: 'uan-deal__intersection',
        },
        open,
        intersectionLoading: open && Boolean(state.loading),
        intersectionError: open ? state.error : undefined,
        intersection: open ? state.intersection : undefined,
      };
    });
  }

  /** Moves focus to the heading, so keyboard and screen-reader users land on the notes. */
  @api
  focusHeading() {
    this.template.querySelector('.uan-drill__heading')?.focus();
  }

  handleIntersection(event) {
    const { id, account } = event.currentTarget.dataset;
    if (this.openDeals.includes(id)) {
      this.openDeals = this.openDeals.filter((open) => open !== id);
      return;
    }
    this.openDeals = [...this.openDeals, id];
    const state = this.accounts?.[account];
    if (!state || state.error) {
      this.dispatchEvent(new CustomEvent('accountselect', { detail: { accountId: account } }));
    }
  }

  handleLoadMore() {
    this.dispatchEvent(new CustomEvent('loadmore'));
  }

  handleClose() {
    this.dispatchEvent(new CustomEvent('close'));
  }
}
