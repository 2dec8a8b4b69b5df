// jsdom has no DragEvent, which @lumino/dragdrop (loaded by @lumino/widgets) subclasses at import.
if (typeof globalThis.DragEvent === 'undefined') {
  (globalThis as { DragEvent?: unknown }).DragEvent = class DragEvent extends MouseEvent {};
}
