import { createContext } from 'preact';

/**
 * True where notes can be read but not written: a Firefox private window, whose extension pages
 * have no database (the panel shows what the tab's state kept, and says why). Views leave out what
 * would change a note rather than offer controls that can only fail.
 */
export const ReadOnly = createContext(false);
