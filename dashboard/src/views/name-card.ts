// The display name others read (a coach reads "Maja", not an email): PUT /api/me/name.
import { api, type Me } from '../api.ts';
import { errorText, field, h } from '../dom.ts';

export function nameCard(me: Me): HTMLElement {
  const input = h('input', {
    type: 'text',
    name: 'displayName',
    maxlength: 80,
    value: me.name ?? '',
    autocomplete: 'name',
  });
  const status = h('p', { class: 'muted small', role: 'status', id: 'name-status' });
  const form = h(
    'form',
    { id: 'name-form' },
    field(
      'Display name',
      input,
      me.role === 'coach'
        ? 'Your athletes see it on invites and notes.'
        : 'Your coach reads it instead of your email.',
    ),
    h('button', { type: 'submit' }, 'Save name'),
    status,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const saved = await api.setName(input.value.trim() || null);
      status.textContent = saved.name ? `Saved: ${saved.name}.` : 'Name removed: your email shows.';
    } catch (err) {
      status.textContent = errorText(err);
    }
  });
  return h('section', { class: 'card', id: 'name-card' }, h('h2', {}, 'Your name'), form);
}
