// The size limit of a CSV of bodies, shared by the server action and the form that checks a
// file before sending it (this module holds no server code).

/** Under Next's 1 MiB limit on a server action's body, with room for the form around the file. */
export const MAX_CSV_BYTES = 1_000_000;
export const MAX_CSV_LABEL = '1 MB';
