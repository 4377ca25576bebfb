import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import saveDraft from '@salesforce/apex/UpAtNightPromptSetController.saveDraft';
import publishVersion from '@salesforce/apex/UpAtNightPromptSetController.publishVersion';
import retireVersion from '@salesforce/apex/UpAtNightPromptSetController.retireVersion';
import createDraftVersion from '@salesforce/apex/UpAtNightPromptSetController.createDraftVersion';
import exportPromptSet from '@salesforce/apex/UpAtNightPromptSetController.exportPromptSet';
import republishVersion from '@salesforce/apex/UpAtNightPromptSetController.republishVersion';
import {
  daysAgoIso,
  formatDate,
  formatLabel,
  isPromptKey,
  parseJson,
  slugify,
  statusLabel,
  todayIso,
} from 'c/uanFormat';
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
import LABEL_SAVE_PROMPT from '@salesforce/label/c.UAN_Version_SavePrompt';
import LABEL_CANCEL_PROMPT from '@salesforce/label/c.UAN_Version_CancelPrompt';
import LABEL_BACK_TO_LIST from '@salesforce/label/c.UAN_Version_BackToList';
import LABEL_EDITING_PROMPT from '@salesforce/label/c.UAN_Version_EditingPrompt';
import LABEL_VIEWING_PROMPT from '@salesforce/label/c.UAN_Version_ViewingPrompt';
import LABEL_NEW_PROMPT from '@salesforce/label/c.UAN_Version_NewPrompt';
import LABEL_BUSY from '@salesforce/label/c.UAN_Busy';
import LABEL_EXPIRY_WARNING from '@salesforce/label/c.UAN_Version_ExpiryWarning';
import LABEL_EXPIRED_ON from '@salesforce/label/c.UAN_Version_ExpiredOn';
import LABEL_EXPIRES_ON from '@salesforce/label/c.UAN_Version_ExpiresOn';
import LABEL_PUBLISH_ANYWAY from '@salesforce/label/c.UAN_Version_PublishAnyway';
import LABEL_CANCEL_PUBLISH from '@salesforce/label/c.UAN_Version_CancelPublish';
import LABEL_REPUBLISH from '@salesforce/label/c.UAN_Version_Republish';
import LABEL_REPUBLISH_TITLE from '@salesforce/label/c.UAN_Version_RepublishTitle';
import LABEL_REPUBLISHED from '@salesforce/label/c.UAN_Version_Republished';
import LABEL_PREVIEW_HEADING from '@salesforce/label/c.UAN_Version_PreviewHeading';
import LABEL_PREVIEW_INTRO from '@salesforce/label/c.UAN_Version_PreviewIntro';
import LABEL_PREVIEW_EXAMPLE from '@salesforce/label/c.UAN_Version_PreviewExample';

/** Example contexts offered in a draft's preview, at most. */
const PREVIEW_EXAMPLES = 10;

/** A context a prompt targets: its first industry, stage (or a stage of its first phase), amount, record type. */
function exampleContext(prompt, stagePhases) {
  const t = prompt.targeting ?? {};
  const phaseStage = Object.keys(stagePhases ?? {}).find((stage) => stagePhases[stage] === t.phases?.[0]);
  const context = {
    industry: t.industries?.[0],
    stage: t.stages?.[0] ?? phaseStage,
    amount: t.amountMin ?? t.amountMax ?? undefined,
    recordType: t.recordTypes?.[0],
  };
  return Object.fromEntries(
    Object.entries(context).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  );
}

const REQUIRED_FIELDS = ['key', 'title', 'provocation', 'followUp', 'rationale', 'source'];
const CONTENT_FIELDS = [...REQUIRED_FIELDS, 'expiresOn', 'targeting'];

/** Publishing warns about prompts that have expired or expire within this many days. */
const EXPIRY_WARNING_DAYS = 30;

/** A prompt the service would accept: every required text filled and a well-formed key. */
/** Each button classed after its action (uan-version__<name>), which focus handling finds it by. */
const withClasses = (actions) =>
  actions.map((action) => ({ ...action, className: `uan-version__${action.name}` }));

