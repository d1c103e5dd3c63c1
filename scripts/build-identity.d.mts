// Types for scripts/build-identity.mjs, which tests import too.
export const KEY_FILE_NAME: string;
export class BuildIdentityError extends Error {}
export interface BuildIdentity {
  key: string;
  deploymentId: string;
  keyFrom: string;
}
export function resolveBuildIdentity(root: string, env: Record<string, string | undefined>, sourceStamp: string, builtKey?: string): BuildIdentity;
export function identityFingerprint(identity: Pick<BuildIdentity, 'key' | 'deploymentId'>): string;
export function builtDeploymentId(distDir: string): string | undefined;
export function builtActionsKey(distDir: string): string | undefined;
