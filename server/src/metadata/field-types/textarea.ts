import { textLike } from './text-like.js';

export const textarea = textLike('textarea', 32000);
