import { h } from '../dom.ts';

/** The same page for "does not exist" and "not yours": access never leaks what exists. */
export function notFoundPage(): HTMLElement {
  return h(
    'section',
    { class: 'card', id: 'not-found' },
    h('h1', {}, 'Not found'),
    h('p', {}, 'This page does not exist, or your account has no access to it.'),
    h('p', {}, h('a', { href: '/' }, 'Back to your dashboard')),
  );
}
