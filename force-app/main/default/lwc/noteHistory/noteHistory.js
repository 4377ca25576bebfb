import { LightningElement, api } from 'lwc';
import USER_ID from '@salesforce/user/Id';
import deleteNote from '@salesforce/apex/UpAtNightPanelController.deleteNote';
import getNotes from '@salesforce/apex/UpAtNightPanelController.getNotes';
import {
  DIMENSIONS,
  dimensionLabel,
  formatDate,
  formatLabel,
  formatScore,
  parseJson,
  reactionLabel,
  scoreTone,
} from 'c/uanFormat';
import LABEL_HEADING from '@salesforce/label/c.UAN_History_Heading';
import LABEL_EMPTY from '@salesforce/label/c.UAN_History_Empty';
import LABEL_BY from '@salesforce/label/c.UAN_History_By';
import LABEL_SCORE from '@salesforce/label/c.UAN_History_Score';
import LABEL_NEXT_STEP from '@salesforce/label/c.UAN_Dim_NextStep';
import LABEL_RAISED from '@salesforce/label/c.UAN_History_Raised';
import LABEL_CUSTOMER_VIEW from '@salesforce/label/c.UAN_Log_CustomerView';
import LABEL_IDEAS from '@salesforce/label/c.UAN_Log_Ideas';
import LABEL_SUMMARY from '@salesforce/label/c.UAN_Log_Summary';
import LABEL_OWN_PROVOCATION from '@salesforce/label/c.UAN_Log_AdHocText';
import LABEL_DETAILS from '@salesforce/label/c.UAN_History_Details';
import LABEL_NO_EVIDENCE from '@salesforce/label/c.UAN_History_NoEvidence';
import LABEL_EFFECT_RAISED from '@salesforce/label/c.UAN_Coach_Raised';
import LABEL_EFFECT_LOWERED from '@salesforce/label/c.UAN_Coach_Lowered';
import LABEL_EDIT from '@salesforce/label/c.UAN_History_Edit';
import LABEL_DELETE from '@salesforce/label/c.UAN_History_Delete';
import LABEL_CONFIRM_DELETE from '@salesforce/label/c.UAN_History_ConfirmDelete';
import LABEL_CONFIRM_YES from '@salesforce/label/c.UAN_History_ConfirmYes';
import LABEL_CANCEL from '@salesforce/label/c.UAN_Log_Cancel';
import LABEL_DELETE_ERROR from '@salesforce/label/c.UAN_History_DeleteError';
import LABEL_LOADING_EVIDENCE from '@salesforce/label/c.UAN_History_LoadingEvidence';
import LABEL_EVIDENCE_ERROR from '@salesforce/label/c.UAN_History_EvidenceError';
import LABEL_EVIDENCE_UNAVAILABLE from '@salesforce/label/c.UAN_History_EvidenceUnavailable';

/** How many pages of the opportunity's notes to look through for a note's evidence. */
const EVIDENCE_PAGES = 5;

const FIELD_LABELS = {
  summary: LABEL_SUMMARY,
  customerView: LABEL_CUSTOMER_VIEW,
  ideas: LABEL_IDEAS,
  nextStep: LABEL_NEXT_STEP,
};

/** The five dimension scores of a stored score, each with the evidence the scorer found for it. */
/** The author's buttons on their own note, named by what they do (`data-action`). */
function ownActions(date) {
  return [
    { name: 'edit', iconName: 'utility:edit', label: formatLabel(LABEL_EDIT, date) },
    { name: 'delete', iconName: 'utility:delete', label: formatLabel(LABEL_DELETE, date) },
  ].map((action) => ({ ...action, className: `slds-m-left_xx-small uan-note__${action.name}` }));
}

function dimensionsOf(noteId, score, evidence) {
  const scores = score?.dimensions ?? {};
  return DIMENSIONS.map((key) => {
    const items = evidence
      .filter((e) => e.dimension === key && e.text)
      .map((e, index) => {
        const lowered = e.effect === 'lowered';
        return {
          key: `${noteId}-${key}-${index}`,
          text: e.text,
          field: FIELD_LABELS[e.field] ?? LABEL_OWN_PROVOCATION,
          effect: lowered ? LABEL_EFFECT_LOWERED : LABEL_EFFECT_RAISED,
          className: `uan-note__evidence-item uan-note__evidence-item_${lowered ? 'lowered' : 'raised'}`,
        };
      });
    return {
      key,
      label: dimensionLabel(key),
      value: scores[key],
      evidence: items,
      hasEvidence: items.length > 0,
    };
  });
}

