import 'server-only';
import { z } from 'zod';
import { getManagementClient } from '@/lib/bigcommerce/management-client';
import { ttlMemo } from '@/lib/cache/ttl-memo';

/**
 * Warehouse names by location code. The Storefront API reports stock per location by code only ("CHI-DC");
 * buyers want "Chicago distribution center", which the Management API has. Locations change rarely, so the map
 * is kept for a few minutes; if the lookup fails the codes are shown instead.
 */
const locationSchema = z.looseObject({ code: z.string(), label: z.string() });
const TTL_MS = 5 * 60_000;

const loadNames = ttlMemo(TTL_MS, async (_all: 'all') => {
  const names = new Map<string, string>();
  for await (const location of getManagementClient().paginateV3('/v3/inventory/locations', locationSchema)) {
    names.set(location.code, location.label);
  }
  return names;
});

export async function locationNames(): Promise<Map<string, string>> {
  try {
    return await loadNames('all');
  } catch (error) {
    console.warn('[catalog] location names unavailable, showing codes:', error);
    return new Map();
  }
}
