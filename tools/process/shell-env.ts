/**
 * The environment of a user's shell, not of the `npm test` running a test: no npm_* variables
 * (but where npm keeps its cache, registry and user config) and no NODE_OPTIONS, so no
 * `--conditions=source`.
 */
export function shellEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => key !== 'NODE_OPTIONS' && (!key.startsWith('npm_') || ['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig'].includes(key))),
  );
}
