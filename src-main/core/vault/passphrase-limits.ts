/** Shortest passphrase accepted, in characters. */
export const MIN_PASSPHRASE_LENGTH = 8;
/** Longest passphrase accepted: bounds the work a pasted novel can cause. */
export const MAX_PASSPHRASE_LENGTH = 1024;
