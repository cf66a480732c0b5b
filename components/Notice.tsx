import type { ComponentChildren } from 'preact';

export interface NoticeProps {
  kind?: 'info' | 'warn' | 'error';
  children: ComponentChildren;
  /** Buttons or links offered with the notice. */
  actions?: ComponentChildren;
  testId?: string;
}

/** A message in the flow of the panel, with optional actions. Errors are announced to screen readers. */
export function Notice({ kind = 'info', children, actions, testId }: NoticeProps) {
  return (
    <div class={`notice ${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <div>{children}</div>
      {actions && <div class="toolbar">{actions}</div>}
    </div>
  );
}
