/**
 * Whether the element being focused was reached with the keyboard (Tab) or the pointer. The code
 * editor takes Tab as a key when clicked into (for indentation), and lets Tab move on when it was
 * reached by Tab, so keyboard users are never trapped in it.
 */
let lastWasTab = false;
let listening = false;

export function listenForKeyboardArrival(): void {
  if (listening) return;
  listening = true;
  window.addEventListener('keydown', (e) => (lastWasTab = e.key === 'Tab'), true);
  window.addEventListener('pointerdown', () => (lastWasTab = false), true);
}

export function arrivedByKeyboard(): boolean {
  return lastWasTab;
}
