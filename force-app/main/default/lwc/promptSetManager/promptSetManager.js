import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import listPromptSets from '@salesforce/apex/UpAtNightPromptSetController.listPromptSets';
import getPromptSetVersion from '@salesforce/apex/UpAtNightPromptSetController.getPromptSetVersion';
import createPromptSet from '@salesforce/apex/UpAtNightPromptSetController.createPromptSet';
import importPromptSet from '@salesforce/apex/UpAtNightPromptSetController.importPromptSet';
import getSettings from '@salesforce/apex/UpAtNightSettingsController.getSettings';
import { formatDate, formatLabel, options, parseJson, statusLabel } from 'c/uanFormat';
import LABEL_TITLE from '@salesforce/label/c.UAN_Manager_Title';
import LABEL_TAB_SETS from '@salesforce/label/c.UAN_Manager_TabSets';
import LABEL_TAB_PREVIEW from '@salesforce/label/c.UAN_Manager_TabPreview';
import LABEL_TAB_EFFECT from '@salesforce/label/c.UAN_Manager_TabEffectiveness';
import LABEL_TAB_WEIGHTS from '@salesforce/label/c.UAN_Manager_TabWeights';
import LABEL_TAB_MEMORY from '@salesforce/label/c.UAN_Manager_TabMemory';
import LABEL_SETS_HEADING from '@salesforce/label/c.UAN_Manager_SetsHeading';
import LABEL_SETS_CAPTION from '@salesforce/label/c.UAN_Manager_SetsCaption';
import LABEL_COL_SET from '@salesforce/label/c.UAN_Manager_ColSet';
import LABEL_COL_VERSION from '@salesforce/label/c.UAN_Manager_ColVersion';
import LABEL_COL_STATUS from '@salesforce/label/c.UAN_Manager_ColStatus';
import LABEL_COL_PROMPTS from '@salesforce/label/c.UAN_Manager_ColPrompts';
import LABEL_COL_PUBLISHED from '@salesforce/label/c.UAN_Manager_ColPublished';
import LABEL_COL_ACTION from '@salesforce/label/c.UAN_Manager_ColAction';
import LABEL_OPEN from '@salesforce/label/c.UAN_Manager_Open';
import LABEL_OPEN_VERSION from '@salesforce/label/c.UAN_Manager_OpenVersion';
import LABEL_NO_SETS from '@salesforce/label/c.UAN_Manager_NoSets';
import LABEL_LOAD_ERROR from '@salesforce/label/c.UAN_Manager_LoadError';
import LABEL_OPEN_ERROR from '@salesforce/label/c.UAN_Manager_OpenError';
import LABEL_NEW_SET from '@salesforce/label/c.UAN_Manager_NewSet';
import LABEL_NEW_SET_NAME from '@salesforce/label/c.UAN_Manager_NewSetName';
import LABEL_CREATE from '@salesforce/label/c.UAN_Manager_Create';
import LABEL_CREATED from '@salesforce/label/c.UAN_Manager_Created';
import LABEL_IMPORT from '@salesforce/label/c.UAN_Manager_Import';
import LABEL_IMPORT_FILE from '@salesforce/label/c.UAN_Manager_ImportFile';
import LABEL_IMPORT_TARGET from '@salesforce/label/c.UAN_Manager_ImportTarget';
import LABEL_IMPORT_NEW from '@salesforce/label/c.UAN_Manager_ImportAsNew';
import LABEL_IMPORT_DRAFT_OF from '@salesforce/label/c.UAN_Manager_ImportDraftOf';
import LABEL_IMPORTED from '@salesforce/label/c.UAN_Manager_Imported';
import LABEL_IMPORT_ERROR from '@salesforce/label/c.UAN_Manager_ImportError';
import LABEL_BUSY from '@salesforce/label/c.UAN_Busy';
import LABEL_IMPORT_PROBLEMS from '@salesforce/label/c.UAN_Manager_ImportProblems';
import { reduceErrors } from 'c/ldsUtils';