function isComplete(prompt) {
  return REQUIRED_FIELDS.every((f) => String(prompt[f] ?? '').trim()) && isPromptKey(prompt.key);
}

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
 * One version of a prompt set: its prompts as a searchable, paged list with one prompt at a time
 * open in the full editor; save a draft, publish or retire it, start a new draft from it, export
 * it as JSON or CSV. Publishing a draft with prompts that have expired or expire soon asks first.
 * Emits `versionchange` with the version the service returns after every change.
 */
export default class PromptVersionEditor extends LightningElement {
  @api industryOptions = [];
  @api stageOptions = [];
  /** The tenant's stage → phase map, for example contexts of prompts that target a phase. */
  @api stagePhases = {};

  current;
  name = '';
  description = '';
  prompts = [];
  dirty = false;
  busy = false;
  error;
  invalid = false;
  uidSeq = 0;
  /** The prompt open in the editor: {uid, index, prompt, isNew}; its edits stay here until saved. */
  editing = null;
  /**
   * What gets focus after the next render: 'editor', 'validate', a list row index, 'add', 'expiry'
   * (the warning before publishing) or 'publish'.
   */
  focusTarget;
  /** The expired and expiring prompts the user is asked about before publishing; null otherwise. */
  expiring = null;

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
    savePrompt: LABEL_SAVE_PROMPT,
    cancelPrompt: LABEL_CANCEL_PROMPT,
    republish: LABEL_REPUBLISH,
    previewHeading: LABEL_PREVIEW_HEADING,
    previewIntro: LABEL_PREVIEW_INTRO,
    backToList: LABEL_BACK_TO_LIST,
    busy: LABEL_BUSY,
    publishAnyway: LABEL_PUBLISH_ANYWAY,
    cancelPublish: LABEL_CANCEL_PUBLISH,
  };

  /** The version as the service returns it: {setId, version, status, name, description, prompts}. */
  @api
  get version() {
    return this.current;
  }
  set version(value) {
    const sameVersion = value?.setId === this.current?.setId && value?.version === this.current?.version;
    if (sameVersion && this.editing) {
      // saved: focus returns to the row of the prompt that was open
      this.focusTarget = this.editing.index;
    } else if (!sameVersion) {
      // another version: its list starts unsearched, on the first page
      this.template.querySelector('c-prompt-list')?.reset();
    }
    this.editing = null;
    this.expiring = null;
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

  get isRetired() {
    return this.current?.status === 'retired';
  }

  get republishTitle() {
    return formatLabel(LABEL_REPUBLISH_TITLE, this.current?.version);
  }

  /** The version's actions its status allows, in the order the toolbar shows them. */
  get actions() {
    const busy = this.actionsDisabled;
    const actions = this.isDraft
      ? [
          { name: 'save', label: this.labels.save, disabled: this.saveDisabled },
          { name: 'publish', variant: 'brand', label: this.labels.publish, disabled: this.publishDisabled },
        ]
      : [{ name: 'new-draft', label: this.labels.newDraft, disabled: busy }];
    if (this.isRetired) {
      actions.push({
        name: 'republish',
        label: this.labels.republish,
        title: this.republishTitle,
        disabled: busy,
      });
    }
    if (this.isPublished) {
      actions.push({
        name: 'retire',
        variant: 'destructive-text',
        label: this.labels.retire,
        disabled: busy,
      });
    }
    actions.push(
      { name: 'export-json', label: this.labels.exportJson, disabled: busy },
      { name: 'export-csv', label: this.labels.exportCsv, disabled: busy },
    );
    return withClasses(actions);
  }

  /** Publishing with prompts about to expire: go back (the safe choice, focused first) or publish anyway. */
  get expiryActions() {
    return withClasses([
      { name: 'expiry-cancel', label: this.labels.cancelPublish },
      { name: 'publish-anyway', variant: 'brand', label: this.labels.publishAnyway, disabled: this.busy },
    ]);
  }

  /** The open prompt's panel: save or cancel in a draft, back to the list in a published version. */
  get promptActions() {
    return withClasses(
      this.isDraft
        ? [
            { name: 'save-prompt', variant: 'brand', label: this.labels.savePrompt, disabled: this.busy },
            { name: 'cancel-prompt', label: this.labels.cancelPrompt, disabled: this.busy },
          ]
        : [{ name: 'back', label: this.labels.backToList }],
    );
  }

  /** One example context per distinct targeting among the saved prompts. */
  get previewExamples() {
    const seen = new Set();
    const examples = [];
    for (const prompt of this.current?.prompts ?? []) {
      const context = exampleContext(prompt, this.stagePhases);
      const signature = JSON.stringify(context);
      if (Object.keys(context).length === 0 || seen.has(signature)) {
        continue;
      }
      seen.add(signature);
      examples.push({
        label: formatLabel(
          LABEL_PREVIEW_EXAMPLE,
          prompt.title || prompt.key,
          Object.values(context).join(', '),
        ),
        context,
      });
    }
    return examples.slice(0, PREVIEW_EXAMPLES);
  }

  get readOnly() {
    return !this.isDraft;
  }

  get hasPrompts() {
    return this.prompts.length > 0;
  }

  get listClass() {
    // hidden, not removed, while a prompt is open: the search and page stay as they were
    return this.editing ? 'slds-hide' : '';
  }

  get showAdd() {
    return this.isDraft && !this.editing;
  }

  get panelHeading() {
    if (this.editing?.isNew) {
      return LABEL_NEW_PROMPT;
    }
    const label = this.readOnly ? LABEL_VIEWING_PROMPT : LABEL_EDITING_PROMPT;
    // the editor's legend under it carries the title
    return formatLabel(label, (this.editing?.index ?? 0) + 1);
  }

  get expiryWarning() {
    return formatLabel(LABEL_EXPIRY_WARNING, EXPIRY_WARNING_DAYS);
  }

  get saveDisabled() {
    return this.busy || !this.dirty || !!this.editing;
  }

  get publishDisabled() {
    return this.busy || this.dirty || !this.hasPrompts || !!this.editing;
  }

  renderedCallback() {
    const target = this.focusTarget;
    if (target === undefined) {
      return;
    }
    this.focusTarget = undefined;
    if (target === 'editor' || target === 'validate') {
      const editor = this.template.querySelector('c-prompt-editor');
      if (target === 'validate') {
        editor?.validate();
      }
      editor?.focus();
    } else if (target === 'expiry' || target === 'publish') {
      // the safe choice, or back where the user was
      const selector = target === 'expiry' ? '.uan-version__expiry-cancel' : '.uan-version__publish';
      this.template.querySelector(selector)?.focus();
    } else if (typeof target === 'number' && this.hasPrompts) {
      this.template.querySelector('c-prompt-list')?.focusRow(Math.min(target, this.prompts.length - 1));
    } else {
      this.template.querySelector('.uan-version__add')?.focus();
    }
  }

  get actionsDisabled() {
    return this.busy;
  }

  /** The version's name and description, above its prompts. */
  get versionFields() {
    const disabled = this.readOnly;
    return [
      {
        name: 'name',
        label: this.labels.name,
        value: this.name,
        required: true,
        maxLength: 200,
        disabled,
        className: 'uan-version__name',
      },
      {
        name: 'description',
        multiline: true,
        label: this.labels.description,
        value: this.description,
        maxLength: 2000,
        disabled,
        className: 'uan-version__description',
      },
    ];
  }

  handleVersionField(event) {
    const { name, value } = event.detail;
    this[name] = value;
    this.dirty = true;
  }

  /** Opens one prompt of the list in the editor (read-only for published and retired versions). */
  handlePromptOpen(event) {
    const index = this.prompts.findIndex((p) => p.uid === event.detail.uid);
    if (index >= 0) {
      this.openPrompt(index);
    }
  }

  openPrompt(index, focus = 'editor') {
    const prompt = this.prompts[index];
    this.editing = { uid: prompt.uid, index, prompt: { ...prompt }, isNew: false };
    this.focusTarget = focus;
  }

  handlePromptRemove(event) {
    this.removePrompt(event.detail.uid);
  }

  removePrompt(uid) {
    const index = this.prompts.findIndex((p) => p.uid === uid);
    if (index < 0) {
      return;
    }
    this.prompts = this.prompts.filter((p) => p.uid !== uid);
    this.dirty = true;
    this.editing = null;
    this.focusTarget = this.prompts.length ? index : 'add';
  }

  handleAddPrompt() {
    const prompt = this.withUid(blankPrompt());
    this.editing = { uid: prompt.uid, index: this.prompts.length, prompt, isNew: true };
    this.focusTarget = 'editor';
  }

  handleEditorChange(event) {
    this.editing = { ...this.editing, prompt: event.detail.prompt };
  }

  /** The editor's own Remove button: a new prompt is simply dropped. */
  handleEditorRemove() {
    if (this.editing?.isNew) {
      this.handleClosePrompt();
    } else if (this.editing) {
      this.removePrompt(this.editing.uid);
    }
  }

  /** Cancel (drafts) or Back to the list (read-only): the open prompt's edits are dropped. */
  handleClosePrompt() {
    const { index, isNew } = this.editing ?? {};
    this.editing = null;
    this.invalid = false;
    this.focusTarget = isNew ? 'add' : index;
  }

  /** Puts the open prompt into the draft and saves the whole draft. */
  async handleSavePrompt() {
    const editor = this.template.querySelector('c-prompt-editor');
    if (!editor.validate()) {
      this.invalid = true;
      return;
    }
    const { uid, prompt, isNew } = this.editing;
    this.prompts = isNew ? [...this.prompts, prompt] : this.prompts.map((p) => (p.uid === uid ? prompt : p));
    this.editing = { ...this.editing, isNew: false };
    this.dirty = true;
    await this.saveDraft();
  }

  handleAction(event) {
    const run = {
      save: () => this.saveDraft(),
      publish: () => this.handlePublish(),
      'new-draft': () => this.handleNewDraft(),
      republish: () => this.handleRepublish(),
      retire: () => this.handleRetire(),
      'export-json': () => this.handleExport('json'),
      'export-csv': () => this.handleExport('csv'),
      'expiry-cancel': () => this.handleCancelPublish(),
      'publish-anyway': () => this.handlePublishAnyway(),
      'save-prompt': () => this.handleSavePrompt(),
      'cancel-prompt': () => this.handleClosePrompt(),
      back: () => this.handleClosePrompt(),
    }[event.detail.name];
    return run();
  }

  async saveDraft() {
    const incomplete = this.prompts.findIndex((p) => !isComplete(p));
    this.invalid = incomplete >= 0 || !this.name.trim();
    if (this.invalid) {
      if (incomplete >= 0 && this.editing?.index !== incomplete) {
        // show the first incomplete prompt with its missing fields marked
        this.openPrompt(incomplete, 'validate');
      }
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
          draft,
        }),
      LABEL_SAVED,
    );
  }

  /** Publishes, unless some prompts have expired or expire soon: then the user is asked first. */
  handlePublish() {
    const today = todayIso();
    const soon = daysAgoIso(-EXPIRY_WARNING_DAYS);
    const expiring = this.prompts
      .filter((p) => p.expiresOn && p.expiresOn <= soon)
      .map((p) => ({
        key: p.uid,
        text: formatLabel(
          p.expiresOn < today ? LABEL_EXPIRED_ON : LABEL_EXPIRES_ON,
          p.title,
          formatDate(p.expiresOn),
        ),
      }));
    if (expiring.length) {
      this.expiring = expiring;
      this.focusTarget = 'expiry';
      return undefined;
    }
    return this.publish();
  }

  handlePublishAnyway() {
    this.expiring = null;
    return this.publish();
  }

  handleCancelPublish() {
    this.expiring = null;
    this.focusTarget = 'publish';
  }

  publish() {
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

  handleRepublish() {
    return this.run(
      () => republishVersion({ setId: this.current.setId, version: this.current.version }),
      LABEL_REPUBLISHED,
    );
  }

  handleNewDraft() {
    return this.run(() => createDraftVersion({ setId: this.current.setId }), LABEL_DRAFT_CREATED);
  }

  async handleExport(format) {
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
