/**
 * Turns what the bot understood into the reply the user reads, in the user's language: the text,
 * at most one Adaptive Card, and the record of what the reply presents. The text answers (a lead-in
 * when the card is the answer, the fact asked for when it is one fact) and never repeats the card.
 */
import { ask, card, MAX_CARD_ACTIONS, oneCard, type AdaptiveCard } from '../cards/adaptiveCard';
import { withFeedback } from '../cards/feedbackBlock';
import { helpCard } from '../cards/helpCard';
import { compactOrganizationCard, organizationCard } from '../cards/organizationCard';
import { compactOverviewCard, overviewCard } from '../cards/overviewCard';
import { withSubject } from '../cards/subject';
import type { Localizer } from '../i18n';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Language, Organization } from '../knowledge/schema';
import type { Intent, NotForTheGuide, Understanding } from '../understanding/types';
import type { Answer, AnswerRecord } from './answer';
import { presenceLines } from './figureAnswers';
import { clarifyAnswer, listAnswer, projectAnswer } from './projectAnswers';
import { queryAnswer } from './queryAnswers';
import { countryName, fundersInSentence, joinList, organizationShortInSentence, placesOf, projectInSentence, projectShortName, projectTitle, type Wording } from './wording';

function plain(w: Wording, intent: Intent, text: string, extra: { card?: AdaptiveCard; organizations?: readonly string[] } = {}): Answer {
  return {
    text,
    ...(extra.card ? { card: extra.card } : {}),
    record: { language: w.language, intent, projects: [], organizations: extra.organizations ?? [], videos: [] },
  };
}

/** The sentences that answer what was asked of an organization (its start in the region and in countries, its website), or a lead-in to its card. */
function organizationLines(w: Wording, u: Understanding, organization: Organization): string[] {
  const values = { acronym: organizationShortInSentence(w, organization.id), url: organization.website };
  const lines: string[] = [];
  if (u.facets.includes('period')) {
    if (organization.activeInLatinAmericaSince) lines.push(w.t('organization.since', { ...values, year: organization.activeInLatinAmericaSince }));
    // Since when in a country too, where the guide dates it (DID in Haiti since 1987).
    lines.push(...presenceLines(w, organization.id, u.filters.countries, u.filters.countries.length > 0));
  }
  if (u.facets.includes('website')) lines.push(w.t('organization.website', values));
  if (lines.length) return lines;
  const projects = w.kb.projectsBy('lead', organization.id);
  // The card lists the projects; the text only counts them.
  return [projects.length ? w.t('organization.projects', { ...values, count: projects.length }) : w.t('organization.noProjects', values)];
}

function organizationAnswer(w: Wording, u: Understanding): Answer {
  const organizations = u.organizations.map((id) => w.kb.organization(id)).filter((o) => o !== undefined);
  const facetAsked = u.facets.includes('website') || u.facets.includes('period');
  const cards = organizations.map((organization) => (facetAsked ? compactOrganizationCard(w, organization, u.facets) : organizationCard(w, organization)));
  const merged = oneCard(cards);
  const text = organizations.flatMap((organization) => organizationLines(w, u, organization)).join('\n\n');
  return plain(w, 'organization', text, { ...(merged ? { card: merged } : {}), organizations: organizations.map((o) => o.id) });
}

function overviewAnswer(w: Wording, u: Understanding): Answer {
  const organizations = w.kb.organizations.map((o) => o.id);
  if (u.facets.includes('funders')) {
    return plain(w, 'overview', w.t('overview.funders', { funders: fundersInSentence(w) }), { card: compactOverviewCard(w), organizations });
  }
  return plain(w, 'overview', w.t('overview.intro'), { card: overviewCard(w), organizations });
}

function helpAnswer(w: Wording, intro?: string): Answer {
  const text = w.t('help.text', { projectCount: w.kb.projects.length });
  return plain(w, 'help', intro ? `${intro}\n\n${text}` : text, { card: helpCard(w, w.t('help.topics')) });
}