/**
 * A list of conversation notes, newest first as given: what was logged (summary, the customer's
 * view, ideas, next step, reactions) and its scores with their evidence on demand. Notes that come
 * without their evidence (the panel leaves it out to stay small) get it from getNotes when opened.
 * With `editable`,
 * the current user's own notes can be edited (a `noteedit` event: the owner opens the log modal)
 * and deleted here after an inline confirmation (then a `notedelete` event).
 */
export default class NoteHistory extends LightningElement {
  @api notes;
  @api heading = LABEL_HEADING;
  @api emptyMessage = LABEL_EMPTY;
  /** Offer edit and delete on the current user's own notes. */
  @api editable = false;

  /** noteId -> true for the notes whose scores are shown. */
  expanded = {};
  /**
   * The evidence loaded for notes sent without it, per note version (an edit rescores the note):
   * a list, 'loading', or null when unavailable.
   */
  loadedEvidence = {};
  /** The note whose deletion waits for the user's confirmation. */
  confirmingId;
  deleting = false;
  error;
  errorMessage;
  /** What gets focus after the next render: a selector in this component's page. */
  focusTarget;

  labels = {
    nextStep: LABEL_NEXT_STEP,
    raised: LABEL_RAISED,
    customerView: LABEL_CUSTOMER_VIEW,
    ideas: LABEL_IDEAS,
    noEvidence: LABEL_NO_EVIDENCE,
    loadingEvidence: LABEL_LOADING_EVIDENCE,
    evidenceUnavailable: LABEL_EVIDENCE_UNAVAILABLE,
    confirmDelete: LABEL_CONFIRM_DELETE,
  };

  get hasNotes() {
    return Array.isArray(this.notes) && this.notes.length > 0;
  }

  get items() {
    return (this.notes ?? []).map((note) => {
      const overall = note.score?.overall;
      const date = formatDate(note.occurredAt || note.createdAt);
      const expanded = Boolean(this.expanded[note.id]);
      const evidence = this.evidenceOf(note);
      return {
        id: note.id,
        date,
        author: formatLabel(LABEL_BY, note.authorName || note.authorId || ''),
        scoreText: formatLabel(LABEL_SCORE, formatScore(overall)),
        scoreClass: `slds-badge uan-note__score uan-note__score_${scoreTone(overall)}`,
        summary: note.summary,
        customerView: note.customerView || null,
        ideas: note.ideas || null,
        nextStep: note.nextStep
          ? [note.nextStep, note.nextStepDate ? formatDate(note.nextStepDate) : null]
              .filter(Boolean)
              .join(' · ')
          : null,
        reactions: (note.prompts ?? []).map((p, index) => ({
          key: `${note.id}-${index}`,
          text: p.title || p.text || '',
          reaction: p.reaction ? reactionLabel(p.reaction) : null,
        })),
        hasReactions: (note.prompts ?? []).length > 0,
        // a note the scorer could not read (not English) has no dimension scores to show
        hasScores: Boolean(note.score?.dimensions),
        dimensions: dimensionsOf(note.id, note.score, Array.isArray(evidence) ? evidence : []),
        evidenceLoading: evidence === 'loading',
        evidenceUnavailable: evidence === null,
        evidenceShown: Array.isArray(evidence),
        // the scores and their evidence, shown and hidden below the note
        details: {
          label: LABEL_DETAILS,
          expanded,
          regionId: `details-${note.id}`,
          buttonClass: 'slds-m-top_xx-small uan-note__toggle',
          regionClass: 'slds-m-top_xx-small uan-note__details',
          chevron: true,
          busy: evidence === 'loading',
        },
        // only the author changes a note
        actions: this.editable && Boolean(USER_ID) && note.authorId === USER_ID ? ownActions(date) : [],
        confirming: this.confirmingId === note.id,
        confirmId: `confirm-${note.id}`,
      };
    });
  }

  get actionsDisabled() {
    return this.deleting;
  }

