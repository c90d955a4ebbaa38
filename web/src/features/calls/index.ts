export { LogCallButton } from './LogCallButton';
