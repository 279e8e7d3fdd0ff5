import type { ChangeEvent, ClipboardEvent, KeyboardEvent, ReactNode, Ref } from 'react';
import './forms.css';
import { Icon } from './Icon.js';

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  /** Shown under the field in red, and tied to it with aria-describedby. */
  error?: string | undefined;
  /** Amber notes the officer should check (e.g. an ID whose digits disagree with the birth year). */
  warnings?: readonly string[] | undefined;
  hint?: ReactNode;
  required?: boolean | undefined;
  className?: string | undefined;
  children: ReactNode;
}

/** What aria-describedby should list for a field with these messages. */
export function describedBy(id: string, parts: { error?: string | undefined; warnings?: readonly string[] | undefined; hint?: ReactNode }): string | undefined {
  const ids = [parts.hint ? `${id}-hint` : null, parts.warnings?.length ? `${id}-warnings` : null, parts.error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** Label, control and the messages about it, in one column: the message sits next to its cause. */
export function FieldFrame({ id, label, error, warnings, hint, required, className, children }: FieldFrameProps) {
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      {/* The asterisk is drawn by CSS: the label's text stays the field's plain name; aria-required tells the rest. */}
      <label className={required ? 'field__label field__label--required' : 'field__label'} htmlFor={id}>
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {warnings && warnings.length > 0 && (
        <ul id={`${id}-warnings`} className="field__warnings">
          {warnings.map((warning) => (
            <li key={warning}>
              <Icon name="warning" /> 
              {warning}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          <Icon name="cross" /> 
          {error}
        </p>
      )}
    </div>
  );
}

interface TextFieldProps extends Omit<FieldFrameProps, 'children'> {
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'password' | 'email' | 'tel' | 'number' | 'search';
  inputRef?: Ref<HTMLInputElement>;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  placeholder?: string;
  maxLength?: number;
  min?: string | number;
  max?: string | number;
  disabled?: boolean;
  autoFocus?: boolean;
  onKeyDown?(event: KeyboardEvent<HTMLInputElement>): void;
  onPaste?(event: ClipboardEvent<HTMLInputElement>): void;
  onBlur?(): void;
  testId?: string;
  inputClassName?: string;
}

export function TextField({
  id,
  label,
  value,
  onChange,
  type = 'text',
  error,
  warnings,
  hint,
  required,
  className,
  inputRef,
  autoComplete,
  inputMode,
  placeholder,
  maxLength,
  min,
  max,
  disabled,
  autoFocus,
  onKeyDown,
  onPaste,
  onBlur,
  testId,
  inputClassName,
}: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} error={error} warnings={warnings} hint={hint} required={required} className={className}>
      <input
        id={id}
        ref={inputRef}
        className={['field__input', inputClassName ?? ''].filter(Boolean).join(' ')}
        type={type}
        value={value}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onBlur={onBlur}
        autoComplete={autoComplete ?? 'off'}
        inputMode={inputMode}
        placeholder={placeholder}
        maxLength={maxLength}
        min={min}
        max={max}
        disabled={disabled}
        // Focus placement is the point of a keyboard-first screen: the officer types next here.
        autoFocus={autoFocus}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { error, warnings, hint })}
        data-testid={testId}
      />
    </FieldFrame>
  );
}

interface TextAreaFieldProps extends Omit<FieldFrameProps, 'children'> {
  value: string;
  onChange(value: string): void;
  rows?: number;
  maxLength?: number;
  textAreaRef?: Ref<HTMLTextAreaElement>;
  autoFocus?: boolean;
}

export function TextAreaField({ id, label, value, onChange, error, warnings, hint, required, className, rows, maxLength, textAreaRef, autoFocus }: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} error={error} warnings={warnings} hint={hint} required={required} className={className}>
      <textarea
        id={id}
        ref={textAreaRef}
        className="field__input field__textarea"
        value={value}
        rows={rows ?? 3}
        maxLength={maxLength}
        onChange={(event) => onChange(event.target.value)}
        autoFocus={autoFocus}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { error, warnings, hint })}
      />
    </FieldFrame>
  );
}

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

interface SelectFieldProps<V extends string> extends Omit<FieldFrameProps, 'children'> {
  value: V;
  // The value decides V; the handler and options must fit it (not widen it to string).
  onChange(value: NoInfer<V>): void;
  options: readonly SelectOption<NoInfer<V>>[];
  selectRef?: Ref<HTMLSelectElement>;
}

export function SelectField<V extends string>({ id, label, value, onChange, options, error, hint, required, className, selectRef }: SelectFieldProps<V>) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} required={required} className={className}>
      <select
        id={id}
        ref={selectRef}
        className="field__input field__select"
        value={value}
        onChange={(event) => onChange(event.target.value as V)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { error, hint })}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
