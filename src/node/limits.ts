/**
 * Bounds on what the edges read, so a mistaken or hostile input fails fast with a clear message
 * instead of exhausting memory: rule packs and assessments are small text files.
 */

/** The largest rule file or assessment read, in bytes (1 MiB). */
export const MAX_FILE_BYTES = 1024 * 1024;

/** The most YAML files a rule folder may hold. */
export const MAX_RULE_FILES = 500;

/** How far YAML aliases may expand in an assessment (an assessment needs none; a "billion laughs" needs many). */
export const MAX_YAML_ALIASES = 10;

/** The file-size limit as messages state it. */
export const MAX_FILE_SIZE_TEXT = `1 MiB (${MAX_FILE_BYTES} bytes)`;
