import { requireCanUpdateUser, requireManageUsers } from '../access/index.js';
import { hashPassword } from '../auth/password.js';
import { deleteSessionsOfUser } from '../auth/sessions.js';
import type { Ctx } from '../context.js';
import type { Db } from '../db/connection.js';
import { notFound } from '../errors.js';
import { assertAnActiveAdministrator, lockAdministrators } from './admins.js';
import { insertUser } from './insert.js';
import { type User, type UserRow, userRowToUser } from './rows.js';
import { parseActive, parseEmail, parseLocale, parseName, parsePassword, parseProfile, parseRole, parseTimeZone } from './validate.js';

// Inputs are checked here, whoever calls (HTTP, CLI): hence plain strings, not ProfileName.
export interface CreateUserInput {
  email: string;
  name: string;
  password?: string;
  profile: string;
  role?: string | null;
  timeZone?: string;
  locale?: string;
}

export interface UpdateUserInput {
  name?: string;
  profile?: string;
  role?: string | null;
  active?: boolean;
  timeZone?: string;
  locale?: string;
  password?: string;
}

async function findUserRow(db: Db, id: string): Promise<UserRow | undefined> {
  return (await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()) as UserRow | undefined;
}

/** Every signed-in user may see the users (owner pickers, mentions). */
export async function listUsers(ctx: Ctx): Promise<User[]> {
  const rows = (await ctx.db.selectFrom('users').selectAll().orderBy('createdAt').orderBy('id').execute()) as UserRow[];
  return rows.map(userRowToUser);
}

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  const row = await findUserRow(ctx.db, id);
  if (!row) throw notFound('User');
  return userRowToUser(row);
}

export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<User> {
  requireManageUsers(ctx);
  const email = parseEmail(input.email);
  const name = parseName(input.name);
  const profile = parseProfile(input.profile);
  const role = parseRole(input.role);
  const timeZone = input.timeZone === undefined ? ctx.meta.org.timeZone : parseTimeZone(input.timeZone);
  const locale = input.locale === undefined ? ctx.meta.org.locale : parseLocale(input.locale);
  // Without a password the user cannot sign in until one is set (invitations come later).
  const passwordHash = input.password === undefined ? null : await hashPassword(parsePassword(input.password));
  const row = await insertUser(ctx.db, ctx.clock, { email, name, passwordHash, profile, role, timeZone, locale });
  return userRowToUser(row);
}

/** The columns a patch changes, validated; the password is hashed here, outside any transaction. */
async function patchToColumns(input: UpdateUserInput): Promise<Partial<UserRow>> {
  const set: Partial<UserRow> = {};
  if (input.name !== undefined) set.name = parseName(input.name);
  if (input.profile !== undefined) set.profile = parseProfile(input.profile);
  if (input.role !== undefined) set.role = parseRole(input.role);
  if (input.active !== undefined) set.active = parseActive(input.active) ? 1 : 0;
  if (input.timeZone !== undefined) set.timeZone = parseTimeZone(input.timeZone);
  if (input.locale !== undefined) set.locale = parseLocale(input.locale);
  if (input.password !== undefined) set.passwordHash = await hashPassword(parsePassword(input.password));
  return set;
}

export async function updateUser(ctx: Ctx, id: string, input: UpdateUserInput): Promise<User> {
  const fields = Object.keys(input).filter((k) => input[k as keyof UpdateUserInput] !== undefined);
  requireCanUpdateUser(ctx, id, fields);
  const set = await patchToColumns(input);

  const run = async (db: Db): Promise<UserRow> => {
    const demotes = set.active === 0 || (set.profile !== undefined && set.profile !== 'Administrator');
    if (demotes) await lockAdministrators(db, ctx.dialect);
    const before = await findUserRow(db, id);
    if (!before) throw notFound('User');
    if (Object.keys(set).length === 0) return before;
    await db
      .updateTable('users')
      .set({ ...set, modifiedAt: ctx.clock.now().getTime() })
      .where('id', '=', id)
      .execute();
    if (demotes && before.profile === 'Administrator' && before.active) {
      await assertAnActiveAdministrator(db, set.active === 0 ? 'active' : 'profile');
    }
    // A deactivated user is signed out now (tokens stop via the active check and come back on
    // reactivation). A password set by an administrator ends the sessions of whoever knew the
    // old one; a user changing their own keeps their sessions.
    if (set.active === 0 || (set.passwordHash !== undefined && id !== ctx.user.id)) {
      await deleteSessionsOfUser(db, id);
    }
    return { ...before, ...set };
  };
  const row = ctx.db.isTransaction ? await run(ctx.db) : await ctx.db.transaction().execute(run);
  return userRowToUser(row);
}
