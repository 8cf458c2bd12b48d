import type { Db } from '../db/client.js';

/** One audit entry as written: who did what to which entity, with the changed fields. */
export interface AuditEntry {
  actorUserId: string | null;
  organizationId: string | null;
  entity: string;
  entityId: string;
  action: string;
  changes?: Record<string, unknown>;
}

/** An audit entry as read back, with the actor's display name. */
export interface AuditRow extends AuditEntry {
  id: string;
  at: Date;
  actorName: string | null;
}

/** Appends one row; takes the caller's transaction so the entry commits with the change. */
export async function insertAuditEntry(db: Db, e: AuditEntry): Promise<void> {
  await db`
    insert into audit_log (actor_user_id, organization_id, entity, entity_id, action, changes)
    values (${e.actorUserId}, ${e.organizationId}, ${e.entity}, ${e.entityId}, ${e.action}, ${db.json((e.changes ?? {}) as never)})`;
}

/** Newest first; filter by organisation and/or entity. */
export function listAuditEntries(
  db: Db,
  f: { organizationId?: string; entity?: string; entityId?: string; limit?: number },
): Promise<AuditRow[]> {
  return db<AuditRow[]>`
    select a.id::text, a.at, a.actor_user_id, u.name as actor_name, a.organization_id, a.entity, a.entity_id, a.action, a.changes
    from audit_log a left join users u on u.id = a.actor_user_id
    where true
      ${f.organizationId ? db`and a.organization_id = ${f.organizationId}` : db``}
      ${f.entity ? db`and a.entity = ${f.entity}` : db``}
      ${f.entityId ? db`and a.entity_id = ${f.entityId}` : db``}
    order by a.at desc, a.id desc limit ${f.limit ?? 100}`;
}
