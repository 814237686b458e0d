/**
 * Whatever a content file holds, the model answers with located issues:
 * never a throw, never a stack trace, never a hang.
 */
import { mkdtempSync, rmSync, writeFileSync, cpSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../../src/lib/content-files.ts';
import { buildContract, formatIssues } from '../../../src/lib/model/index.ts';
import { FIXTURES, fixtureFiles, textFile, withFiles } from '../../helpers/fixtures.ts';

const report = (...files: ReturnType<typeof textFile>[]) => formatIssues(buildContract(withFiles(fixtureFiles('minimal'), ...files)).issues.filter((i) => i.severity === 'error'));

describe('hostile content', () => {
  it('binary garbage', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(report(textFile('cahier-2/fiches/accompagner-jeunes.md', bytes))).toBe(
      'cahier-2/fiches/accompagner-jeunes.md:1:1  erreur : fichier illisible : ce n’est pas du texte encodé en UTF-8 [fichier-illisible]\n    ↳ enregistrez le fichier en UTF-8 depuis votre éditeur (VS Code : « Enregistrer avec l’encodage »)',
    );
  });

  it('NUL bytes in valid UTF-8', () => {
    expect(report(textFile('contrat.yaml', 'titre: a\u0000b\n'))).toContain('contrat.yaml:1:1  erreur : fichier binaire : il contient des octets nuls [fichier-illisible]');
  });

  it('an empty file and a blank front matter', () => {
    expect(report(textFile('contrat.yaml', ''), textFile('cahier-2/fiches/accompagner-jeunes.md', '---\n---\nTexte\n'))).toBe(
      [
        'cahier-2/fiches/accompagner-jeunes.md:2:1  erreur : en-tête YAML vide [fichier-vide]',
        'contrat.yaml:1:1  erreur : fichier vide [fichier-vide]\n    ↳ voir le modèle correspondant dans templates/ ou le guide de rédaction',
      ].join('\n'),
    );
  });

  it('a 50 MB file is not read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cahiers-big-'));
    try {
      cpSync(join(FIXTURES, 'minimal'), dir, { recursive: true });
      writeFileSync(join(dir, 'cahier-1/indicateurs/enorme.yaml'), Buffer.alloc(50 * 1024 * 1024, 'a: 1\n'));
      const files = readContentFiles(dir);
      expect(files.find((f) => f.path.endsWith('enorme.yaml'))?.bytes).toBeUndefined();
      expect(formatIssues(buildContract(files).issues)).toContain('cahier-1/indicateurs/enorme.yaml:1:1  erreur : fichier trop volumineux (50,0 Mo) ; limite : 2,0 Mo [fichier-illisible]');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('deeply nested YAML', () => {
    const deep = `titre: x\nvaleurs: ${'['.repeat(20000)}${']'.repeat(20000)}\n`;
    const out = report(textFile('cahier-1/indicateurs/chomage.yaml', deep));
    expect(out).toMatch(/^cahier-1\/indicateurs\/chomage\.yaml:\d+:\d+ {2}/);
  });

  it('a YAML anchor bomb', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    expect(report(textFile('cahier-1/indicateurs/chomage.yaml', lines.join('\n')))).toBe(
      'cahier-1/indicateurs/chomage.yaml:1:1  erreur : trop d’alias YAML (« *ancre ») : le fichier se démultiplie à la lecture [yaml-alias]\n    ↳ écrivez les valeurs en clair plutôt que par des alias',
    );
  });

  it('deeply nested Markdown', () => {
    const body = `---\ntitre: D\nordre: 1\n---\n${'> '.repeat(20)}citation\n\n${'> '.repeat(50000)}texte\n\n${'- '.repeat(3000)}x\n`;
    expect(report(textFile('cahier-1/chapitres/diagnostic.md', body))).toBe(
      'cahier-1/chapitres/diagnostic.md:7:1  erreur : imbrication trop profonde (plus de 64 citations ou listes imbriquées) [markdown-profond]',
    );
  });

  it('a symlink out of the contract folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cahiers-link-'));
    try {
      cpSync(join(FIXTURES, 'minimal'), dir, { recursive: true });
      symlinkSync('/etc/passwd', join(dir, 'medias/passwd.geojson'));
      expect(formatIssues(buildContract(readContentFiles(dir)).issues)).toBe(
        'medias/passwd.geojson:1:1  erreur : lien symbolique vers un fichier hors du dossier du contrat [lien-symbolique]\n    ↳ copiez le fichier dans le dossier du contrat',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('CRLF line ends and a byte-order mark keep positions right', () => {
    const text = '\uFEFF---\r\ntitre: Accompagner\r\nobjectifs: [accompagner]\r\nquartiers: [centre]\r\nporteur: X\r\nbudjet: 3\r\nindicateurs: [{libelle: a}]\r\n---\r\nTexte\r\n';
    expect(report(textFile('cahier-2/fiches/accompagner-jeunes.md', text))).toBe(
      'cahier-2/fiches/accompagner-jeunes.md:6:1  budjet  erreur : clé inconnue « budjet » [cle-inconnue]\n    ↳ vouliez-vous écrire « budget » ?',
    );
  });
});