  renderedCallback() {
    // an opened note sent without its evidence, or one that came back edited while open
    for (const note of this.notes ?? []) {
      if (this.expanded[note.id] && this.evidenceOf(note) === undefined) {
        this.loadEvidence(note);
      }
    }
    const target = this.focusTarget;
    if (!target) {
      return;
    }
    this.focusTarget = undefined;
    this.template.querySelector(target)?.focus();
  }

  /** The note's evidence: its own, loaded ('loading' meanwhile), or null when it cannot be had. */
  evidenceOf(note) {
    if (Array.isArray(note.score?.evidence)) {
      return note.score.evidence;
    }
    return this.loadedEvidence[versionKey(note)];
  }

  handleToggle(event) {
    const id = event.currentTarget.dataset.id;
    this.expanded = { ...this.expanded, [id]: !this.expanded[id] };
  }

  async loadEvidence(note) {
    const key = versionKey(note);
    this.loadedEvidence = { ...this.loadedEvidence, [key]: 'loading' };
    let evidence = null;
    try {
      const stored = await findStoredNote(note);
      // a copy older than the note on show (a cached answer after an edit) would point at other text
      const current = stored && (note.version === undefined || stored.version === note.version);
      evidence = current ? (stored.score?.evidence ?? []) : null;
    } catch (error) {
      this.error = error;
      this.errorMessage = LABEL_EVIDENCE_ERROR;
    }
    this.loadedEvidence = { ...this.loadedEvidence, [key]: evidence };
  }

  handleNoteAction(event) {
    return event.currentTarget.dataset.action === 'edit' ? this.handleEdit(event) : this.handleDelete(event);
  }

  handleEdit(event) {
    const note = this.findNote(event.currentTarget.dataset.id);
    if (note) {
      this.dispatchEvent(new CustomEvent('noteedit', { detail: { note } }));
    }
  }

  handleDelete(event) {
    this.error = undefined;
    this.confirmingId = event.currentTarget.dataset.id;
    // the safe choice gets focus, so a stray Enter does not delete
    this.focusTarget = '.uan-note__confirm-cancel';
  }

  /** The open confirmation's answers: keep the note (the safe choice) or delete it. */
  get confirmActions() {
    const disabled = this.actionsDisabled;
    return [
      { name: 'cancel', label: LABEL_CANCEL, className: 'uan-note__confirm-cancel', disabled },
      {
        name: 'delete',
        variant: 'destructive',
        label: LABEL_CONFIRM_YES,
        className: 'uan-note__confirm-delete',
        disabled,
      },
    ];
  }

  handleConfirmAction(event) {
    return event.detail.name === 'delete' ? this.handleConfirmDelete() : this.handleCancelDelete();
  }

  handleCancelDelete() {
    const noteId = this.confirmingId;
    this.confirmingId = undefined;
    // back on the note's delete button
    this.focusTarget = `[data-id="${noteId}"][data-action="delete"]`;
  }

  async handleConfirmDelete() {
    const note = this.findNote(this.confirmingId);
    if (!note) {
      return;
    }
    this.deleting = true;
    this.error = undefined;
    this.errorMessage = LABEL_DELETE_ERROR;
    try {
      await deleteNote({ opportunityId: note.opportunityId, noteId: note.id });
      this.confirmingId = undefined;
      // the note's row goes away once the owner reloads; the heading keeps the user's place
      this.focusTarget = '.uan-notes__heading';
      this.dispatchEvent(new CustomEvent('notedelete', { detail: { noteId: note.id } }));
    } catch (error) {
      this.error = error;
    } finally {
      this.deleting = false;
    }
  }

  findNote(id) {
    return (this.notes ?? []).find((n) => n.id === id);
  }
}

function versionKey(note) {
  return `${note.id}@${note.version ?? ''}`;
}

/** The note as the service stores it, found in the first pages of its opportunity's notes. */
async function findStoredNote(note) {
  let cursor = null;
  for (let page = 0; page < EVIDENCE_PAGES; page++) {
    // eslint-disable-next-line no-await-in-loop -- each page's cursor comes from the one before
    const result = parseJson(await getNotes({ opportunityId: note.opportunityId, cursor }));
    const found = (result?.items ?? []).find((n) => n.id === note.id);
    if (found || !result?.nextCursor) {
      return found ?? null;
    }
    cursor = result.nextCursor;
  }
  return null;
}
