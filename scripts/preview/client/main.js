// The preview page: three views of the real components (the Opportunity record page with the
// conversation panel, the sales ops prompt set manager, the manager dashboard), a role and user
// switch, and the platform's toast container and record navigation.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import OpportunityConversation from 'c/opportunityConversation';
import PromptSetManager from 'c/promptSetManager';
import ConversationDashboard from 'c/conversationDashboard';
import { currentActor, setActor } from './shims/salesforce/runtime';

const VIEW_TITLES = {
  opportunity: 'Opportunity record page',
  'prompt-sets': 'Prompt sets (sales ops)',
  dashboard: 'Dashboard (manager)',
};
const VIEWS = Object.keys(VIEW_TITLES);
const ROLE_LABELS = { rep: 'Sales rep', salesops: 'Sales ops', manager: 'Sales manager' };

const byId = (id) => document.getElementById(id);
const state = { context: undefined, mounted: {}, opportunityId: undefined };

function text(tag, className, value) {
  const element = document.createElement(tag);
  if (className) {
    element.className = className;
  }
  element.textContent = value ?? '';
  return element;
}

function showProblem(message) {
  const problem = byId('uan-preview-problem');
  problem.textContent = message;
  problem.classList.remove('slds-hide');
}

// ---- toasts (lightning/platformShowToastEvent) ------------------------------------------------

const TOAST_THEME = {
  success: 'slds-theme_success',
  error: 'slds-theme_error',
  warning: 'slds-theme_warning',
};

function fillMessage(message, messageData) {
  if (!Array.isArray(messageData)) {
    return message ?? '';
  }
  return String(message ?? '').replace(/\{(\d+)\}/g, (all, i) => {
    const item = messageData[Number(i)];
    return item === undefined
      ? all
      : typeof item === 'object'
        ? (item.label ?? item.url ?? '')
        : String(item);
  });
}

function showToast(toast) {
  const variant = toast.variant ?? 'info';
  const element = document.createElement('div');
  element.className = `slds-notify slds-notify_toast ${TOAST_THEME[variant] ?? 'slds-theme_info'} uan-toast`;
  element.setAttribute('role', variant === 'error' ? 'alert' : 'status');
  element.dataset.variant = variant;
  const content = document.createElement('div');
  content.className = 'slds-notify__content';
  if (toast.title) {
    content.appendChild(text('h2', 'slds-text-heading_small uan-toast-title', toast.title));
  }
  const message = fillMessage(toast.message, toast.messageData);
  if (message) {
    content.appendChild(text('p', 'uan-toast-message', message));
  }
  const close = text(
    'button',
    'slds-button slds-button_icon slds-button_icon-inverse slds-notify__close',
    '✕',
  );
  close.title = 'Close';
  close.setAttribute('aria-label', 'Close');
  const dismiss = () => element.remove();
  close.addEventListener('click', dismiss);
  element.append(content, close);
  byId('uan-toasts').appendChild(element);
  const mode = toast.mode ?? 'dismissible';
  if (mode !== 'sticky') {
    setTimeout(dismiss, mode === 'pester' ? 3000 : 8000);
  }
}

document.addEventListener('lightning__showtoast', (event) => showToast(event.detail ?? {}));

// ---- views ----------------------------------------------------------------------------------

function formatAmount(amount) {
  return typeof amount === 'number'
    ? new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(
        amount,
      )
    : '';
}

function userName(id) {
  return state.context.users.find((u) => u.id === id)?.name ?? id ?? '';
}

function renderRecordHeader(opportunity) {
  const header = byId('uan-record-header');
  header.replaceChildren();
  const top = document.createElement('div');
  top.className = 'slds-page-header__row';
  const title = document.createElement('div');
  title.className = 'slds-page-header__col-title';
  title.append(
    text('span', 'slds-page-header__name-meta', 'Opportunity'),
    text('h2', 'slds-page-header__title slds-truncate uan-record-name', opportunity.name),
  );
  top.appendChild(title);
  const details = document.createElement('ul');
  details.className = 'slds-page-header__detail-row slds-grid slds-wrap uan-record-details';
  const fields = [
    ['Account', opportunity.accountName],
    ['Industry', opportunity.industry],
    ['Stage', opportunity.stage],
    ['Amount', formatAmount(opportunity.amount)],
    ['Close date', opportunity.closeDate],
    ['Record type', opportunity.recordType],
    ['Owner', userName(opportunity.ownerId)],
  ];
  for (const [label, value] of fields) {
    const item = document.createElement('li');
    item.className = 'slds-page-header__detail-block';
    item.append(
      text('div', 'slds-text-title slds-truncate', label),
      text('div', 'slds-truncate', value ?? '—'),
    );
    details.appendChild(item);
  }
  const column = document.createElement('div');
  column.className = 'slds-page-header__col-details';
  column.appendChild(details);
  const row = document.createElement('div');
  row.className = 'slds-page-header__row slds-page-header__row_gutters';
  row.appendChild(column);
  header.append(top, row);
}

function showOpportunity(opportunityId) {
  const opportunity =
    state.context.opportunities.find((o) => o.id === opportunityId) ?? state.context.opportunities[0];
  if (!opportunity || state.opportunityId === opportunity.id) {
    return;
  }
  state.opportunityId = opportunity.id;
  byId('uan-opportunity').value = opportunity.id;
  renderRecordHeader(opportunity);
  // a new record page: the panel is created afresh, as the platform does on navigation
  const panel = createElement('c-opportunity-conversation', { is: OpportunityConversation });
  panel.recordId = opportunity.id;
  byId('uan-record-main').replaceChildren(panel);
}

