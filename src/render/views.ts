import type { PageRef } from '../model/pages.js';
import type { PageLinks } from './layout.js';
import { codePage } from './pages/code.js';
import { familyPage } from './pages/family.js';
import { chooserPage, homePage, notFoundPage } from './pages/home.js';
import { pairPage } from './pages/pair.js';
import type { View, ViewInput } from './pages/support.js';

export type { View, ViewInput } from './pages/support.js';

export const VIEW_BUILDERS: Record<PageRef['kind'], (input: ViewInput, links: PageLinks) => View> = {
  chooser: chooserPage,
  notFound: notFoundPage,
  home: homePage,
  family: familyPage,
  code: codePage,
  pair: pairPage,
};

