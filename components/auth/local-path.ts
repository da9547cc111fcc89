/**
 * A sign-in's `callbackUrl` when it stays on this site: one absolute path (not `//host` or `/\host`,
 * which browsers read as another origin), no backslash or control character, at most 2048
 * characters. Anything else is no callback, and the sign-in goes home.
 */
export function localPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2048) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  return /^\/(?![/\\])[^\\\u0000-\u001f\u007f]*$/.test(value) ? value : undefined;
}
