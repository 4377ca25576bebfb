// Which addresses the service may call on a tenant's behalf. A tenant admin chooses the login URL
// and the token endpoint chooses the instance URL, so both are untrusted: only Salesforce login and
// My Domain hosts over https, and after DNS resolution only public addresses (checked inside the
// connection's own lookup, so the address checked is the address connected to).
//
// Hosts, from Salesforce's documentation:
// - login.salesforce.com and test.salesforce.com, the generic login hosts, and every org's
//   MyDomainName.my.salesforce.com: "Call Salesforce URLs Within a Package",
//   https://developer.salesforce.com/docs/platform/pkg2-dev/guide/packaging-instanceless-url.html
// - sandboxes (MyDomainName--SandboxName.sandbox.my.salesforce.com) and the other partitioned
//   domains (demo, develop, patch, scratch, trailblaze): the DomainPartition field of OrgDomainLog,
//   https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_mydomainlog.htm
//   and "Partitioned Domains for Patch Orgs" (MyDomainName.patch.my.salesforce.com),
//   https://help.salesforce.com/apex/HTViewHelpDoc?id=xcloud.domain_name_partitioned_domains_patch.htm
// - the alternate suffixes Salesforce serves My Domains under outside its commercial cloud:
//   my.salesforce.mil (Government Cloud Plus – Defense) and my.sfcrmproducts.cn (Salesforce on
//   Alibaba Cloud, China); Salesforce Help, "My Domain URL Formats". Not verified against an org.
import { BlockList, isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';

export interface EndpointPolicy {
  /** development and tests only: a local Salesforce fake on a loopback address, over http */
  allowLocalOrg?: boolean;
  /** name resolution; tests substitute one that answers chosen addresses */
  resolve?: (hostname: string) => Promise<LookupAddress[]>;
}

/** A call the service refuses to make; the message is ours, never the remote's. */
export class EndpointRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'EndpointRefused';
  }
}

const LOGIN_HOSTS = new Set(['login.salesforce.com', 'test.salesforce.com']);
const MY_DOMAIN =
  /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?(?:\.(?:sandbox|demo|develop|patch|scratch|trailblaze))?\.my\.(?:salesforce\.com|salesforce\.mil|sfcrmproducts\.cn)$/;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const ALLOWED_HOSTS_TEXT =
  'login.salesforce.com, test.salesforce.com or a My Domain (*.my.salesforce.com, *.sandbox.my.salesforce.com, *.my.salesforce.mil, *.my.sfcrmproducts.cn)';

function isSalesforceHost(hostname: string): boolean {
  return LOGIN_HOSTS.has(hostname) || MY_DOMAIN.test(hostname);
}

function isLocalOrg(url: URL, policy: EndpointPolicy): boolean {
  return policy.allowLocalOrg === true && LOOPBACK_HOSTS.has(url.hostname);
}

/** Any URL the service is about to call: a Salesforce host over https (or the allowed local fake). */
export function checkCallUrl(value: string, policy: EndpointPolicy): URL {
  if (!URL.canParse(value)) throw new EndpointRefused('INVALID_URL', 'not a URL');
  const url = new URL(value);
  if (url.username || url.password)
    throw new EndpointRefused('ENDPOINT_REFUSED', 'a Salesforce URL carries no user information');
  if (isLocalOrg(url, policy)) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new EndpointRefused('ENDPOINT_REFUSED', 'must be an http(s) URL');
    return url;
  }
  if (url.protocol !== 'https:') throw new EndpointRefused('ENDPOINT_REFUSED', 'must be an https:// URL');
  if (url.port !== '') throw new EndpointRefused('ENDPOINT_REFUSED', 'must use the default https port');
  if (!isSalesforceHost(url.hostname))
    throw new EndpointRefused('ENDPOINT_REFUSED', `the host must be ${ALLOWED_HOSTS_TEXT}`);
  return url;
}

/**
 * A login or instance URL, which the service extends with API paths: a bare origin, so a `?`, `#`
 * or path cannot swallow or redirect what is appended. Returns the origin to store and use.
 */
export function checkOrgBaseUrl(value: string, policy: EndpointPolicy): string {
  const url = checkCallUrl(value, policy);
  if (/[?#]/.test(value) || (url.pathname !== '/' && url.pathname !== ''))
    throw new EndpointRefused('ENDPOINT_REFUSED', 'must be a bare origin (no path, query or fragment)');
  return url.origin;
}

// where no Salesforce org lives: private, shared, loopback, link-local, multicast, reserved
const NOT_PUBLIC = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 3],
] as const)
  NOT_PUBLIC.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 127],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  NOT_PUBLIC.addSubnet(net, bits, 'ipv6');
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** The IPv4 address inside an IPv4-mapped or -compatible IPv6 address, so each is judged once. */
function unmapped(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1]!, family: 'ipv4' };
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex) {
    const high = parseInt(hex[1]!, 16);
    const low = parseInt(hex[2]!, 16);
    return { address: [high >> 8, high & 255, low >> 8, low & 255].join('.'), family: 'ipv4' };
  }
  return { address, family: isIP(address) === 4 ? 'ipv4' : 'ipv6' };
}

export function isAllowedAddress(address: string, policy: EndpointPolicy): boolean {
  const { address: plain, family } = unmapped(address);
  if (policy.allowLocalOrg && LOOPBACK.check(plain, family)) return true;
  return !NOT_PUBLIC.check(plain, family);
}

const systemResolve = (hostname: string) =>
  new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for the agents: resolves, refuses the connection unless every address is allowed, and
 * hands the socket the addresses it checked (no second resolution in between).
 */
export function checkedLookup(policy: EndpointPolicy) {
  const resolve = policy.resolve ?? systemResolve;
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    const literal = hostname.replace(/^\[|\]$/g, '');
    const resolving: Promise<LookupAddress[]> = isIP(literal)
      ? Promise.resolve([{ address: literal, family: isIP(literal) }])
      : resolve(hostname);
    resolving.then(
      (addresses) => {
        if (addresses.length === 0 || !addresses.every((a) => isAllowedAddress(a.address, policy))) {
          callback(
            new EndpointRefused(
              'ADDRESS_REFUSED',
              `${hostname} resolves to a private, loopback or link-local address`,
            ),
            '',
          );
        } else if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}
