/** A User Timing mark the panel sets when its code starts: what comes before it is the browser's. */
export const PANEL_CODE_MARK = 'paper-notes:panel-code';
