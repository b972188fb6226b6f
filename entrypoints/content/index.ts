/**
 * The content script: runs in every http(s) page and frame once it is idle, finds claim
 * mentions and highlights them (detection.ts), and exposes them as PageMentions to the
 * hover card. Contract: makes no network request; never throws into the page.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startCardController } from './card';
import { startDetection } from './detection';
import { MentionStore } from './page-mentions';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const mentions = new MentionStore();
    startDetection(ctx, mentions);
    startCardController(ctx, mentions);
  },
});
