/** The users service: who works in the CRM, with which profile, role, time zone and locale. */

export { activeUser, firstAdministrator } from './acting.js';
export { insertUser, type NewUserRow } from './insert.js';
export { type User, type UserRow, userRowToActingUser, userRowToUser } from './rows.js';
export { type CreateUserInput, createUser, getUser, listUsers, type UpdateUserInput, updateUser } from './service.js';
