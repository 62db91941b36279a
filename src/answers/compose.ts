/**
 * Turns what the bot understood into the reply the user reads, in the user's language: the text,
 * the Adaptive Card and the record of what the reply presents.
 */
import { ask, card, type AdaptiveCard } from '../cards/adaptiveCard';
import { withFeedback } from '../cards/feedbackBlock';
import { helpCard } from '../cards/helpCard';
import { organizationCard } from '../cards/organizationCard';
import { overviewCard } from '../cards/overviewCard';
import type { Localizer } from '../i18n';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Language } from '../knowledge/schema';
import type { Intent, NotForTheGuide, Understanding } from '../understanding/types';
import type { Answer } from './answer';
import { clarifyAnswer, listAnswer, projectAnswer } from './projectAnswers';
import { countryName, joinList, organizationName, placeOf, projectTitle, someProjectTitles, type Wording } from './wording';

function plain(w: Wording, intent: Intent, text: string, extra: { card?: AdaptiveCard; organizations?: readonly string[] } = {}): Answer {
  return {
    text,
    ...(extra.card ? { card: extra.card } : {}),
    record: { language: w.language, intent, projects: [], organizations: extra.organizations ?? [], videos: [] },
  };
}

function organizationAnswer(w: Wording, u: Understanding): Answer {
  const organizations = u.organizations.map((id) => w.kb.organization(id)).filter((o) => o !== undefined);
  const lines = organizations.flatMap((organization) => {
    const values = { acronym: organization.acronym, name: organization.name[w.language], profile: organization.profile[w.language] };
    const facts: string[] = [w.t('organization.intro', values)];
    if (u.facets.includes('period') && organization.activeInLatinAmericaSince) {
      facts.push(w.t('organization.since', { ...values, year: organization.activeInLatinAmericaSince }));
    }
    if (u.facets.includes('website')) facts.push(w.t('organization.website', { ...values, url: organization.website }));
    const projects = w.kb.projectsBy('lead', organization.id);
    facts.push(
      projects.length
        ? w.t('organization.projects', { ...values, count: projects.length, titles: someProjectTitles(w, projects) })
        : w.t('organization.noProjects', values),
    );
    return facts;
  });
  const cards = organizations.map((organization) => organizationCard(w, organization));
  const merged = cards.length === 1 ? cards[0] : card(cards.flatMap((c) => c.body), cards.flatMap((c) => c.actions ?? []));
  return plain(w, 'organization', lines.join('\n\n'), { ...(merged ? { card: merged } : {}), organizations: organizations.map((o) => o.id) });
}

function overviewAnswer(w: Wording): Answer {
  const funders = joinList(w.kb.overview.funders.map((funder) => funder[w.language]), w.language);
  const text = [w.t('overview.intro', { summary: w.kb.overview.summary[w.language] }), w.t('overview.funders', { funders })].join('\n\n');
  return plain(w, 'overview', text, { card: overviewCard(w), organizations: w.kb.organizations.map((o) => o.id) });
}

function helpAnswer(w: Wording, intro?: string): Answer {
  const text = w.t('help.text', { projectCount: w.kb.projects.length });
  return plain(w, 'help', intro ? `${intro}\n\n${text}` : text, { card: helpCard(w, w.t('help.topics')) });
}

/** Projects a kind reply offers: named in the text, and as buttons that ask about each. */
function suggestionsOf(w: Wording, u: Understanding): { line?: string; buttons: ReturnType<typeof ask>[] } {
  const projects = (u.suggestions ?? []).map((id) => w.kb.project(id)).filter((project) => project !== undefined).slice(0, 3);
  if (!projects.length) return { buttons: [] };
  const titles = projects.map((project) => projectTitle(w, project));
  return { line: w.t('fallback.suggestions', { titles: joinList(titles, w.language) }), buttons: titles.map((title) => ask(title)) };
}

/** A kind reply to a message that is not a question for the guide (about the bot, small talk...). */
function notForTheGuideAnswer(w: Wording, u: Understanding, reason: NotForTheGuide): Answer {
  const suggestions = suggestionsOf(w, u);
  const text = [w.t(`meta.${reason}`), ...(suggestions.line ? [suggestions.line] : [])].join(' ');
  const body = helpCard(w, w.t('help.text', { projectCount: w.kb.projects.length }));
  return plain(w, reason === 'introduction' ? 'greeting' : 'fallback', text, { card: suggestions.buttons.length ? card(body.body, suggestions.buttons) : body });
}

