// lightning/platformShowToastEvent: the event the platform's toast container listens for. The
// preview's page renders it as an SLDS toast (see main.js).
export class ShowToastEvent extends CustomEvent {
  constructor(toast) {
    super('lightning__showtoast', { bubbles: true, composed: true, cancelable: true, detail: toast });
  }
}
