/**
 * A large knowledge base for the scaling benchmark: the real organizations, partners, countries,
 * regions, sectors and overview, the 9 real projects (so that the dev questions still have their
 * answers) and N generated projects in en/fr/es. It is deterministic from a seed, so two runs
 * time the same data and a change in the figures is a change in the code.
 *
 * The generated folder is written as YAML and read back with loadKnowledgeBase: the build time
 * of 5,000 projects then includes parsing and validating them, as a real folder of that size would.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import type { KnowledgeBaseParts } from '../src/knowledge/knowledgeBase';
import { DEFAULT_DATA_DIR } from '../src/knowledge/load';
import { LANGUAGES, projectSchema, type Language, type LocalizedText, type LocalizedWords, type Project } from '../src/knowledge/schema';

export type Random = () => number;

/** mulberry32: tiny, fast and good enough to vary test data; Math.random cannot be seeded. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
const chance = (random: Random, probability: number): boolean => random() < probability;

/** A word or phrase in the three languages, lower case (titles capitalize it). */
type Word = LocalizedText & { readonly id: string };

const w = (id: string, en: string, fr: string, es: string): Word => ({ id, en, fr, es });

/** What the cooperatives produce or provide; the id (English, ASCII) goes into project ids. */
const PRODUCTS: readonly Word[] = [
  w('coffee', 'coffee', 'café', 'café'),
  w('cocoa', 'cocoa', 'cacao', 'cacao'),
  w('honey', 'honey', 'miel', 'miel'),
  w('quinoa', 'quinoa', 'quinoa', 'quinua'),
  w('maize', 'maize', 'maïs', 'maíz'),
  w('beans', 'beans', 'haricots', 'frijoles'),
  w('rice', 'rice', 'riz', 'arroz'),
  w('bananas', 'bananas', 'bananes', 'bananos'),
  w('dairy', 'dairy products', 'produits laitiers', 'productos lácteos'),
  w('fish', 'fish', 'poisson', 'pescado'),
  w('vegetables', 'vegetables', 'légumes', 'hortalizas'),
  w('cotton', 'cotton', 'coton', 'algodón'),
  w('sugar-cane', 'sugar cane', 'canne à sucre', 'caña de azúcar'),
  w('handicrafts', 'handicrafts', 'artisanat', 'artesanías'),
  w('tourism', 'community tourism', 'tourisme communautaire', 'turismo comunitario'),
  w('savings', 'savings', 'épargne', 'ahorro'),
  w('credit', 'rural credit', 'crédit rural', 'crédito rural'),
  w('insurance', 'insurance', 'assurance', 'seguros'),
  w('housing', 'housing', 'logement', 'vivienda'),
  w('water', 'drinking water', 'eau potable', 'agua potable'),
  w('energy', 'renewable energy', 'énergie renouvelable', 'energía renovable'),
  w('cashew', 'cashew nuts', 'noix de cajou', 'marañón'),
  w('palm', 'palm oil', 'huile de palme', 'aceite de palma'),
  w('alpaca', 'alpaca fibre', "fibre d'alpaga", 'fibra de alpaca'),
];

/** Adjectives for cooperatives: French and Spanish forms are feminine plural to agree with them. */
const ADJECTIVES: readonly Word[] = [
  w('sustainable', 'sustainable', 'durables', 'sostenibles'),
  w('inclusive', 'inclusive', 'inclusives', 'inclusivas'),
  w('resilient', 'resilient', 'résilientes', 'resilientes'),
  w('competitive', 'competitive', 'compétitives', 'competitivas'),
  w('modern', 'modern', 'modernes', 'modernas'),
  w('green', 'green', 'vertes', 'verdes'),
  w('women-led', 'women-led', 'dirigées par des femmes', 'lideradas por mujeres'),
  w('youth', 'youth-run', 'gérées par des jeunes', 'gestionadas por jóvenes'),
];

const SERVICES: readonly Word[] = [
  w('finance', 'financial services', 'services financiers', 'servicios financieros'),
  w('training', 'technical training', 'formation technique', 'capacitación técnica'),
  w('markets', 'market access', 'accès aux marchés', 'acceso a mercados'),
  w('microcredit', 'microcredit', 'microcrédit', 'microcrédito'),
  w('advice', 'management advice', 'conseil en gestion', 'asesoría en gestión'),
  w('certification', 'fair trade certification', 'certification équitable', 'certificación de comercio justo'),
];

