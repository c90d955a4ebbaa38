import { textLike } from './text-like.js';

export const text = textLike('text', 255);
