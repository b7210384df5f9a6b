import packageJson from '../package.json' with { type: 'json' };

/**
 * The version of `@s2b2b/cli`, read from its package.json when the CLI is built (the bundler
 * inlines it) or, when run from sources, when the module loads.
 *
 * @example
 * CLI_VERSION // '0.1.0'
 */
export const CLI_VERSION: string = packageJson.version;
