/**
 * Which frame acts on the keyboard command. tabs.sendMessage reaches every
 * frame of the tab, and each frame runs its own card controller; only one
 * may move the focus.
 *
 * Contract: `ownsKeyboardCommand(win)` is true in the frame that holds the
 * keyboard focus itself (not merely one of its child frames), and in the top
 * frame when no frame of the tab has focus (e.g. the window is in the
 * background). At most one frame of a tab returns true at a time. Reading
 * another origin's frame is never needed; never throws.
 */
export function ownsKeyboardCommand(win: Window): boolean {
  const doc = win.document;
  const focusInChildFrame = (el: Element | null) => el?.localName === 'iframe' || el?.localName === 'frame';
  if (win === win.top) return !doc.hasFocus() || !focusInChildFrame(doc.activeElement);
  return doc.hasFocus() && !focusInChildFrame(doc.activeElement);
}
