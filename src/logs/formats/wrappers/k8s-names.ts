/**
 * Kubernetes' object names as the prefixes of its log tools print them (kubectl, kail, kubetail, stern): namespaces
 * and containers are DNS labels (RFC 1123), pods DNS subdomains. Regex sources, for the wrappers to build on.
 */
export const DNS_LABEL = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
export const DNS_SUBDOMAIN = '[a-z0-9][a-z0-9.-]*';
