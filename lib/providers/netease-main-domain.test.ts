import { describe, expect, it } from 'vitest';
import { NETEASE_PERSONAL } from './netease';
import { NETEASE_ID, NETEASE_MAIN_DOMAIN, NETEASE_MAIN_PROVIDER } from './netease-main-domain';

// The wizard's first paint shows this copy of NetEase's main domain; once detection arrives it
// shows NetEase's own data. The reader must not see the servers, the webmail or the words change.
describe("the first step's copy of NetEase's main domain", () => {
  it('is the first domain of NetEase’s data, servers, webmail and name alike', () => {
    expect(NETEASE_MAIN_DOMAIN).toEqual(NETEASE_PERSONAL.domains[0]);
  });

  it('names the provider, its code and its note on servers as NetEase’s data does', () => {
    const { id, name, credential, usernameForm, hostNote } = NETEASE_PERSONAL;
    expect(NETEASE_MAIN_PROVIDER).toEqual({ id, name, credential, usernameForm, hostNote });
    expect(NETEASE_ID).toBe(id);
  });
});
