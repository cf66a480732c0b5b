/**
 * A User Timing mark the panel's entry module sets when it starts, once the modules it imports are
 * fetched, compiled and run: the bench splits the panel's open at it.
 */
export const PANEL_CODE_MARK = 'paper-notes:panel-code';
