// lightning/navigation: NavigationMixin and CurrentPageReference for the preview's page. A record
// page reference for an Opportunity opens that opportunity's record view; the page listens for
// the 'uanpreview:navigate' event (see main.js).
const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

function urlFor(pageReference) {
  const attributes = pageReference?.attributes ?? {};
  if (pageReference?.type === 'standard__recordPage' && attributes.recordId) {
    return `#opportunity/${encodeURIComponent(attributes.recordId)}`;
  }
  return '#';
}

export function NavigationMixin(Base) {
  return class extends Base {
    [Navigate](pageReference, replace) {
      window.dispatchEvent(
        new CustomEvent('uanpreview:navigate', { detail: { pageReference, replace: Boolean(replace) } }),
      );
    }

    [GenerateUrl](pageReference) {
      return Promise.resolve(urlFor(pageReference));
    }
  };
}
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

export class CurrentPageReference {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
  }

  connect() {
    this.dataCallback({
      type: 'standard__navItemPage',
      attributes: { apiName: 'UpAtNight_Preview' },
      state: {},
    });
  }

  disconnect() {}

  update() {}
}
