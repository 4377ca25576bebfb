// Hand-written stand-in for lightning/platformShowToastEvent: a plain bubbling, composed CustomEvent.
export const ShowToastEventName = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent {
  constructor(toast) {
    super(ShowToastEventName, { bubbles: true, composed: true, cancelable: true, detail: toast });
  }
}
