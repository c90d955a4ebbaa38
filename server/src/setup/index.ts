export { isSetupNeeded, runFirstSetup, type FirstRunInput } from './first-run.js';
