/**
 * Runs once when the Next server starts: validate the environment so a missing or malformed variable stops
 * the server immediately with a message naming it, rather than surfacing as a broken page later; then start
 * following cache invalidations, so this instance catches up on changes made while it was down before it serves.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getConfig } = await import('./lib/config');
  getConfig();
  const { startCacheFollower } = await import('./lib/cache/follower');
  startCacheFollower();
}
