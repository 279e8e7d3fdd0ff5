import type { CommandErrorData } from '../../shared/contract/errors.js';
import { ERROR_TITLES } from './error-titles.js';
import './error-notice.css';

interface ErrorNoticeProps {
  error: CommandErrorData;
  /** What the officer was doing, when the notice is not already inside the panel that failed. */
  context?: string;
  /** Offers a retry next to the message, so recovery is one key press away. */
  onRetry?: () => void;
  /** A title for this screen's reading of the code, e.g. a refused sign-in rather than "no access". */
  title?: string;
}

/** Shows a failed command next to its cause: a title from the error code, then the detail. */
export function ErrorNotice({ error, context, onRetry, title }: ErrorNoticeProps) {
  return (
    <div className="error-notice" role="alert">
      <div>
        <p className="error-notice__title">{title ?? ERROR_TITLES[error.code]}</p>
        <p className="error-notice__message">{context ? `${context} ${error.message}` : error.message}</p>
      </div>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Thử lại
        </button>
      )}
    </div>
  );
}
