import { LightningElement, api } from 'lwc';
import { formatLabel, scoreCells, scoreColumns } from 'c/uanFormat';
import LABEL_REPS from '@salesforce/label/c.UAN_Dash_Reps';
import LABEL_REPS_CAPTION from '@salesforce/label/c.UAN_Dash_RepsCaption';
import LABEL_REP from '@salesforce/label/c.UAN_Dash_Rep';
import LABEL_REP_NOTES from '@salesforce/label/c.UAN_Dash_RepNotes';
import LABEL_NOTES from '@salesforce/label/c.UAN_Dash_Notes';
import LABEL_DRILL_REP from '@salesforce/label/c.UAN_Dash_DrillRep';

const COLUMNS = [{ key: 'rep', label: LABEL_REP }, { key: 'notes', label: LABEL_NOTES }, ...scoreColumns()];

/**
 * Conversation quality per rep and dimension; choosing a rep fires `drill` with the query and heading of
 * the notes behind the row.
 */
export default class DashboardReps extends LightningElement {
  /** The dashboard's reps: [{repId, name, noteCount, averages}]. */
  @api reps = [];

  labels = { reps: LABEL_REPS };

  /** What the rep table shows. */
  get table() {
    return { caption: LABEL_REPS_CAPTION, columns: COLUMNS, rows: this.rows };
  }

  get rows() {
    return (this.reps ?? []).map((rep) => {
      const name = rep.name || rep.repId;
      return {
        key: rep.repId,
        header: { text: name, value: rep.repId, title: formatLabel(LABEL_REP_NOTES, name) },
        cells: [{ key: 'notes', text: String(rep.noteCount ?? 0) }, ...scoreCells(rep.averages)],
      };
    });
  }

  get hasReps() {
    return this.rows.length > 0;
  }

  handleRowAction(event) {
    const repId = event.detail.value;
    const row = this.rows.find((r) => r.key === repId);
    this.dispatchEvent(
      new CustomEvent('drill', {
        detail: { query: { repId }, heading: formatLabel(LABEL_DRILL_REP, row?.header.text ?? repId) },
      }),
    );
  }
}
