import type { ActingUser } from '../context.js';
import type { Db } from '../db/connection.js';
import { type UserRow, userRowToActingUser } from './rows.js';

/** The user with this id as who acts, if they are active. */
export async function activeUser(db: Db, id: string): Promise<ActingUser | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).where('active', '=', 1).executeTakeFirst();
  return row ? userRowToActingUser(row as UserRow) : undefined;
}

/** The first active administrator, who acts when nobody else can (rules of a removed author, the command line). */
export async function firstAdministrator(db: Db): Promise<ActingUser | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('profile', '=', 'Administrator')
    .where('active', '=', 1)
    .orderBy('createdAt')
    .executeTakeFirst();
  return row ? userRowToActingUser(row as UserRow) : undefined;
}
