/**
 * Runs once when the Next server starts: validate the environment so a missing or malformed variable stops
 * the server immediately with a message naming it, rather than surfacing as a broken page later.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getConfig } = await import('./lib/config');
  getConfig();
}
