import type { ActingUser, ProfileName } from '../context.js';

/** A row of the users table as the drivers return it (active is 0/1 on both engines). */
export interface UserRow {
  id: string;
  email: string;
  emailFold: string;
  name: string;
  passwordHash: string | null;
  profile: ProfileName;
  role: string | null;
  active: number;
  timeZone: string;
  locale: string;
  createdAt: number;
  modifiedAt: number;
}

/** A user as the API shows it: never the password hash. */
export interface User {
  id: string;
  email: string;
  name: string;
  role: string | null;
  profile: ProfileName;
  active: boolean;
  timeZone: string;
  locale: string;
  createdAt: string;
}

export const userRowToUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  profile: row.profile,
  active: !!row.active,
  timeZone: row.timeZone,
  locale: row.locale,
  createdAt: new Date(Number(row.createdAt)).toISOString(),
});

export const userRowToActingUser = (row: UserRow): ActingUser => ({
  id: row.id,
  email: row.email,
  name: row.name,
  profile: row.profile,
  role: row.role,
  timeZone: row.timeZone,
  locale: row.locale,
});
