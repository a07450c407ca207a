import { describe, expect, it } from 'vitest';
import { isBreadcrumb, isCaptionLine, isHeaderFurniture, isTailMarker, isWidgetLine } from '../../src/parse/boilerplate.ts';

describe('boilerplate', () => {
  it('breadcrumbs', () => {
    expect(isBreadcrumb('Home / World / Asia')).toBe(true);
    expect(isBreadcrumb('News › Business › Markets')).toBe(true);
    expect(isBreadcrumb('Farmers / traders protest new tax')).toBe(false);
  });
  it('credit and "Updated:" header lines', () => {
    expect(isHeaderFurniture('Xinhua | Updated: 2014-05-06 09:30')).toBe(true);
    expect(isHeaderFurniture('Updated: 2014-05-06')).toBe(true);
    expect(isHeaderFurniture('Tuesday, 6 May 2014')).toBe(true);
    expect(isHeaderFurniture('Posted on May 6, 2014 by the desk')).toBe(true);
    expect(isHeaderFurniture('Posted prices rose')).toBe(false);
    expect(isHeaderFurniture('Harbour city opens new container terminal')).toBe(false);
  });
  it('tail markers open the teaser block', () => {
    for (const l of ['Check Also', 'You might also like', 'Most Viewed in 24 Hours', 'Related Articles', 'Leave a Reply']) expect(isTailMarker(l)).toBe(true);
    expect(isTailMarker('Check also the new timetable before you travel.')).toBe(false);
  });
  it('share/comment widgets and source lines', () => {
    for (const l of ['Share', 'Tweet', 'Your email address will not be published. Required fields are marked *', 'Source: local council']) {
      expect(isWidgetLine(l)).toBe(true);
    }
    expect(isWidgetLine('Sources said the deal was close.')).toBe(false);
  });
  it('captions', () => {
    expect(isCaptionLine('Representational file photo.')).toBe(true);
    expect(isCaptionLine('Photo: city council')).toBe(true);
    expect(isCaptionLine('Photography exhibition opens in the old town')).toBe(false);
  });
});
