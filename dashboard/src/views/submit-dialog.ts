// Saving a log dialog: disable the button while the request runs, close and reset on success and
// tell the caller, or show the server's message in the dialog and keep what was typed.
import { errorText } from '../dom.ts';

export async function submitDialog(
  parts: {
    dialog: HTMLDialogElement;
    form: HTMLFormElement;
    submit: HTMLButtonElement;
    error: HTMLElement;
  },
  post: () => Promise<unknown>,
  onSaved: () => Promise<void> | void,
): Promise<void> {
  parts.submit.disabled = true;
  try {
    await post();
    parts.dialog.close();
    parts.form.reset();
    await onSaved();
  } catch (err) {
    parts.error.textContent = errorText(err);
  } finally {
    parts.submit.disabled = false;
  }
}
