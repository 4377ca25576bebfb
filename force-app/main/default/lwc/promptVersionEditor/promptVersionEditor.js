import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import saveDraft from '@salesforce/apex/UpAtNightController.saveDraft';
import publishVersion from '@salesforce/apex/UpAtNightController.publishVersion';
import retireVersion from '@salesforce/apex/UpAtNightController.retireVersion';
import createDraftVersion from '@salesforce/apex/UpAtNightController.createDraftVersion';
import exportPromptSet from '@salesforce/apex/UpAtNightController.exportPromptSet';
import { formatLabel, parseJson, slugify, statusLabel } from 'c/uanFormat';
import LABEL_HEADING from '@salesforce/label/c.UAN_Version_Heading';
import LABEL_NAME from '@salesforce/label/c.UAN_Version_Name';
import LABEL_DESCRIPTION from '@salesforce/label/c.UAN_Version_Description';
import LABEL_ADD from '@salesforce/label/c.UAN_Version_AddPrompt';
import LABEL_SAVE from '@salesforce/label/c.UAN_Version_Save';
import LABEL_PUBLISH from '@salesforce/label/c.UAN_Version_Publish';
import LABEL_RETIRE from '@salesforce/label/c.UAN_Version_Retire';
import LABEL_NEW_DRAFT from '@salesforce/label/c.UAN_Version_NewDraft';
import LABEL_EXPORT_JSON from '@salesforce/label/c.UAN_Version_ExportJson';
import LABEL_EXPORT_CSV from '@salesforce/label/c.UAN_Version_ExportCsv';
import LABEL_READ_ONLY from '@salesforce/label/c.UAN_Version_ReadOnly';
import LABEL_UNSAVED from '@salesforce/label/c.UAN_Version_Unsaved';
import LABEL_INVALID from '@salesforce/label/c.UAN_Version_Invalid';
import LABEL_NO_PROMPTS from '@salesforce/label/c.UAN_Version_NoPrompts';
import LABEL_ACTION_ERROR from '@salesforce/label/c.UAN_Version_ActionError';
import LABEL_SAVED from '@salesforce/label/c.UAN_Version_Saved';
import LABEL_PUBLISHED from '@salesforce/label/c.UAN_Version_Published';
import LABEL_RETIRED from '@salesforce/label/c.UAN_Version_Retired';
import LABEL_DRAFT_CREATED from '@salesforce/label/c.UAN_Version_DraftCreated';
import LABEL_BUSY from '@salesforce/label/c.UAN_Busy';

const CONTENT_FIELDS = [
  'key',
  'title',
  'provocation',
  'followUp',
  'rationale',
  'source',
  'expiresOn',
  'targeting',
];

function blankPrompt() {
  return {
    key: '',
    autoKey: true,
    title: '',
    provocation: '',
    followUp: '',
    rationale: '',
    source: '',
    expiresOn: null,
    targeting: { industries: [], phases: [], stages: [], amountMin: null, amountMax: null, recordTypes: [] },
  };
}

/** Only what the service's prompt schema accepts (it rejects unknown keys). */
function toContent(prompt) {
  const content = {};
  for (const field of CONTENT_FIELDS) {
    content[field] = prompt[field];
  }
  content.expiresOn = content.expiresOn || null;
  return content;
}

/**
 * One version of a prompt set: edit a draft's prompts and save it, publish or retire it, start a
 * new draft from it, export it as JSON or CSV. Emits `versionchange` with the version the service
 * returns after every change.
 */
export default class PromptVersionEditor extends LightningElement {
  @api industryOptions = [];
  @api stageOptions = [];

  current;
  name = '';
  description = '';
  prompts = [];
  dirty = false;
  busy = false;
  error;
  invalid = false;
  uidSeq = 0;

  labels = {
    name: LABEL_NAME,
    description: LABEL_DESCRIPTION,
    add: LABEL_ADD,
    save: LABEL_SAVE,
    publish: LABEL_PUBLISH,
    retire: LABEL_RETIRE,
    newDraft: LABEL_NEW_DRAFT,
    exportJson: LABEL_EXPORT_JSON,
    exportCsv: LABEL_EXPORT_CSV,
    readOnly: LABEL_READ_ONLY,
    unsaved: LABEL_UNSAVED,
    invalid: LABEL_INVALID,
    noPrompts: LABEL_NO_PROMPTS,
    actionError: LABEL_ACTION_ERROR,
    busy: LABEL_BUSY,
  };

