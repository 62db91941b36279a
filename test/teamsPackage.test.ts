/** The Teams app package: a manifest valid against the Teams schema (v1.29), icons of the right sizes, the zip. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { APP_PACKAGE_DIR, buildPackage, fillManifest, idsFromEnvironment, manifestProblems } from '../src/cli/packageTeams';
import { readPng } from './support/png';
import { shippedUnderstander } from './support/understander';

const IDS = { botId: '11111111-2222-3333-4444-555555555555', teamsAppId: '66666666-7777-8888-9999-000000000000' };

describe('Teams app package', () => {
  it('has a manifest that the Teams v1.29 schema accepts, with the bot id filled in', () => {
    const manifest = fillManifest(IDS);
    expect(manifestProblems(manifest)).toEqual([]);
    expect(manifest).toMatchObject({ manifestVersion: '1.29', id: IDS.teamsAppId });
    const bots = manifest.bots as Array<{ botId: string; scopes: string[]; commandLists: Array<{ commands: unknown[] }> }>;
    expect(bots[0]!.botId).toBe(IDS.botId);
    expect(bots[0]!.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bots[0]!.commandLists[0]!.commands.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(manifest)).not.toContain('${{');
  });

  it('rejects a manifest the schema does not accept (the check can fail)', () => {
    const manifest = { ...fillManifest(IDS), accentColor: 'green', bots: [{ botId: IDS.botId, scopes: ['everywhere'] }] };
    expect(manifestProblems(manifest).length).toBeGreaterThan(0);
  });

  it('has a 192x192 colour icon and a 32x32 outline icon, white on transparent', () => {
    const color = readPng(readFileSync(join(APP_PACKAGE_DIR, 'color.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = readPng(readFileSync(join(APP_PACKAGE_DIR, 'outline.png')));
    expect([outline.width, outline.height, outline.colorType]).toEqual([32, 32, 6]);
    const pixels = outline.pixels!;
    let transparent = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const [r, g, b, a] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!, pixels[i + 3]!];
      if (a === 0) transparent++;
      else expect([r, g, b]).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan(0);
    expect(transparent).toBeLessThan(32 * 32);
  });

  it('builds the zip with the manifest, the icons and the translations', () => {
    const dir = mkdtempSync(join(tmpdir(), 'teams-'));
    try {
      const output = join(dir, 'app.zip');
      buildPackage(IDS, output);
      const zip = new AdmZip(output);
      expect(zip.getEntries().map((e) => e.entryName).sort()).toEqual(['color.png', 'es.json', 'fr.json', 'manifest.json', 'outline.png']);
      expect(JSON.parse(zip.readAsText('manifest.json'))).toMatchObject({ bots: [{ botId: IDS.botId }] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('offers commands the bot understands, in English and in each localization', () => {
    const { understander } = shippedUnderstander();
    const manifest = fillManifest(IDS) as { bots: Array<{ commandLists: Array<{ commands: Array<{ title: string }> }> }> };
    const english = manifest.bots[0]!.commandLists[0]!.commands.map((command) => command.title);
    const intents = english.map((title) => understander.understand(title, undefined, 'en-US').intent);
    expect(intents).toEqual(['help', 'list', 'organization', 'overview']);
    for (const language of ['fr', 'es'] as const) {
      const strings = JSON.parse(readFileSync(join(APP_PACKAGE_DIR, `${language}.json`), 'utf8')) as Record<string, string>;
      english.forEach((_, i) => {
        const title = strings[`bots[0].commandLists[0].commands[${i}].title`];
        expect(title).toBeDefined();
        const understanding = understander.understand(title!, undefined, language);
        expect([title, understanding.intent, understanding.language]).toEqual([title, intents[i], language]);
      });
      expect(strings['composeExtensions[0].commands[0].title']).toBeDefined();
    }
  });

  it('takes the bot id from the environment and refuses a missing or malformed one', () => {
    expect(idsFromEnvironment({ MicrosoftAppId: IDS.botId })).toEqual({ botId: IDS.botId, teamsAppId: IDS.botId });
    expect(typeof idsFromEnvironment({})).toBe('string');
    expect(idsFromEnvironment({ MicrosoftAppId: 'not-a-guid' })).toMatch(/not a GUID/);
  });
});
