// Hand-written stand-in for lightning/platformResourceLoader: loads nothing, resolves at once.
// Tests put what a script would define (e.g. window.Chart) in place themselves.
export const loadScript = jest.fn(() => Promise.resolve());
export const loadStyle = jest.fn(() => Promise.resolve());
