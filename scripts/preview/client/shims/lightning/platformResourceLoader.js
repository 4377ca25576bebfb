// lightning/platformResourceLoader: loads a static resource's script or stylesheet once per page.
const loaded = new Map();

function once(url, create) {
  if (!loaded.has(url)) {
    loaded.set(
      url,
      new Promise((resolve, reject) => {
        const element = create();
        element.addEventListener('load', () => resolve());
        element.addEventListener('error', () => {
          loaded.delete(url);
          reject(new Error(`Could not load ${url}`));
        });
        document.head.appendChild(element);
      }),
    );
  }
  return loaded.get(url);
}

export function loadScript(_component, url) {
  return once(url, () => {
    const script = document.createElement('script');
    script.src = url;
    script.charset = 'utf-8';
    return script;
  });
}

export function loadStyle(_component, url) {
  return once(url, () => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = url;
    return link;
  });
}
