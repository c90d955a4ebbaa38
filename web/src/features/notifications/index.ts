export { kindLabel } from './kind-label';
export { NotificationBell } from './NotificationBell';
