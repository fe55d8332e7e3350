import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LABELS_FILE, STYLE_FILE, buildLabels, buildStyle } from './build-style';
import { PUBLIC_GEO } from './io';

const read = (f: string) => JSON.parse(fs.readFileSync(f, 'utf8'));

describe('build-style', () => {
  it('the committed style.json and labels.geojson are what the build script produces', () => {
    expect(read(STYLE_FILE)).toEqual(JSON.parse(JSON.stringify(buildStyle())));
    const labels = buildLabels(read(path.join(PUBLIC_GEO, 'districts.geojson')), read(path.join(PUBLIC_GEO, 'water.geojson')));
    expect(read(LABELS_FILE).features).toEqual(JSON.parse(JSON.stringify(labels.features)));
  });
});