function fallbackAnswer(w: Wording, u: Understanding): Answer {
  const gap = u.gap;
  if (gap?.kind === 'not-for-the-guide') return notForTheGuideAnswer(w, u, gap.reason);
  let text: string;
  switch (gap?.kind) {
    case 'outside-organization':
      text = [w.t('fallback.outsideOrganization', { names: joinList([...gap.names], w.language) }), suggestionsOf(w, u).line ?? w.t('fallback.suggest')].join(' ');
      break;
    case 'unsure':
      text = [w.t('fallback.unsure'), suggestionsOf(w, u).line ?? w.t('fallback.suggest')].join(' ');
      break;
    case 'out-of-scope':
      text = w.t('fallback.outOfScope');
      break;
    case 'unknown-organization':
      text = w.t('fallback.unknownOrganization');
      break;
    case 'country-without-projects': {
      const countries = joinList(gap.countries.map((id) => countryName(w, id)), w.language);
      const places = joinList(gap.countries.map((id) => placeOf(w, 'country', id)), w.language);
      const organizations = joinList(gap.organizations.map((id) => organizationName(w, id)), w.language);
      const projectCountries = [...new Set(w.kb.projects.map((project) => project.country))].map((id) => countryName(w, id));
      text = [
        gap.organizations.length ? w.t('fallback.countryWithoutProjectsForOrganization', { countries, places, organizations }) : w.t('fallback.countryWithoutProjects', { countries, places }),
        w.t('fallback.projectCountries', { countries: joinList(projectCountries, w.language) }),
      ].join(' ');
      break;
    }
    case 'no-project-for-filters':
      text = `${w.t('fallback.noMatch')} ${w.t('fallback.suggest')}`;
      break;
    default:
      text = `${w.t('fallback.noMatch')} ${w.t('fallback.suggest')}`;
  }
  const buttons = suggestionsOf(w, u).buttons;
  const help = helpCard(w, w.t('help.text', { projectCount: w.kb.projects.length }));
  return plain(w, 'fallback', text, { card: buttons.length ? card(help.body, buttons) : help, organizations: u.organizations });
}

/** Answers that present facts from the knowledge base, which the user can rate. */
const RATED_INTENTS: ReadonlySet<Intent> = new Set<Intent>(['project', 'list', 'organization', 'overview']);

/** Builds replies from understandings, for one knowledge base and one set of UI strings. */
export class AnswerComposer {
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly localizer: Localizer,
  ) {}

  wording(language: Language): Wording {
    return { kb: this.kb, language, t: this.localizer.forLanguage(language) };
  }

  /** The reply to an understanding; answers that present facts carry the feedback buttons. */
  compose(u: Understanding): Answer {
    const w = this.wording(u.language);
    const composed = this.answerFor(w, u);
    const answer: Answer = { ...composed, record: { ...composed.record, ...(u.confidence !== undefined ? { confidence: u.confidence } : {}), ...(u.meta ? { meta: u.meta } : {}) } };
    if (!answer.card || !RATED_INTENTS.has(answer.record.intent)) return answer;
    return { ...answer, card: withFeedback(answer.card, answer.record, w.t) };
  }

  private answerFor(w: Wording, u: Understanding): Answer {
    switch (u.intent) {
      case 'project':
        return projectAnswer(w, u);
      case 'list':
        return listAnswer(w, u);
      case 'clarify':
        return clarifyAnswer(w, u);
      case 'organization':
        return organizationAnswer(w, u);
      case 'overview':
        return overviewAnswer(w);
      case 'greeting':
        return plain(w, 'greeting', w.t(`greeting.${u.smallTalk ?? 'hello'}`));
      case 'help':
        return helpAnswer(w, u.gap?.kind === 'empty' ? w.t('fallback.empty') : undefined);
      case 'fallback':
        return fallbackAnswer(w, u);
    }
  }

  /** The welcome shown when a user joins or starts a conversation. */
  welcome(language: Language): Answer {
    const w = this.wording(language);
    return plain(w, 'greeting', w.t('welcome.text'), { card: helpCard(w, w.t('welcome.examples')) });
  }
}