const GROUPS: readonly Word[] = [
  w('women', 'rural women', 'femmes rurales', 'mujeres rurales'),
  w('youth', 'young entrepreneurs', 'jeunes entrepreneurs', 'jóvenes emprendedores'),
  w('smallholders', 'smallholder farmers', 'petits producteurs', 'pequeños productores'),
  w('fishers', 'fishing communities', 'communautés de pêcheurs', 'comunidades pesqueras'),
  w('indigenous', 'indigenous communities', 'communautés autochtones', 'comunidades indígenas'),
  w('artisans', 'artisans', 'artisans', 'artesanos'),
];

const TOPICS: readonly Word[] = [
  w('governance', 'governance', 'gouvernance', 'gobernanza'),
  w('accounting', 'accounting', 'comptabilité', 'contabilidad'),
  w('climate', 'climate adaptation', 'adaptation aux changements climatiques', 'adaptación al cambio climático'),
  w('gender', 'gender equality', 'égalité entre les genres', 'igualdad de género'),
  w('marketing', 'marketing', 'mise en marché', 'comercialización'),
  w('food-safety', 'food safety', 'salubrité des aliments', 'inocuidad alimentaria'),
  w('digital', 'digital tools', 'outils numériques', 'herramientas digitales'),
  w('quality', 'quality control', 'contrôle de la qualité', 'control de calidad'),
];

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "de café", "d'épargne": French elides de before a vowel; Spanish never does. */
const frOf = (noun: string): string => (/^[aeiouyàâéèêëîïôöûü]/i.test(noun) ? `d'${noun}` : `de ${noun}`);

/** Builds one text in the three languages from a template per language. */
const trio = (make: (language: Language) => string): LocalizedText => ({ en: make('en'), fr: make('fr'), es: make('es') });

interface Draw {
  readonly product: Word;
  readonly product2: Word;
  readonly adjective: Word;
  readonly service: Word;
  readonly group: Word;
  readonly topic: Word;
  readonly country: LocalizedText;
  readonly lead: string;
  readonly phase: number;
}

const TITLES: ReadonlyArray<(d: Draw) => LocalizedText> = [
  (d) => ({
    en: `${capitalize(d.adjective.en)} ${d.product.en} cooperatives`,
    fr: `Coopératives ${frOf(d.product.fr)} ${d.adjective.fr}`,
    es: `Cooperativas de ${d.product.es} ${d.adjective.es}`,
  }),
  (d) => ({
    en: `${capitalize(d.product.en)} value chain program`,
    fr: `Programme de chaîne de valeur ${frOf(d.product.fr)}`,
    es: `Programa de cadena de valor de ${d.product.es}`,
  }),
  (d) => ({
    en: `Strengthening ${d.product.en} producers' organizations`,
    fr: `Renforcement des organisations de producteurs ${frOf(d.product.fr)}`,
    es: `Fortalecimiento de las organizaciones de productores de ${d.product.es}`,
  }),
  (d) => ({
    en: `${capitalize(d.service.en)} for ${d.group.en}`,
    fr: `${capitalize(d.service.fr)} pour les ${d.group.fr}`,
    es: `${capitalize(d.service.es)} para ${d.group.es}`,
  }),
];

/** Titles end with the country and a phase, as real titles often name the place. */
function title(d: Draw, template: (d: Draw) => LocalizedText): LocalizedText {
  const base = template(d);
  return trio((language) => `${base[language]} – ${d.country[language]} (${language === 'es' ? 'fase' : 'phase'} ${d.phase})`);
}

function summary(d: Draw, leadAcronym: string): LocalizedText {
  return {
    en: `${leadAcronym} works with ${d.group.en} in ${d.country.en} to build ${d.adjective.en} ${d.product.en} cooperatives through ${d.service.en}.`,
    fr: `${leadAcronym} travaille avec les ${d.group.fr} (${d.country.fr}) pour bâtir des coopératives ${frOf(d.product.fr)} ${d.adjective.fr} grâce à des actions de ${d.service.fr}.`,
    es: `${leadAcronym} trabaja con ${d.group.es} en ${d.country.es} para construir cooperativas de ${d.product.es} ${d.adjective.es} mediante ${d.service.es}.`,
  };
}

function facts(random: Random, d: Draw): LocalizedText[] {
  const families = between(random, 2, 400) * 10;
  const cooperatives = between(random, 3, 120);
  const all: LocalizedText[] = [
    { en: `The project reaches ${families} families.`, fr: `Le projet rejoint ${families} familles.`, es: `El proyecto llega a ${families} familias.` },
    { en: `${cooperatives} cooperatives take part in the project.`, fr: `${cooperatives} coopératives participent au projet.`, es: `${cooperatives} cooperativas participan en el proyecto.` },
    trio((l) => `${{ en: 'Products', fr: 'Produits visés', es: 'Productos' }[l]}: ${d.product[l]}, ${d.product2[l]}.`),
    trio((l) => `${{ en: 'Training covers', fr: 'La formation porte sur', es: 'La capacitación abarca' }[l]}: ${d.topic[l]}.`),
  ];
  return all.filter((_, index) => index === 0 || chance(random, 0.6));
}