function readText(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

/**
 * Sales ops' workbench: prompt sets and their versions (open, edit, publish, retire, export,
 * import, create), a preview of what an opportunity would get, prompt effectiveness and the
 * scoring weights with rescoring.
 */
export default class PromptSetManager extends LightningElement {
  sets = [];
  loading = true;
  loadError;
  settings;
  openVersion;
  versionLoading = false;
  versionError;
  importTarget = '';
  importing = false;
  importError;
  newSetName = '';
  creating = false;
  /** The tab shown; a promotion brings the user to the draft it landed in. */
  activeTab = 'sets';

  labels = {
    title: LABEL_TITLE,
    tabSets: LABEL_TAB_SETS,
    tabPreview: LABEL_TAB_PREVIEW,
    tabEffect: LABEL_TAB_EFFECT,
    tabWeights: LABEL_TAB_WEIGHTS,
    tabMemory: LABEL_TAB_MEMORY,
    setsHeading: LABEL_SETS_HEADING,
    setsCaption: LABEL_SETS_CAPTION,
    colSet: LABEL_COL_SET,
    colVersion: LABEL_COL_VERSION,
    colStatus: LABEL_COL_STATUS,
    colPrompts: LABEL_COL_PROMPTS,
    colPublished: LABEL_COL_PUBLISHED,
    colAction: LABEL_COL_ACTION,
    open: LABEL_OPEN,
    noSets: LABEL_NO_SETS,
    loadError: LABEL_LOAD_ERROR,
    openError: LABEL_OPEN_ERROR,
    newSet: LABEL_NEW_SET,
    newSetName: LABEL_NEW_SET_NAME,
    create: LABEL_CREATE,
    import: LABEL_IMPORT,
    importFile: LABEL_IMPORT_FILE,
    importTarget: LABEL_IMPORT_TARGET,
    importError: LABEL_IMPORT_ERROR,
    busy: LABEL_BUSY,
    importProblems: LABEL_IMPORT_PROBLEMS,
  };

  connectedCallback() {
    this.loadSets();
    this.loadSettings();
  }

  async loadSets() {
    this.loading = true;
    try {
      this.sets = parseJson(await listPromptSets())?.items ?? [];
      this.loadError = undefined;
    } catch (error) {
      this.loadError = error;
    } finally {
      this.loading = false;
    }
  }

  async loadSettings() {
    try {
      this.settings = parseJson(await getSettings());
    } catch {
      // Pickers fall back to free choice; the weights tab shows its own error when saving.
      this.settings = null;
    }
  }

  get hasSets() {
    return this.sets.length > 0;
  }

  get showEmpty() {
    return !this.loading && !this.hasSets;
  }

  get rows() {
    return this.sets.flatMap((set) =>
      [...(set.versions ?? [])]
        .sort((a, b) => b.version - a.version)
        .map((v, index) => ({
          key: `${set.id}-${v.version}`,
          setId: set.id,
          setName: set.name,
          // later versions of a set show its name to screen readers only, so the table reads as one group per set
          setNameClass: index === 0 ? '' : 'slds-assistive-text',
          version: v.version,
          status: statusLabel(v.status),
          statusClass: `slds-badge uan-status uan-status_${v.status}`,
          promptCount: v.promptCount ?? 0,
          publishedAt: v.publishedAt ? formatDate(v.publishedAt) : '',
          openLabel: formatLabel(LABEL_OPEN_VERSION, set.name, v.version),
          isOpen: this.openVersion?.setId === set.id && this.openVersion?.version === v.version,
        })),
    );
  }

  get industryOptions() {
    return options(this.settings?.industries);
  }

  get stageOptions() {
    return options(Object.keys(this.settings?.stagePhases ?? {}));
  }

  get importTargets() {
    return [
      { label: LABEL_IMPORT_NEW, value: '' },
      ...this.sets.map((set) => ({ label: formatLabel(LABEL_IMPORT_DRAFT_OF, set.name), value: set.id })),
    ];
  }

  get stagePhases() {
    return this.settings?.stagePhases ?? {};
  }

  /**
   * The service lists an import's problems one a line after a summary line (a CSV line and column,
   * or a JSON prompt and field, and what is wrong): shown as a list where the file was chosen.
   */
  get importProblems() {
    const lines = reduceErrors(this.importError).flatMap((message) => String(message).split('\n'));
    return lines.length > 1 ? lines.slice(1).map((text, index) => ({ key: `${index}`, text })) : [];
  }

  get importSummary() {
    return reduceErrors(this.importError)[0]?.split('\n')[0] ?? '';
  }

  get hasImportProblems() {
    return this.importProblems.length > 0;
  }

  get createDisabled() {
    return this.creating || !this.newSetName.trim();
  }

  async handleOpen(event) {
    const { setId, version } = event.currentTarget.dataset;
    await this.open(setId, Number(version));
  }

  async open(setId, version) {
    this.versionLoading = true;
    this.versionError = undefined;
    try {
      this.openVersion = parseJson(await getPromptSetVersion({ setId, version }));
    } catch (error) {
      this.versionError = error;
    } finally {
      this.versionLoading = false;
    }
  }

  /** After a save, publish, retire or new draft: show what the service returned and refresh the list. */
  handleVersionChange(event) {
    this.openVersion = event.detail;
    this.loadSets();
  }

  /** A created or imported set comes back either as a version or as a set with its versions. */
  async openResult(result) {
    if (result?.setId && result?.version) {
      this.openVersion = result;
    } else if (result?.id && Array.isArray(result.versions) && result.versions.length) {
      const latest = Math.max(...result.versions.map((v) => v.version));
      await this.open(result.id, latest);
    }
  }

  handleNewSetName(event) {
    this.newSetName = event.detail?.value ?? event.target.value ?? '';
  }

  async handleCreate() {
    this.creating = true;
    this.importError = undefined;
    try {
      const created = parseJson(
        await createPromptSet({ promptSet: { name: this.newSetName.trim(), prompts: [] } }),
      );
      this.newSetName = '';
      this.dispatchEvent(new ShowToastEvent({ title: LABEL_CREATED, variant: 'success' }));
      await this.loadSets();
      await this.openResult(created);
    } catch (error) {
      this.importError = error;
    } finally {
      this.creating = false;
    }
  }

  handleImportTarget(event) {
    this.importTarget = event.detail?.value ?? event.target.value ?? '';
  }

  async handleFile(event) {
    const file = (event.detail?.files ?? event.target.files ?? [])[0];
    if (!file) {
      return;
    }
    this.importing = true;
    this.importError = undefined;
    try {
      const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
      const content = await readText(file);
      const result = parseJson(await importPromptSet({ format, content, setId: this.importTarget || null }));
      this.dispatchEvent(
        new ShowToastEvent({ title: LABEL_IMPORTED, message: file.name, variant: 'success' }),
      );
      await this.loadSets();
      await this.openResult(result);
    } catch (error) {
      this.importError = error;
    } finally {
      this.importing = false;
    }
  }

  handleSettingsChange(event) {
    this.settings = event.detail;
  }

  handleTab(event) {
    this.activeTab = event.target.value;
  }

  /** A promoted candidate lands in a draft: list it, open that draft and show it. */
  async handlePromoted(event) {
    this.activeTab = 'sets';
    await this.loadSets();
    await this.openResult(event.detail?.version);
  }

  handleRescored() {
    this.template.querySelector('c-prompt-effectiveness')?.load();
  }
}
