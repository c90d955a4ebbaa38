export { updateOrganization, isTimeZone } from './organization.js';
