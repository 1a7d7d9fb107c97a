// lastChanges answers who last changed each entity of a kind and when, from
// the audit log (GET /api/v1/audit?entity=…, newest first), as a Map from
// entity id to {actor, time, action}. Accounts that may not read the audit log
// get an empty map.
import { maybe, items } from './api.js';

export async function lastChanges(entity) {
  const out = new Map();
  for (const e of items(await maybe('/api/v1/audit', { entity, limit: 1000 }))) {
    if (!out.has(e.entity_id)) out.set(e.entity_id, { actor: e.actor, time: e.time, action: e.action });
  }
  return out;
}