  /** The version as the service returns it: {setId, version, status, name, description, prompts}. */
  @api
  get version() {
    return this.current;
  }
  set version(value) {
    this.current = value;
    this.name = value?.name ?? '';
    this.description = value?.description ?? '';
    this.prompts = (value?.prompts ?? []).map((p) => this.withUid({ ...p }));
    this.dirty = false;
    this.invalid = false;
    this.error = undefined;
  }

  withUid(prompt) {
    this.uidSeq += 1;
    return { ...prompt, uid: `p${this.uidSeq}` };
  }

  get heading() {
    return formatLabel(LABEL_HEADING, this.current?.name ?? '', this.current?.version ?? '', this.statusText);
  }

  get statusText() {
    return statusLabel(this.current?.status);
  }

  get isDraft() {
    return this.current?.status === 'draft';
  }

  get isPublished() {
    return this.current?.status === 'published';
  }

  get readOnly() {
    return !this.isDraft;
  }

  get hasPrompts() {
    return this.prompts.length > 0;
  }

  get promptRows() {
    return this.prompts.map((prompt, index) => ({ prompt, index, uid: prompt.uid }));
  }

  get saveDisabled() {
    return this.busy || !this.dirty;
  }

  get publishDisabled() {
    return this.busy || this.dirty || !this.hasPrompts;
  }

  get actionsDisabled() {
    return this.busy;
  }

  handleName(event) {
    this.name = event.detail?.value ?? event.target.value;
    this.dirty = true;
  }

  handleDescription(event) {
    this.description = event.detail?.value ?? event.target.value;
    this.dirty = true;
  }

  handlePromptChange(event) {
    const { index, prompt } = event.detail;
    this.prompts = this.prompts.map((p, i) => (i === index ? prompt : p));
    this.dirty = true;
  }

  handlePromptRemove(event) {
    const { index } = event.detail;
    this.prompts = this.prompts.filter((p, i) => i !== index);
    this.dirty = true;
  }

  handleAddPrompt() {
    this.prompts = [...this.prompts, this.withUid(blankPrompt())];
    this.dirty = true;
  }

  async handleSave() {
    const editors = [...this.template.querySelectorAll('c-prompt-editor')];
    this.invalid = !editors.reduce((ok, editor) => editor.validate() && ok, true) || !this.name.trim();
    if (this.invalid) {
      return;
    }
    const draft = {
      name: this.name.trim(),
      description: this.description,
      prompts: this.prompts.map(toContent),
    };
    await this.run(
      () =>
        saveDraft({
          setId: this.current.setId,
          version: this.current.version,
          draftJson: JSON.stringify(draft),
        }),
      LABEL_SAVED,
    );
  }

  handlePublish() {
    return this.run(
      () => publishVersion({ setId: this.current.setId, version: this.current.version }),
      LABEL_PUBLISHED,
    );
  }

  handleRetire() {
    return this.run(
      () => retireVersion({ setId: this.current.setId, version: this.current.version }),
      LABEL_RETIRED,
    );
  }

  handleNewDraft() {
    return this.run(() => createDraftVersion({ setId: this.current.setId }), LABEL_DRAFT_CREATED);
  }

  async handleExport(event) {
    const format = event.target.dataset.format;
    this.busy = true;
    this.error = undefined;
    try {
      const text = await exportPromptSet({
        setId: this.current.setId,
        version: this.current.version,
        format,
      });
      this.download(text ?? '', format);
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }

  /** Hands the file to the browser through a data: URI anchor; nothing leaves the page. */
  download(text, format) {
    const mime = format === 'csv' ? 'text/csv' : 'application/json';
    const anchor = document.createElement('a');
    anchor.href = `data:${mime};charset=utf-8,${encodeURIComponent(text)}`;
    anchor.download = `${slugify(this.current.name) || 'prompt-set'}-v${this.current.version}.${format}`;
    const host = this.template.querySelector('.uan-export-host');
    host.appendChild(anchor);
    anchor.click();
    host.removeChild(anchor);
  }

  async run(action, successTitle) {
    this.busy = true;
    this.error = undefined;
    try {
      const result = parseJson(await action());
      this.dispatchEvent(new ShowToastEvent({ title: successTitle, variant: 'success' }));
      this.dispatchEvent(new CustomEvent('versionchange', { detail: result }));
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }
}
