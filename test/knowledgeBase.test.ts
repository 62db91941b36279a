import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KnowledgeBaseError } from '../src/knowledge/knowledgeBase';
import { DEFAULT_DATA_DIR, loadKnowledgeBase } from '../src/knowledge/load';
import { LANGUAGES } from '../src/knowledge/schema';

/** A copy of data/ to break in a test. */
function copyOfData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-'));
  cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
  return dir;
}

function loadError(dir: string): KnowledgeBaseError {
  try {
    loadKnowledgeBase(dir);
  } catch (error) {
    if (error instanceof KnowledgeBaseError) return error;
    throw error;
  }
  throw new Error('the knowledge base loaded although it is broken');
}

describe('knowledge base', () => {
  const kb = loadKnowledgeBase();

  it('holds the ids of the answer contract', () => {
    expect(kb.organizations.map((o) => o.id).sort()).toEqual(['cca', 'did', 'socodevi']);
    expect(kb.projects.map((p) => p.id).sort()).toEqual(
      [
        'barbados-cooperatives-department',
        'bolivia-partnership-program',
        'bolivia-spice-value-chain',
        'honduras-forestry',
        'panama-financial-centre',
        'panseh',
        'pasac',
        'peru-crop-diversification',
        'prosol',
      ].sort(),
    );
    expect(kb.sectors.map((s) => s.id).sort()).toEqual(['agriculture', 'cooperatives', 'forestry', 'small-business']);
    expect(kb.project('pasac')).toMatchObject({ country: 'co', lead: 'did', sector: 'agriculture' });
    expect(kb.project('honduras-forestry')?.videos.map((v) => v.url)).toEqual(['https://vimeo.com/62608992']);
    expect(kb.project('bolivia-partnership-program')?.videos).toEqual([
      { url: 'https://vimeo.com/125685176', language: 'fr' },
      { url: 'https://vimeo.com/121147662', language: 'en' },
    ]);
  });

  it('has every text a user reads in the three languages, and different per language', () => {
    for (const project of kb.projects) {
      for (const language of LANGUAGES) expect(project.summary[language].length).toBeGreaterThan(20);
      expect(project.summary.fr).not.toBe(project.summary.en);
      expect(project.summary.es).not.toBe(project.summary.en);
    }
  });

  it('never copies a sentence of the source document', () => {
    // The fixture holds hashes of every run of 8 words of the source; a text sharing one pasted it.
    const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'source-shingles.json'), 'utf8')) as { words: number; hashes: string[] };
    const hashes = new Set(fixture.hashes);
    const hash = (words: string[]) => createHash('sha1').update(words.join(' ')).digest('hex').slice(0, 16);
    const texts = [
      ...kb.projects.flatMap((p) => [p.summary.en, ...p.facts.map((f) => f.en)]),
      ...kb.organizations.flatMap((o) => [o.profile.en, ...o.facts.map((f) => f.en)]),
      kb.overview.summary.en,
      ...kb.overview.facts.map((f) => f.en),
    ];
    // Official names (partners, organizations, titles) may be quoted as they are.
    const flatten = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const names = [
      ...kb.partners.flatMap((p) => [p.name.en, ...p.aliases]),
      ...kb.organizations.flatMap((o) => [o.name.en, ...o.aliases]),
      ...kb.projects.map((p) => p.title.en),
    ].map(flatten);
    const pasted: string[] = [];
    for (const text of texts) {
      const words = names.reduce((rest, name) => rest.split(name).join(' '), flatten(text)).trim().split(/\s+/);
      for (let i = 0; i + fixture.words <= words.length; i++) {
        if (hashes.has(hash(words.slice(i, i + fixture.words)))) pasted.push(words.slice(i, i + fixture.words).join(' '));
      }
    }
    expect(pasted).toEqual([]);
  });

  it('indexes projects by lead, country, region, sector and partner', () => {
    expect(kb.projectsBy('lead', 'cca').map((p) => p.id).sort()).toEqual(['barbados-cooperatives-department', 'peru-crop-diversification']);
    expect(kb.projectsBy('country', 'bo')).toHaveLength(2);
    expect(kb.projectsBy('region', 'caribbean').map((p) => p.country).sort()).toEqual(['bb', 'ht']);
    expect(kb.projectsBy('partner', 'norandino').map((p) => p.id)).toEqual(['peru-crop-diversification']);
  });

  describe('a broken edit stops the load with the file, the item and the field named', () => {
    let dir: string;
    beforeEach(() => (dir = copyOfData()));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('a missing translation', () => {
      const file = join(dir, 'projects', 'prosol.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^(summary:\n(?:.*\n)*?)  es: .*\n(?:    .*\n)*/m, '$1'));
      const error = loadError(dir);
      expect(error.message).toMatch(/projects[/\\]prosol\.yaml: item "prosol", field "summary\.es"/);
    });

    it('a reference to an unknown organization', () => {
      const file = join(dir, 'projects', 'pasac.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('lead: did', 'lead: desjardins'));
      expect(loadError(dir).message).toMatch(/item "pasac", field "lead": "desjardins" is not a known organization id/);
    });

    it('a wrong type in a list item names the item by its id', () => {
      const file = join(dir, 'organizations.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('activeInLatinAmericaSince: 1974', 'activeInLatinAmericaSince: "since 1974"'));
      expect(loadError(dir).message).toMatch(/organizations\.yaml: item "did", field "activeInLatinAmericaSince"/);
    });

    it('a file that is not YAML', () => {
      writeFileSync(join(dir, 'sectors.yaml'), 'sectors: [unclosed');
      expect(loadError(dir).message).toMatch(/sectors\.yaml: item "-", field "-": is not valid YAML/);
    });

    it('an unknown field (a typo in a field name)', () => {
      const file = join(dir, 'projects', 'panseh.yaml');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\nsumary: { en: x, fr: x, es: x }\n`);
      expect(loadError(dir).message).toMatch(/panseh\.yaml: item "panseh".*sumary/);
    });
  });
});