/** Match words: the words of the draw in each language, like the real files' keywords. */
function keywords(d: Draw): LocalizedWords {
  const words = [d.product, d.product2, d.service, d.group, d.topic];
  const byLanguage = (language: Language) => [...new Set(words.map((word) => word[language]))];
  return { en: byLanguage('en'), fr: byLanguage('fr'), es: byLanguage('es') };
}

function period(random: Random): Project['period'] {
  const start = between(random, 1995, 2024);
  if (chance(random, 0.5)) {
    return { start, text: { en: `Since ${start}`, fr: `Depuis ${start}`, es: `Desde ${start}` } };
  }
  const end = start + between(random, 2, 8);
  return { start, end, text: { en: `From ${start} to ${end}`, fr: `De ${start} à ${end}`, es: `De ${start} a ${end}` } };
}

/** Four-letter acronyms from consonants rarely spell a word, and never one of the real names. */
function acronym(random: Random, taken: ReadonlySet<string>): string {
  for (;;) {
    const candidate = Array.from({ length: 4 }, () => pick(random, [...'BCDFGHJKLMNPQRSTVWXZ'])).join('');
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Names that an acronym must not repeat: every real acronym and alias. */
function takenNames(base: KnowledgeBaseParts): Set<string> {
  const names = [
    ...base.organizations.flatMap((o) => [o.acronym, ...o.aliases]),
    ...base.projects.flatMap((p) => [p.acronym ?? '', ...p.aliases]),
    ...base.partners.flatMap((p) => p.aliases),
  ];
  return new Set(names.filter(Boolean).map((name) => name.toLowerCase()));
}

export interface GenerateOptions {
  readonly projects: number;
  readonly seed: number;
}

/** The generated projects (not the real ones), each checked against the project schema. */
export function generateProjects(base: KnowledgeBaseParts, options: GenerateOptions): Project[] {
  const random = seededRandom(options.seed);
  const taken = takenNames(base);
  const projects: Project[] = [];
  for (let index = 1; index <= options.projects; index++) {
    const organization = pick(random, base.organizations);
    const country = pick(random, base.countries);
    const d: Draw = {
      product: pick(random, PRODUCTS),
      product2: pick(random, PRODUCTS),
      adjective: pick(random, ADJECTIVES),
      service: pick(random, SERVICES),
      group: pick(random, GROUPS),
      topic: pick(random, TOPICS),
      country: country.name,
      lead: organization.id,
      phase: between(random, 1, 4),
    };
    const projectTitle = title(d, pick(random, TITLES));
    const draft = {
      id: `gen-${String(index).padStart(5, '0')}-${d.product.id}-${country.id}`,
      ...(chance(random, 0.2) ? { acronym: acronym(random, taken) } : {}),
      title: projectTitle,
      aliases: chance(random, 0.3) ? [`${d.product.en} project in ${country.name.en}`, `proyecto de ${d.product.es} en ${country.name.es}`] : [],
      lead: organization.id,
      partners: chance(random, 0.3) ? [...new Set([pick(random, base.partners).id, pick(random, base.partners).id])] : [],
      country: country.id,
      sector: pick(random, base.sectors).id,
      period: period(random),
      summary: summary(d, organization.acronym),
      facts: facts(random, d),
      keywords: keywords(d),
      videos: chance(random, 0.1) ? [{ url: `https://vimeo.com/${between(random, 100000000, 999999999)}`, ...(chance(random, 0.5) ? { language: pick(random, LANGUAGES) } : {}) }] : [],
    };
    // Parsing here fails fast, naming the field, if a change to the schema outdates the generator.
    projects.push(projectSchema.parse(draft));
  }
  return projects;
}

/**
 * Writes a knowledge-base folder: the real files of `sourceDir` (its projects included) plus the
 * generated projects, one YAML file each, named by id as loadKnowledgeBase requires.
 */
export function writeKnowledgeBase(dir: string, projects: readonly Project[], sourceDir: string = DEFAULT_DATA_DIR): void {
  cpSync(sourceDir, dir, { recursive: true });
  const projectDir = join(dir, 'projects');
  mkdirSync(projectDir, { recursive: true });
  for (const project of projects) writeFileSync(join(projectDir, `${project.id}.yaml`), dump(project));
}

/** A generated knowledge-base folder in the system's temporary directory; remove() deletes it. */
export function generatedKnowledgeBaseDir(base: KnowledgeBaseParts, options: GenerateOptions): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'coop-bench-kb-'));
  try {
    writeKnowledgeBase(dir, generateProjects(base, options));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
