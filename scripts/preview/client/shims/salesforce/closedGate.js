// A platform feature gate that is closed in the preview. lightning-base-components' own stub opens
// every gate; the ones listed in plugins.ts (CLOSED_GATES) need the platform's native-shadow
// components (ElementInternals), which the synthetic shadow used here cannot give them.
export default { isOpen: () => false };
