import { fileURLToPath } from 'node:url';

/** The repository's root folder, whatever the working directory. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const specSource = `${repoRoot}openapi/openapi.yaml`;
export const specPackage = `${repoRoot}packages/spec/`;
export const bundledJson = `${specPackage}openapi.json`;
export const bundledYaml = `${specPackage}openapi.yaml`;
export const referenceHtml = `${specPackage}reference.html`;
export const redoclyConfig = `${repoRoot}redocly.yaml`;
export const redoclyBin = `${repoRoot}node_modules/.bin/redocly`;
