/**
 * Labelled form controls for the editor forms. Each control names the problem fields it
 * answers for, shows their messages next to it, and points at them with aria-describedby.
 */
import type { FieldProblem } from '../../core/errors.ts';
import { FieldProblems, fieldId, hasProblem } from './shell.tsx';

interface FieldProps {
  label: string;
  name: string;
  /** Problem fields this control answers for; the first also gives the element id. */
  fields: readonly string[];
  problems: readonly FieldProblem[];
  hint?: string;
}

function describe(props: FieldProps) {
  const id = fieldId(props.fields[0] ?? props.name);
  const problemId = `${id}-problem`;
  const hintId = `${id}-hint`;
  const invalid = hasProblem(props.problems, props.fields);
  const describedBy = [props.hint ? hintId : '', invalid ? problemId : ''].filter(Boolean).join(' ') || undefined;
  const head = (
    <>
      <label for={id}>
        {props.label}
        {props.hint ? (
          <span class="hint" id={hintId}>
            {props.hint}
          </span>
        ) : null}
      </label>
      <FieldProblems problems={props.problems} fields={props.fields} id={problemId} />
    </>
  );
  return { id, invalid, describedBy, head };
}

export function TextInput(
  props: FieldProps & {
    value: string;
    type?: 'text' | 'number' | 'date' | 'time' | 'url';
    required?: boolean;
    maxlength?: number;
    step?: string;
    min?: string;
    inputmode?: 'decimal' | 'numeric';
    autocomplete?: string;
  },
) {
  const d = describe(props);
  return (
    <p class="field">
      {d.head}
      <input
        type={props.type ?? 'text'}
        id={d.id}
        name={props.name}
        value={props.value}
        required={props.required}
        maxlength={props.maxlength}
        step={props.step}
        min={props.min}
        inputmode={props.inputmode}
        autocomplete={props.autocomplete ?? 'off'}
        aria-invalid={d.invalid ? 'true' : undefined}
        aria-describedby={d.describedBy}
      />
    </p>
  );
}

export function TextArea(props: FieldProps & { value: string; maxlength?: number; rows?: number; required?: boolean }) {
  const d = describe(props);
  return (
    <p class="field">
      {d.head}
      <textarea
        id={d.id}
        name={props.name}
        rows={props.rows ?? 3}
        maxlength={props.maxlength}
        required={props.required}
        aria-invalid={d.invalid ? 'true' : undefined}
        aria-describedby={d.describedBy}
      >
        {props.value}
      </textarea>
    </p>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function Select(
  props: FieldProps & { value: string; options?: readonly Option[]; groups?: ReadonlyArray<{ label: string; options: readonly Option[] }> },
) {
  const d = describe(props);
  const option = (o: Option) => (
    <option value={o.value} selected={o.value === props.value}>
      {o.label}
    </option>
  );
  return (
    <p class="field">
      {d.head}
      <select id={d.id} name={props.name} aria-invalid={d.invalid ? 'true' : undefined} aria-describedby={d.describedBy}>
        {(props.options ?? []).map(option)}
        {(props.groups ?? []).map((g) => (
          <optgroup label={g.label}>{g.options.map(option)}</optgroup>
        ))}
      </select>
    </p>
  );
}

export function Checkbox(props: FieldProps & { checked: boolean }) {
  const d = describe(props);
  return (
    <p class="field check">
      <FieldProblems problems={props.problems} fields={props.fields} id={`${d.id}-problem`} />
      <input type="checkbox" id={d.id} name={props.name} value="1" checked={props.checked} aria-describedby={d.describedBy} />{' '}
      <label for={d.id}>
        {props.label}
        {props.hint ? (
          <span class="hint" id={`${d.id}-hint`}>
            {props.hint}
          </span>
        ) : null}
      </label>
    </p>
  );
}
