import { LightningElement, api } from 'lwc';
import previewPrompts from '@salesforce/apex/UpAtNightPromptSetController.previewPrompts';
import previewVersion from '@salesforce/apex/UpAtNightPromptSetController.previewVersion';
import { parseJson } from 'c/uanFormat';
import LABEL_HEADING from '@salesforce/label/c.UAN_Preview_Heading';
import LABEL_INTRO from '@salesforce/label/c.UAN_Preview_Intro';
import LABEL_INDUSTRY from '@salesforce/label/c.UAN_Preview_Industry';
import LABEL_STAGE from '@salesforce/label/c.UAN_Preview_Stage';
import LABEL_AMOUNT from '@salesforce/label/c.UAN_Preview_Amount';
import LABEL_RECORD_TYPE from '@salesforce/label/c.UAN_Preview_RecordType';
import LABEL_ACCOUNT from '@salesforce/label/c.UAN_Preview_AccountName';
import LABEL_ANY from '@salesforce/label/c.UAN_Preview_Any';
import LABEL_RUN from '@salesforce/label/c.UAN_Preview_Run';
import LABEL_RESULTS from '@salesforce/label/c.UAN_Preview_Results';
import LABEL_NONE from '@salesforce/label/c.UAN_Preview_None';
import LABEL_ERROR from '@salesforce/label/c.UAN_Preview_Error';
import LABEL_BUSY from '@salesforce/label/c.UAN_Busy';
import LABEL_EXAMPLE from '@salesforce/label/c.UAN_Preview_Example';
import LABEL_EXAMPLE_NONE from '@salesforce/label/c.UAN_Preview_ExampleNone';

// The service requires an opportunity Id in every context; a preview has none, so it uses a
// well-formed placeholder that no real record can have (all-zero record number).
const PREVIEW_OPPORTUNITY_ID = '006000000000000AAA';

const EMPTY_CONTEXT = { industry: '', stage: '', amount: '', recordType: '', accountName: '' };

/**
 * Which prompts would an opportunity with this context get? Sales ops' check before publishing. With
 * `setId` and `version`, the answer is for that version as if it were published (a draft's preview);
 * `examples` ([{label, context}]) offer ready-made contexts to pick instead of typing one.
 */
export default class PromptPreview extends LightningElement {
  @api industryOptions = [];
  @api stageOptions = [];
  @api setId;
  @api version;
  @api examples = [];
  /** Heading and introduction in place of the standalone preview's; with a heading, the preview is a
   * subsection of the page it sits in and its headings are one level lower. */
  @api heading;
  @api intro;

  context = { ...EMPTY_CONTEXT };
  example = '';
  results;
  loading = false;
  error;

  labels = {
    heading: LABEL_HEADING,
    intro: LABEL_INTRO,
    industry: LABEL_INDUSTRY,
    stage: LABEL_STAGE,
    amount: LABEL_AMOUNT,
    recordType: LABEL_RECORD_TYPE,
    accountName: LABEL_ACCOUNT,
    results: LABEL_RESULTS,
    none: LABEL_NONE,
    error: LABEL_ERROR,
    busy: LABEL_BUSY,
    example: LABEL_EXAMPLE,
  };

  get embedded() {
    return Boolean(this.heading);
  }

  get headingId() {
    return this.embedded ? 'preview-subheading' : 'preview-heading';
  }

  get headingText() {
    return this.heading || LABEL_HEADING;
  }

  get introText() {
    return this.intro || LABEL_INTRO;
  }

  get hasExamples() {
    return (this.examples ?? []).length > 0;
  }

  get exampleChoices() {
    return [
      { label: LABEL_EXAMPLE_NONE, value: '' },
      ...(this.examples ?? []).map((e, index) => ({ label: e.label, value: String(index) })),
    ];
  }

  handleExample(event) {
    this.example = event.detail?.value ?? event.target.value ?? '';
    const picked = this.example === '' ? null : this.examples[Number(this.example)];
    const context = { ...EMPTY_CONTEXT };
    for (const field of Object.keys(EMPTY_CONTEXT)) {
      const value = picked?.context?.[field];
      context[field] = value === undefined || value === null ? '' : String(value);
    }
    this.context = context;
  }

  get industryChoices() {
    return [{ label: LABEL_ANY, value: '' }, ...(this.industryOptions ?? [])];
  }

  get stageChoices() {
    return [{ label: LABEL_ANY, value: '' }, ...(this.stageOptions ?? [])];
  }

  get hasResults() {
    return Array.isArray(this.results);
  }

  get hasPrompts() {
    return this.hasResults && this.results.length > 0;
  }

  handleChange(event) {
    this.context = {
      ...this.context,
      [event.target.dataset.field]: event.detail?.value ?? event.target.value,
    };
  }

  /** The context as the service expects it, empty fields left out. */
  buildContext() {
    const context = { id: PREVIEW_OPPORTUNITY_ID };
    for (const [field, value] of Object.entries(this.context)) {
      if (value === '' || value === null || value === undefined) {
        continue;
      }
      context[field] = field === 'amount' ? Number(value) : String(value).trim();
    }
    return context;
  }

  get runActions() {
    return [
      {
        name: 'run',
        variant: 'brand',
        label: LABEL_RUN,
        disabled: this.loading,
        className: 'uan-preview__run',
      },
    ];
  }

  async handlePreview() {
    this.loading = true;
    this.error = undefined;
    try {
      const context = this.buildContext();
      const response = parseJson(
        this.setId && this.version
          ? await previewVersion({ setId: this.setId, version: this.version, context })
          : await previewPrompts({ context }),
      );
      this.results = response?.items ?? [];
    } catch (error) {
      this.error = error;
      this.results = undefined;
    } finally {
      this.loading = false;
    }
  }
}
