import { Component, type ErrorInfo, type ReactNode } from 'react';
import { boundCrashInput, type CrashReportInput } from '../../shared/contract/crash-report.js';
import './screen-error.css';

// One screen's safety net: a render error in it shows a Vietnamese recovery screen instead of a blank
// window, and the rest of the app (navigation, header, the other screens) keeps working. What the officer
// typed is not in the failed screen's components but in its store (the intake draft, also kept in the
// desk's storage as it is typed), so "Thử lại" rebuilds the screen on the same data.

interface ScreenErrorBoundaryProps {
  /** The screen's name (the route): the report says where, and moving to another screen clears the error. */
  screen: string;
  /** Queues the crash report (app.recordCrash); never throws. */
  onCrash(report: CrashReportInput): void;
  /** Leaves for the work list. */
  onLeave(): void;
  children: ReactNode;
}

interface ScreenErrorBoundaryState {
  failed: boolean;
}

export class ScreenErrorBoundary extends Component<ScreenErrorBoundaryProps, ScreenErrorBoundaryState> {
  override state: ScreenErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): ScreenErrorBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The core redacts the texts; only the error and the component path go, never props or state.
    this.props.onCrash(boundCrashInput({ kind: 'render_error', where: this.props.screen, message: `${error.name}: ${error.message}`, stack: `${error.stack ?? ''}\n${info.componentStack ?? ''}` }));
  }

  override componentDidUpdate(previous: ScreenErrorBoundaryProps): void {
    if (this.state.failed && previous.screen !== this.props.screen) this.setState({ failed: false });
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <section className="screen-error" role="alert" aria-labelledby="screen-error-title" data-testid="screen-error">
        <h1 id="screen-error-title">Màn hình này gặp lỗi</h1>
        <p>
          Ứng dụng đã ghi lại lỗi để gửi bộ phận hỗ trợ. Những gì bạn đã nhập vẫn được giữ: hồ sơ đang tiếp nhận dở được lưu trên máy và sẽ hiện lại khi mở
          lại màn hình.
        </p>
        <div className="screen-error__actions">
          <button type="button" className="button button--primary" onClick={() => this.setState({ failed: false })}>
            Thử lại
          </button>
          <button type="button" className="button button--secondary" onClick={() => this.props.onLeave()}>
            Về danh sách hồ sơ
          </button>
        </div>
      </section>
    );
  }
}