/** Projects a kind reply offers: named in the text, and as buttons that ask about each. */
function suggestionsOf(w: Wording, u: Understanding): { line?: string; buttons: ReturnType<typeof ask>[] } {
  const projects = (u.suggestions ?? []).map((id) => w.kb.project(id)).filter((project) => project !== undefined).slice(0, 3);
  if (!projects.length) return { buttons: [] };
  const inSentence = projects.map((project) => projectInSentence(w, project));
  return { line: w.t('fallback.suggestions', { titles: joinList(inSentence, w.language) }), buttons: projects.map((project) => ask(projectShortName(w, project), projectTitle(w, project))) };
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
      text = [w.t('fallback.outsideOrganization', { names: joinList([...gap.names], w.language), count: gap.names.length }), suggestionsOf(w, u).line ?? w.t('fallback.suggest')].join(' ');
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
      const places = placesOf(w, gap.countries, gap.regions ?? []);
      const organizations = gap.organizations.map((id) => organizationShortInSentence(w, id));
      const projectCountries = [...new Set(w.kb.projects.map((project) => project.country))].map((id) => countryName(w, id));
      text = [
        gap.organizations.length ? w.t('fallback.countryWithoutProjectsForOrganization', { places, organizations }) : w.t('fallback.countryWithoutProjects', { places }),
        w.t('fallback.projectCountries', { countries: joinList(projectCountries, w.language) }),
      ].join(' ');
      break;
    }
    default:
      text = `${w.t('fallback.noMatch')} ${w.t('fallback.suggest')}`;
  }
  const buttons = suggestionsOf(w, u).buttons;
  const help = helpCard(w, w.t('help.text', { projectCount: w.kb.projects.length }));
  return plain(w, 'fallback', text, { card: buttons.length ? card(help.body, buttons) : help, organizations: u.organizations });
}

/** An answer's card offers to start a new topic, in its "..." menu: the bot then forgets the focus. */
function withNewTopic(answerCard: AdaptiveCard, w: Wording): AdaptiveCard {
  const actions = answerCard.actions ?? [];
  if (actions.length >= MAX_CARD_ACTIONS) return answerCard;
  const newTopic = { ...ask(w.t('suggestion.newTopic'), w.t('suggestion.newTopic')), mode: 'secondary' as const };
  return { ...answerCard, actions: [...actions, newTopic] };
}

/** Answers that present facts from the knowledge base, which the user can rate. */
const RATED_INTENTS: ReadonlySet<Intent> = new Set<Intent>(['project', 'list', 'organization', 'overview']);

/** True for an answer the user can rate (it presents facts of the knowledge base). */
export const isRated = (record: AnswerRecord): boolean => RATED_INTENTS.has(record.intent);

/**
 * How the user rates an answer: with the card's own thumbs row, or with the client's native
 * feedback buttons on the message (Teams), in which case the card leaves its row out so that
 * there are not two pairs of thumbs.
 */
export type FeedbackStyle = 'card' | 'native';

/** Builds replies from understandings, for one knowledge base and one set of UI strings. */
export class AnswerComposer {
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly localizer: Localizer,
  ) {}

  wording(language: Language): Wording {
    return { kb: this.kb, language, t: this.localizer.forLanguage(language) };
  }

  /**
   * The reply to an understanding. Its card's follow-up buttons carry the ids the card presents;
   * answers that present facts end with the feedback row, unless the client rates them natively.
   */
  compose(u: Understanding, feedback: FeedbackStyle = 'card'): Answer {
    const w = this.wording(u.language);
    const composed = this.answerFor(w, u);
    const answer: Answer = { ...composed, record: { ...composed.record, ...(u.confidence !== undefined ? { confidence: u.confidence } : {}), ...(u.meta ? { meta: u.meta } : {}) } };
    if (!answer.card) return answer;
    const rated = isRated(answer.record);
    const stamped = withSubject(rated ? withNewTopic(answer.card, w) : answer.card, { projects: answer.record.projects, organizations: answer.record.organizations });
    return { ...answer, card: rated && feedback === 'card' ? withFeedback(stamped, answer.record, w.t) : stamped };
  }

  private answerFor(w: Wording, u: Understanding): Answer {
    // A question over the whole guide is answered by running its query, whatever its intent.
    if (u.query) return queryAnswer(w, u, u.query);
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
        return overviewAnswer(w, u);
      case 'greeting':
        return plain(w, 'greeting', w.t(`greeting.${u.smallTalk ?? 'hello'}`));
      case 'help':
        return helpAnswer(w, u.gap?.kind === 'empty' ? w.t('fallback.empty') : u.gap?.kind === 'reset' ? w.t('help.startOver') : undefined);
      case 'fallback':
        return fallbackAnswer(w, u);
    }
  }

  /** The welcome shown when a user joins or starts a conversation. */
  welcome(language: Language): Answer {
    const w = this.wording(language);
    return plain(w, 'greeting', w.t('welcome.text'), { card: withSubject(helpCard(w, w.t('welcome.examples')), { projects: [], organizations: [] }) });
  }
}
