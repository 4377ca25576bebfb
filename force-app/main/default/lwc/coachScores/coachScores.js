import { LightningElement, api } from 'lwc';
import { DIMENSIONS, dimensionLabel, formatScore, highlightSegments } from 'c/uanFormat';
import LABEL_HEADING from '@salesforce/label/c.UAN_Coach_Heading';
import LABEL_HINT from '@salesforce/label/c.UAN_Coach_Hint';
import LABEL_SCORING from '@salesforce/label/c.UAN_Coach_Scoring';
import LABEL_TIPS from '@salesforce/label/c.UAN_Coach_Tips';
import LABEL_EVIDENCE from '@salesforce/label/c.UAN_Coach_Evidence';
import LABEL_RAISED from '@salesforce/label/c.UAN_Coach_Raised';
import LABEL_LOWERED from '@salesforce/label/c.UAN_Coach_Lowered';
import LABEL_ERROR from '@salesforce/label/c.UAN_Coach_Error';
import LABEL_HIGHLIGHT from '@salesforce/label/c.UAN_Coach_Highlight';
import LABEL_NOT_ENGLISH from '@salesforce/label/c.UAN_Coach_NotEnglish';
import LABEL_OVERALL from '@salesforce/label/c.UAN_Dim_Overall';
import LABEL_SUMMARY from '@salesforce/label/c.UAN_Log_Summary';
import LABEL_CUSTOMER_VIEW from '@salesforce/label/c.UAN_Log_CustomerView';
import LABEL_IDEAS from '@salesforce/label/c.UAN_Log_Ideas';
import LABEL_NEXT_STEP from '@salesforce/label/c.UAN_Log_NextStep';
import LABEL_AD_HOC from '@salesforce/label/c.UAN_Log_AdHocText';

const FIELD_LABELS = {
  summary: LABEL_SUMMARY,
  customerView: LABEL_CUSTOMER_VIEW,
  ideas: LABEL_IDEAS,
  nextStep: LABEL_NEXT_STEP,
};

function fieldLabel(field) {
  return FIELD_LABELS[field] ?? (String(field).startsWith('prompts.') ? LABEL_AD_HOC : field);
}

function fieldText(draft, field) {
  if (!draft) {
    return '';
  }
  const match = /^prompts\.(\d+)\.text$/.exec(field);
  return match ? (draft.prompts?.[Number(match[1])]?.text ?? '') : (draft[field] ?? '');
}

/**
 * The live coach's verdict on a draft: overall and five dimension scores (announced politely),
 * up to three tips, and the evidence behind them — listed per dimension and marked in the text.
 */
export default class CoachScores extends LightningElement {
  /** {status, overall, dimensions, evidence, tips} from scoreDraft, or null before the first score. */
  @api score;
  /** The note body that was scored, so evidence offsets can be shown in its text. */
  @api draft;
  /** true while a newer draft is being scored. */
  @api pending = false;
  /** The coach's last error, if any; the rep can still save. */
  @api error;

  labels = {
    heading: LABEL_HEADING,
    hint: LABEL_HINT,
    scoring: LABEL_SCORING,
    tips: LABEL_TIPS,
    evidence: LABEL_EVIDENCE,
    error: LABEL_ERROR,
    highlight: LABEL_HIGHLIGHT,
    overall: LABEL_OVERALL,
    notEnglish: LABEL_NOT_ENGLISH,
  };

  /** The service answers "not scored" (no numbers) for a note that does not read as English. */
  get notScored() {
    return this.score?.status === 'not_scored';
  }

  get hasScore() {
    return Boolean(this.score) && !this.notScored;
  }

  get busy() {
    return this.pending ? 'true' : 'false';
  }

  get overall() {
    return this.score?.overall;
  }

  get overallText() {
    return formatScore(this.overall);
  }

  get dimensions() {
    const scores = this.score?.dimensions ?? {};
    return DIMENSIONS.map((key) => ({ key, label: dimensionLabel(key), value: scores[key] }));
  }

  get tips() {
    return (this.score?.tips ?? []).map((tip, index) => ({
      key: `${index}`,
      dimension: dimensionLabel(tip.dimension),
      text: tip.text,
    }));
  }

  get hasTips() {
    return this.tips.length > 0;
  }

  get evidenceGroups() {
    const evidence = this.score?.evidence ?? [];
    return DIMENSIONS.map((dimension) => ({
      key: dimension,
      label: dimensionLabel(dimension),
      items: evidence
        .filter((e) => e.dimension === dimension)
        .map((e, index) => ({
          key: `${dimension}-${index}`,
          text: e.text,
          field: fieldLabel(e.field),
          effect: e.effect === 'lowered' ? LABEL_LOWERED : LABEL_RAISED,
          className: `uan-evidence uan-evidence_${e.effect === 'lowered' ? 'lowered' : 'raised'}`,
          icon: e.effect === 'lowered' ? 'utility:arrowdown' : 'utility:arrowup',
        })),
    })).filter((group) => group.items.length > 0);
  }

  get hasEvidence() {
    return this.evidenceGroups.length > 0;
  }

  /** The scored fields with their evidence marked inline. */
  get highlightedFields() {
    const byField = new Map();
    for (const e of this.score?.evidence ?? []) {
      if (!byField.has(e.field)) {
        byField.set(e.field, []);
      }
      byField.get(e.field).push(e);
    }
    return [...byField.entries()]
      .map(([field, spans]) => ({
        key: field,
        label: fieldLabel(field),
        segments: highlightSegments(fieldText(this.draft, field), spans),
      }))
      .filter((f) => f.segments.some((s) => s.marked));
  }

  get hasHighlights() {
    return this.highlightedFields.length > 0;
  }
}
