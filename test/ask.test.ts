/** The `ask` command: JSON lines in, one JSON answer a line out, conversations kept apart. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { answerLine, parseLine, readableText } from '../src/cli/ask';

const root = join(__dirname, '..');

function askLines(lines: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'dist', 'src', 'cli', 'ask.js'), '--jsonl'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(`${lines.join('\n')}\n`);
  });
}

describe('ask command', () => {
  it('answers each line with one JSON object, in order, keeping conversations apart', async () => {
    const { code, stdout } = await askLines([
      'what does SOCODEVI do in Honduras',
      JSON.stringify({ text: '¿Qué proyectos tiene la CCA?', conversation: 'c1' }),
      JSON.stringify({ text: 'Honduras', conversation: 'c2', locale: 'fr-CA' }),
      JSON.stringify({ text: '¿Y el de Barbados?', conversation: 'c1' }),
      JSON.stringify({ text: 'est-ce qu’il y a une vidéo ?', conversation: 'c2' }),
    ]);
    expect(code).toBe(0);
    const answers = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(answers).toHaveLength(5);
    expect(answers[0]).toMatchObject({ question: 'what does SOCODEVI do in Honduras', language: 'en', intent: 'project', projects: ['honduras-forestry'], organizations: ['socodevi'], videos: ['https://vimeo.com/62608992'] });
    expect(answers[0]!.text).toEqual(expect.stringContaining('https://vimeo.com/62608992'));
    expect(answers[1]).toMatchObject({ language: 'es', intent: 'list', projects: ['peru-crop-diversification', 'barbados-cooperatives-department'] });
    expect(answers[2]).toMatchObject({ language: 'fr', projects: ['honduras-forestry'] });
    expect(answers[3]).toMatchObject({ language: 'es', projects: ['barbados-cooperatives-department'] });
    expect(answers[4]).toMatchObject({ language: 'fr', projects: ['honduras-forestry'], videos: ['https://vimeo.com/62608992'] });
  });

  it('reads plain text and JSON lines', () => {
    expect(parseLine('hello')).toEqual({ text: 'hello' });
    expect(parseLine('{"text":"hola","locale":"es-MX"}')).toEqual({ text: 'hola', locale: 'es-MX' });
    expect(parseLine('{not json')).toEqual({ text: '{not json' });
  });

  it('flattens cards into the text a user reads', () => {
    const text = readableText({
      text: 'Intro',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Title', wrap: true }], actions: [{ type: 'Action.OpenUrl', title: 'Video', url: 'https://vimeo.com/1' }] } }],
    });
    expect(text).toBe('Intro\nTitle\n[Video] https://vimeo.com/1');
    expect(answerLine({ text: 'q' }, [])).toMatchObject({ question: 'q', intent: 'fallback', projects: [] });
  });
});
