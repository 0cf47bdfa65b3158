import { describe, expect, it } from 'vitest';
import { registryError } from './registry-error.ts';

describe('registryError', () => {
  it("reads docker's lower-cased code after the request, with the status the spec gives it", () => {
    const read = registryError('Error response from daemon: Get "https://quay.io/v2/org/app/manifests/1.0": unauthorized: access to the requested resource is not authorized');
    expect(read?.found).toEqual({ status: 401, reason: '', method: 'GET', url: 'https://quay.io/v2/org/app/manifests/1.0' });
    expect(read?.body).toBe('unauthorized: access to the requested resource is not authorized');
  });

  it("reads go-containerregistry's code as sent", () => {
    const read = registryError('GET https://registry.example.com/v2/team/app/manifests/v1: MANIFEST_UNKNOWN: manifest unknown');
    expect(read?.found.status).toBe(404);
    expect(read?.found.method).toBe('GET');
  });

  it("takes the registry from containers/image's reference, Docker Hub's at its registry's host", () => {
    expect(registryError('reading manifest latest in quay.io/org/app: denied: requested access to the resource is denied')?.found).toEqual({
      status: 403,
      reason: '',
      method: 'GET',
      url: 'https://quay.io/v2/org/app/',
    });
    expect(registryError('reading manifest 1 in docker.io/library/app: toomanyrequests: slow down')?.found.url).toBe('https://registry-1.docker.io/v2/library/app/');
  });

  it('reads a code alone, without naming a request', () => {
    expect(registryError('name unknown: The repository does not exist')?.found).toEqual({ status: 404, reason: '', method: null, url: null });
    expect(registryError('ERROR: failed to push: blob upload invalid: blob upload invalid')?.found.status).toBe(404);
  });

  it("leaves a gRPC client's capitals and other words alone", () => {
    expect(registryError('UNAVAILABLE: upstream connect error or disconnect/reset before headers')).toBeNull();
    expect(registryError('the user was unauthorized: please log in')).toBeNull();
  });
});