function element(tag, className, attributes) {
  const created = document.createElement(tag);
  created.className = className;
  for (const [name, value] of Object.entries(attributes)) {
    created.setAttribute(name, value);
  }
  return created;
}

/** A tab per view, and an empty panel for each view whose component is mounted on first visit. */
function renderViews() {
  const tabs = VIEWS.map((name) => {
    const item = element('li', 'slds-tabs_default__item', { role: 'presentation', 'data-view': name });
    const link = element('a', 'slds-tabs_default__link', {
      href: `#${name}`,
      role: 'tab',
      id: `uan-tab-${name}`,
      'aria-controls': `uan-view-${name}`,
    });
    link.textContent = VIEW_TITLES[name];
    item.append(link);
    return item;
  });
  byId('uan-tabs').replaceChildren(...tabs);
  const panels = VIEWS.filter((name) => !byId(`uan-view-${name}`)).map((name) =>
    element('section', 'slds-hide', {
      id: `uan-view-${name}`,
      role: 'tabpanel',
      'aria-labelledby': `uan-tab-${name}`,
    }),
  );
  document.querySelector('main').append(...panels);
}

function mountOnce(view) {
  if (state.mounted[view]) {
    return;
  }
  state.mounted[view] = true;
  if (view === 'prompt-sets') {
    byId('uan-view-prompt-sets').appendChild(createElement('c-prompt-set-manager', { is: PromptSetManager }));
  } else if (view === 'dashboard') {
    byId('uan-view-dashboard').appendChild(
      createElement('c-conversation-dashboard', { is: ConversationDashboard }),
    );
  }
}

function route() {
  const [view = 'opportunity', id] = window.location.hash.replace(/^#/, '').split('/');
  const active = VIEWS.includes(view) ? view : 'opportunity';
  for (const name of VIEWS) {
    const on = name === active;
    byId(`uan-view-${name}`).classList.toggle('slds-hide', !on);
    const tab = document.querySelector(`#uan-tabs [data-view="${name}"]`);
    tab.classList.toggle('slds-is-active', on);
    const link = byId(`uan-tab-${name}`);
    link.setAttribute('aria-selected', String(on));
    link.tabIndex = on ? 0 : -1;
  }
  if (active === 'opportunity') {
    showOpportunity(
      id ? decodeURIComponent(id) : (state.opportunityId ?? state.context.opportunities[0]?.id),
    );
  } else {
    mountOnce(active);
  }
  document.body.dataset.view = active;
}

// lightning/navigation: a record page reference opens that opportunity's record view
window.addEventListener('uanpreview:navigate', (event) => {
  const reference = event.detail?.pageReference;
  const recordId = reference?.attributes?.recordId;
  if (
    reference?.type === 'standard__recordPage' &&
    state.context.opportunities.some((o) => o.id === recordId)
  ) {
    window.location.hash = `#opportunity/${recordId}`;
  } else {
    showToast({
      title: 'Not in the preview',
      message: 'That page only exists in a Salesforce org.',
      variant: 'info',
    });
  }
});

// ---- role and user --------------------------------------------------------------------------

function fillSwitches() {
  const actor = currentActor();
  const role = byId('uan-role');
  for (const value of Object.keys(ROLE_LABELS)) {
    const option = text('option', '', ROLE_LABELS[value]);
    option.value = value;
    role.appendChild(option);
  }
  role.value = actor.role;
  const user = byId('uan-user');
  for (const u of state.context.users) {
    const option = text('option', '', `${u.name} (${ROLE_LABELS[u.role] ?? u.role})`);
    option.value = u.id;
    user.appendChild(option);
  }
  user.value = actor.userId;
  // another user is another session: reload so every component starts over as that user
  role.addEventListener('change', () => {
    const nextRole = role.value;
    const usual = state.context.users.find((u) => u.role === nextRole);
    setActor({ role: nextRole, userId: usual?.id ?? actor.userId });
    window.location.reload();
  });
  user.addEventListener('change', () => {
    const chosen = state.context.users.find((u) => u.id === user.value);
    setActor({ role: chosen?.role ?? actor.role, userId: user.value });
    window.location.reload();
  });
  document.body.dataset.role = actor.role;
  document.body.dataset.user = actor.userId;
}

function fillOpportunities() {
  const select = byId('uan-opportunity');
  for (const o of state.context.opportunities) {
    const option = text('option', '', `${o.name} · ${o.stage ?? ''}`);
    option.value = o.id;
    select.appendChild(option);
  }
  select.addEventListener('change', () => {
    window.location.hash = `#opportunity/${select.value}`;
  });
}

async function start() {
  try {
    const response = await fetch('/preview/context', { headers: { accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(`HTTP ${response.status}`);
    }
    state.context = await response.json();
  } catch (error) {
    showProblem(`The preview could not load its demo data (${error.message}). Is the service running?`);
    return;
  }
  const actor = currentActor();
  if (!state.context.users.some((u) => u.id === actor.userId)) {
    setActor(state.context.defaultActor);
  }
  fillSwitches();
  fillOpportunities();
  window.addEventListener('hashchange', route);
  route();
  document.body.dataset.ready = 'true';
}

renderViews();
start();
