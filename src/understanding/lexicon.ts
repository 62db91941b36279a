/**
 * The bot's knowledge of the three languages, apart from the knowledge base: frequent words (for
 * language detection and as stop words) and the phrases that signal what a question asks for.
 * Entries are written as people type them; they are folded (case, accents) when indexes are built.
 */
import type { Language } from '../knowledge/schema';

/** What a question can ask about an answer, beyond "tell me about it". */
export type Facet = 'video' | 'lead' | 'partners' | 'period' | 'location' | 'results' | 'website' | 'funders' | 'budget' | 'more';

export type CueKind =
  | 'greeting'
  | 'thanks'
  | 'farewell'
  | 'help'
  | 'overview'
  | 'overviewWeak'
  | 'list'
  | 'singular'
  | 'profile'
  | 'outOfScope'
  | 'continuation'
  | 'anaphora'
  | 'domain'
  | 'smallTalk'
  | 'other'
  | `facet:${Facet}`
  | `ordinal:${'1' | '2' | '3' | 'last'}`
  | `languageRequest:${Language}`;

export interface LanguageLexicon {
  /** Frequent words of the language: articles, pronouns, prepositions, auxiliaries, question words. */
  readonly functionWords: readonly string[];
  /** Phrases that signal something about the question, by kind. */
  readonly cues: Partial<Record<CueKind, readonly string[]>>;
}

const en: LanguageLexicon = {
  functionWords: [
    'the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'with', 'about', 'by', 'into', 'over',
    'under', 'and', 'or', 'but', 'so', 'if', 'then', 'than', 'is', 'are', 'was', 'were', 'be', 'been',
    'being', 'am', 'do', 'does', 'did', 'done', 'doing', 'have', 'has', 'had', 'having', 'can', 'could',
    'would', 'should', 'will', 'shall', 'may', 'might', 'must', 'i', 'me', 'my', 'mine', 'you', 'your',
    'yours', 'he', 'him', 'his', 'she', 'her', 'it', 'its', 'we', 'us', 'our', 'they', 'them', 'their',
    'this', 'that', 'these', 'those', 'what', 'which', 'who', 'whom', 'whose', 'where', 'when', 'why',
    'how', 'there', 'here', 'any', 'some', 'all', 'each', 'every', 'no', 'not', 'yes', 'please', 'tell',
    'show', 'give', 'find', 'know', 'want', 'need', 'like', 'looking', 'get', 'got', 'just', 'also', 'too',
    'very', 'more', 'most', 'much', 'many', 'one', 'ones', 'other', 'another', 'same', 'such', 'only',
    'anything', 'something', 'everything', 'nothing', 'info', 'information', 'details', 'about', 'kind',
    'work', 'works', 'working', 'worked', 'run', 'runs', 'running', 'ran', 'lead', 'leads', 'led', 'involved',
    'involvement', 'doing', 'going', 'exist', 'exists', 'happening', 'currently', 'now', 'still', 'ever',
    'would', 'like', 'curious', 'interested', 'explain', 'describe', 'summarize', 'summarise', 'summary',
    'rundown', 'overview', 'project', 'projects', 'program', 'programs', 'programme', 'programmes',
    'initiative', 'initiatives', 'cooperative', 'cooperatives', 'coop', 'coops', 'organization',
    'organizations', 'organisation', 'partner', 'partners', 'partnership', 'partnerships', 'country',
    'countries', 'year', 'years', 'video', 'videos', 'link', 'links', 'help', 'thanks', 'thank', 'hello',
    'hi', 'hey', 'good', 'morning', 'evening', 'afternoon', 'which', 'whats', 'im', 'ive', 'id', 'dont',
    'doesnt', 'isnt', 'arent', 'wasnt', 'cant', 'let', 'lets', 'could', 'say', 'said', 'about', 'around',
    'between', 'through', 'during', 'before', 'after', 'since', 'until', 'against', 'among', 'within',
    'without', 'again', 'further', 'once', 'both', 'few', 'own', 'well', 'started', 'start', 'begin',
    'began', 'last', 'long', 'meant', 'supposed', 'planned', 'expected', 'aimed', 'aims', 'goal',
    'funds', 'money', 'who', 'runs', 'do', 'activities', 'results', 'far', 'sure', 'okay', 'ok',
    'canadian', 'canada', 'development', 'cooperation', 'january', 'february', 'march', 'april', 'june',
    'july', 'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday',
    'thursday', 'friday', 'saturday', 'sunday', 'english', 'french', 'spanish', 'teams', 'month', 'week',
  ],
  cues: {
    greeting: [
      'hello', 'hi', 'hey', 'hiya', 'howdy', 'greetings', 'good morning', 'good afternoon', 'good evening',
      'good day', 'hi there', 'hey there', 'hello there', 'yo', 'sup', 'whats up',
    ],
    thanks: ['thanks', 'thank you', 'thx', 'ty', 'cheers', 'many thanks', 'much appreciated', 'appreciate it', 'great thanks'],
    farewell: ['bye', 'goodbye', 'good bye', 'see you', 'see ya', 'good night', 'take care', 'later'],
    smallTalk: ['how are you', 'how r u', 'hows it going', 'bot', 'there', 'everyone', 'all', 'team', 'friend', 'again', 'nice to meet you'],
    help: [
      'help', 'help me', 'what can you do', 'what do you do', 'how does this work', 'how does it work',
      'how do i use', 'how to use', 'how do you work', 'what can i ask', 'what should i ask', 'what do you know',
      'who are you', 'what are you', 'commands', 'menu', 'options', 'instructions', 'how does this chat work',
      'how does this bot work', 'what is this bot', 'usage', 'what topics', 'what can i ask you', 'can i ask',
      'what kind of questions', 'what questions',
    ],
    overview: [
      'overview', 'big picture', 'as a whole', 'in general', 'general picture', 'general overview',
      'combined experience', 'how many countries', 'funders', 'funder', 'who funds', 'who finances',
      'who pays', 'provides the money', 'who provides the money', 'financial backers',
      'backers', 'donors', 'lenders', 'sponsors', 'all the partnerships', 'these partnerships',
      'the partnerships', 'inter cooperation', 'intercooperation', 'summary of the partnerships',
      'what is this about', 'three organizations', 'three organisations', 'the three', 'all three',
      'this guide', 'the guide', 'this document', 'the document', 'in a nutshell', 'backs this work',
      'financially', 'who backs', 'summary of everything', 'general summary', 'canadian government',
      'government of canada', 'these collaborations', 'overall goal', 'overall aim',
    ],
    overviewWeak: ['partnerships', 'partnership', 'collaboration between', 'canadian cooperatives', 'in latin america', 'why', 'why do', 'purpose', 'goal of', 'funding', 'funded'],
    list: [
      'projects', 'programs', 'programmes', 'initiatives', 'activities', 'list', 'all', 'every', 'everything',
      'which projects', 'what projects', 'any projects', 'show me', 'what else', 'others', 'other projects',
      'ones', 'efforts',
    ],
    singular: ['project', 'program', 'programme', 'initiative', 'the one', 'which one', 'this one', 'that one'],
    profile: [
      'profile', 'portrait', 'background', 'who is', 'who are', 'what is', 'history', 'mission', 'description',
      'describe', 'introduce', 'introduction', 'founded', 'since when', 'how long', 'website',
      'pioneer', 'what kind of organization', 'members',
    ],
    outOfScope: [
      'weather', 'forecast', 'temperature', 'rain', 'hotel', 'hotels', 'hostel', 'restaurant', 'restaurants',
      'food', 'eat', 'recipe', 'flight', 'flights', 'airport', 'visa', 'passport', 'score', 'game', 'games',
      'sport', 'sports', 'football', 'soccer', 'hockey', 'baseball', 'basketball', 'metro', 'subway', 'bus',
      'taxi', 'traffic', 'translate', 'translation', 'capital city', 'capital of', 'population', 'president',
      'election', 'currency', 'exchange rate', 'stock', 'joke', 'jokes', 'movie', 'song', 'music', 'poem',
      'code', 'coding', 'programming', 'python', 'javascript', 'bitcoin', 'crypto', 'beach', 'beaches',
      'tourist', 'tourism', 'museum', 'nightlife', 'recommend a', 'homework', 'math', 'bank account',
      'mortgage', 'loan for me', 'job offer', 'apply for a job', 'salary', 'news today', 'time is it',
      'what time', 'vacation', 'holiday', 'trip itinerary', 'things to do', 'meaning of life', 'lottery',
    ],
    continuation: ['and', 'what about', 'how about', 'and in', 'and for', 'also', 'same for', 'and the', 'what of'],
    anaphora: [
      'it', 'its', 'they', 'them', 'their', 'this', 'that', 'this project', 'that project', 'this one',
      'that one', 'the one', 'these', 'those', 'same', 'the project', 'the program', 'the programme', 'there',
    ],
    domain: [
      'project', 'projects', 'program', 'programs', 'programme', 'programmes', 'initiative', 'initiatives',
      'cooperative', 'cooperatives', 'coop', 'coops', 'co op', 'credit union', 'credit unions', 'partnership',
      'partnerships', 'partner', 'partners', 'organization', 'organizations', 'organisation', 'organisations',
      'mutual', 'mutuals',
    ],
    'facet:video': ['video', 'videos', 'footage', 'clip', 'clips', 'film', 'films', 'watch', 'youtube', 'vimeo', 'recording', 'movie of'],
    'facet:lead': [
      'who runs', 'who leads', 'who manages', 'who is behind', 'who is in charge', 'which organization',
      'what organization', 'which organisation', 'what organisation', 'which org', 'run by', 'led by',
      'managed by', 'in charge', 'responsible for', 'who is responsible', 'who does it', 'who carries out',
      'lead organization', 'who is running', 'who implements', 'implemented by', 'carried out by',
    ],
    'facet:partners': [
      'partner', 'partners', 'partnered', 'who works with', 'works with', 'working with', 'with whom',
      'collaborators', 'collaborate', 'collaborates', 'jointly', 'together with', 'allies', 'local partner',
      'who else', 'involved with', 'stakeholders', 'in partnership with',
    ],
    'facet:period': [
      'when', 'what year', 'which year', 'how long', 'duration', 'start', 'started', 'starts', 'begin',
      'began', 'begun', 'launched', 'end', 'ends', 'ended', 'finish', 'until', 'since when', 'period',
      'timeline', 'dates', 'how many years', 'how long will it last', 'lasts', 'run until', 'years',
    ],
    'facet:location': ['where', 'which country', 'what country', 'in which country', 'location', 'located'],
    'facet:results': ['results', 'result', 'impact', 'achievements', 'achieved', 'outcomes', 'outcome', 'effect', 'difference', 'benefits', 'accomplished'],
    'facet:website': ['website', 'web site', 'web address', 'url', 'homepage', 'home page', 'site', 'web page', 'webpage', 'online'],
    'facet:funders': ['funders', 'funder', 'who funds', 'who finances', 'who pays', 'the money', 'donors', 'lenders', 'sponsors', 'backers'],
    'facet:budget': ['budget', 'how much money', 'how much does it cost', 'how much did it cost', 'cost', 'costs', 'funding amount', 'how much funding', 'dollars', 'price tag'],
    'facet:more': ['more', 'tell me more', 'details', 'more details', 'more info', 'more information', 'elaborate', 'go on', 'summary', 'summarize', 'summarise'],
    'ordinal:1': ['first', '1st', 'first one', 'number one', 'the first'],
    'ordinal:2': ['second', '2nd', 'second one', 'number two', 'the second'],
    'ordinal:3': ['third', '3rd', 'third one', 'number three', 'the third'],
    'ordinal:last': ['last one', 'the last', 'final one'],
    other: ['the other', 'the other one', 'other one', 'and the other', 'of the other', 'about the other'],
    // Asking for an answer language; the phrases of all three languages are listed here once.
    'languageRequest:en': ['in english', 'english please', 'speak english', 'en anglais', 'en inglés'],
    'languageRequest:fr': ['in french', 'french please', 'speak french', 'en français', 'en francés'],
    'languageRequest:es': ['in spanish', 'spanish please', 'speak spanish', 'en espagnol', 'en español', 'en castellano'],
  },
};

const fr: LanguageLexicon = {
  functionWords: [
    'le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'de', 'd', 'au', 'aux', 'a', 'à', 'et', 'ou', 'où',
    'mais', 'donc', 'car', 'ni', 'que', 'qu', 'qui', 'quoi', 'quel', 'quelle', 'quels', 'quelles',
    'lequel', 'laquelle', 'lesquels', 'dont', 'est', 'sont', 'était', 'été', 'être', 'ai', 'as', 'avez',
    'avons', 'ont', 'avait', 'avoir', 'fait', 'fais', 'faites', 'font', 'faire', 'je', 'j', 'tu', 'il',
    'elle', 'nous', 'vous', 'ils', 'elles', 'on', 'me', 'm', 'te', 't', 'se', 's', 'moi', 'toi', 'lui',
    'leur', 'leurs', 'mon', 'ma', 'mes', 'ton', 'ta', 'tes', 'son', 'sa', 'ses', 'notre', 'nos', 'votre',
    'vos', 'ce', 'cet', 'cette', 'ces', 'c', 'ça', 'cela', 'celui', 'celle', 'ceux', 'celles', 'dans',
    'sur', 'sous', 'pour', 'par', 'avec', 'sans', 'chez', 'entre', 'vers', 'depuis', 'pendant', 'avant',
    'après', 'jusqu', 'comme', 'comment', 'combien', 'quand', 'pourquoi', 'aussi', 'très', 'plus', 'moins',
    'tout', 'tous', 'toute', 'toutes', 'autre', 'autres', 'même', 'y', 'en', 'ne', 'n', 'pas', 'non', 'oui',
    'merci', 'svp', 'stp', 'voudrais', 'aimerais', 'veux', 'voulez', 'pouvez', 'peux', 'peut', 'dis',
    'dites', 'donne', 'donnez', 'montre', 'montrez', 'parle', 'parlez', 'explique', 'expliquez', 'résume',
    'résumez', 'cherche', 'existe', 'y a', 'il y a', 'quoi', 'chose', 'quelque', 'infos', 'renseignements',
    'projet', 'projets', 'programme', 'programmes', 'coopérative', 'coopératives', 'coopératif',
    'coopératifs', 'partenaire', 'partenaires', 'partenariat', 'partenariats', 'organisation',
    'organisations', 'organisme', 'pays', 'année', 'ans', 'vidéo', 'vidéos', 'lien', 'aide', 'bonjour',
    'salut', 'bonsoir', 'travaille', 'travaillent', 'mène', 'mènent', 'agit', 'concerne', 'porte', 'vise',
    'visent', 'trouve', 'trouver', 'savoir', 'connaître', 'aimerais', 'voir', 'avez-vous', 'sujet',
    'propos', 'concernant', 'auprès', 'rôle', 'actions', 'activités', 'engagement', 'présent', 'présente',
    'encore', 'déjà', 'ici', 'là', 'bien', 'alors', 'puis', 'ensuite', 'chaque', 'quelques', 'plusieurs',
    'afin', 'lorsque', 'parce', 'si', 'sinon', 'voici', 'voilà', 'était', 'sera', 'seront', 'serait',
    'canadien', 'canadienne', 'canadiens', 'canadiennes', 'développement', 'coopération', 'janvier', 'février',
    'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre', 'lundi',
    'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'anglais', 'français', 'espagnol', 'mois',
  ],
  cues: {
    greeting: ['bonjour', 'salut', 'bonsoir', 'coucou', 'allo', 'allô', 'bon matin', 'bonne journée', 'salutations', 'rebonjour', 'bjr', 'slt', 'hello'],
    thanks: ['merci', 'merci beaucoup', 'mille mercis', 'merci bien', 'je vous remercie', 'parfait merci', 'super merci'],
    farewell: ['au revoir', 'à bientôt', 'à plus', 'bonne soirée', 'bonne nuit', 'adieu', 'à la prochaine', 'ciao'],
    smallTalk: ['comment ça va', 'ça va', 'comment allez vous', 'le bot', 'tout le monde', 'à tous', 'robot'],
    help: [
      'aide', 'aidez moi', 'aide moi', 'à l aide', 'que peux tu faire', 'que pouvez vous faire', 'tu fais quoi',
      'comment ça marche', 'comment ça fonctionne', 'comment fonctionne', 'comment utiliser', 'comment t utiliser',
      'qui es tu', 'qui êtes vous', 'que sais tu', 'quoi demander', 'que puis je demander', 'que puis je te demander',
      'mode d emploi', 'options', 'menu', 'commandes', 'tu sers à quoi', 'à quoi sers tu', 'c est quoi ce bot',
      'je peux te demander', 'je peux vous demander', 'puis je te demander', 'puis je vous demander', 'peux te demander',
      'quel genre de questions', 'quelles questions',
    ],
    overview: [
      'vue d ensemble', 'aperçu', 'panorama', 'portrait global', 'portrait d ensemble', 'en général', 'dans l ensemble',
      'expérience combinée', 'expérience cumulée', 'combien de pays', 'bailleurs', 'bailleurs de fonds',
      'qui finance', 'qui paie', 'financeurs', 'l argent', 'ces partenariats',
      'les partenariats', 'ensemble des partenariats', 'intercoopération', 'inter coopération', 'trois organisations',
      'les trois', 'bilan global', 'résumé général', 'résumé global', 'ce guide', 'le guide', 'ce document',
      'le document', 'en bref', 'financièrement', 'qui soutient financièrement', 'gouvernement canadien',
      'gouvernement du canada', 'ces collaborations', 'objectif général', 'but général',
    ],
    overviewWeak: ['partenariats', 'partenariat', 'coopératives canadiennes', 'en amérique latine', 'pourquoi', 'but', 'objectif', 'financement', 'financé', 'financés'],
    list: [
      'projets', 'programmes', 'initiatives', 'activités', 'actions', 'liste', 'lister', 'tous', 'toutes', 'tout',
      'quels projets', 'quels sont les projets', 'montre moi', 'les autres', 'autres projets', 'ceux', 'interventions',
    ],
    singular: ['projet', 'programme', 'initiative', 'celui', 'celle', 'lequel', 'laquelle', 'ce projet'],
    profile: [
      'portrait', 'profil', 'présentation', 'présente', 'présenter', 'qui est', 'c est quoi', 'qu est ce que',
      'histoire', 'historique', 'mission', 'fondée', 'fondé', 'fondation', 'depuis quand', 'site web',
      'pionnier', 'pionnière', 'membres', 'description', 'décris',
    ],
    outOfScope: [
      'météo', 'prévisions', 'température', 'pluie', 'hôtel', 'hôtels', 'auberge', 'restaurant', 'restaurants',
      'manger', 'recette', 'vol pour', 'vols', 'aéroport', 'visa', 'passeport', 'score', 'match', 'matchs',
      'sport', 'sports', 'football', 'soccer', 'hockey', 'métro', 'autobus', 'taxi', 'horaires', 'traduire',
      'traduis', 'traduction', 'capitale', 'population', 'président', 'élection', 'monnaie', 'taux de change',
      'bourse', 'blague', 'blagues', 'film', 'chanson', 'musique', 'poème', 'programmer', 'code', 'python',
      'bitcoin', 'plage', 'plages', 'touriste', 'tourisme', 'musée', 'recommander', 'recommandes',
      'recommandez', 'devoirs', 'compte bancaire', 'hypothèque', 'emploi pour moi', 'salaire', 'quelle heure',
      'vacances', 'voyage organisé', 'à visiter', 'sens de la vie', 'loterie',
    ],
    continuation: ['et', 'et pour', 'et en', 'et au', 'et à', 'et le', 'et la', 'quid de', 'et du côté', 'et côté', 'aussi', 'pareil pour'],
    anaphora: [
      'il', 'elle', 'ils', 'elles', 'celui', 'celle', 'ceux', 'ce projet', 'cela', 'ça', 'leur', 'leurs', 'son',
      'sa', 'ses', 'ce programme', 'celui ci', 'celui là', 'le projet', 'là bas', 'y',
    ],
    domain: [
      'projet', 'projets', 'programme', 'programmes', 'initiative', 'initiatives', 'coopérative', 'coopératives',
      'coopératif', 'coopératifs', 'coop', 'partenariat', 'partenariats', 'partenaire', 'partenaires',
      'organisation', 'organisations', 'organisme', 'organismes', 'mutuelle', 'mutuelles', 'caisse', 'caisses',
    ],
    'facet:video': ['vidéo', 'vidéos', 'extrait vidéo', 'film', 'films', 'reportage', 'regarder', 'youtube', 'vimeo', 'clip', 'enregistrement'],
    'facet:lead': [
      'qui mène', 'qui dirige', 'qui gère', 'qui pilote', "qui s'occupe", "qui s'en occupe", 'quelle organisation', 'quel organisme',
      'qui est derrière', 'qui est responsable', 'responsable', 'mené par', 'dirigé par', 'porté par', 'géré par',
      'qui réalise', 'réalisé par', 'qui porte', 'qui mène ce projet', 'organisation responsable',
    ],
    'facet:partners': [
      'partenaire', 'partenaires', 'avec qui', 'collabore', 'collaborent', 'collaboration', 'travaille avec',
      'travaillent avec', 'en partenariat avec', 'aux côtés de', 'conjointement', 'alliés', 'acteurs',
    ],
    'facet:period': [
      'quand', 'quelle année', 'en quelle année', 'depuis quand', 'combien de temps', 'durée', 'commencé',
      'commence', 'débuté', 'début', 'lancé', 'lancement', 'fin', 'finit', 'termine', 'jusqu à quand',
      'période', 'calendrier', 'dates', 'combien d années', 'dure', 'ans',
    ],
    'facet:location': ['où', 'dans quel pays', 'quel pays', 'localisation', 'situé', 'située'],
    'facet:results': ['résultats', 'résultat', 'impact', 'impacts', 'retombées', 'effets', 'bilan', 'réalisations', 'acquis', 'bénéfices'],
    'facet:website': ['site web', 'site internet', 'site', 'adresse web', 'adresse internet', 'url', 'page web', 'en ligne'],
    'facet:funders': ['bailleurs', 'bailleurs de fonds', 'qui finance', 'qui paie', 'financeurs', 'l argent', 'subventions', 'donateurs'],
    'facet:budget': ['budget', 'combien coûte', 'combien a coûté', 'coût', 'coûts', 'montant', 'combien d argent', 'dollars', 'enveloppe budgétaire'],
    'facet:more': ['plus', 'en savoir plus', 'davantage', 'détails', 'plus de détails', 'plus d infos', 'précisions', 'résumé', 'résume', 'développe', 'continue'],
    'ordinal:1': ['premier', 'première', '1er', 'le premier', 'la première'],
    'ordinal:2': ['deuxième', 'second', 'seconde', '2e', 'le deuxième', 'la deuxième', 'le second'],
    'ordinal:3': ['troisième', '3e', 'le troisième', 'la troisième'],
    'ordinal:last': ['dernier', 'dernière', 'le dernier', 'la dernière'],
    other: ['l autre', 'et l autre', 'l autre projet', "de l'autre", "sur l'autre"],
  },
};

const es: LanguageLexicon = {
  functionWords: [
    'el', 'la', 'los', 'las', 'lo', 'un', 'una', 'unos', 'unas', 'de', 'del', 'al', 'a', 'en', 'y', 'e', 'o',
    'u', 'pero', 'que', 'qué', 'quien', 'quién', 'quienes', 'cual', 'cuál', 'cuales', 'cuáles', 'donde',
    'dónde', 'cuando', 'cuándo', 'como', 'cómo', 'cuanto', 'cuánto', 'cuanta', 'cuántos', 'cuántas', 'por',
    'para', 'con', 'sin', 'sobre', 'entre', 'hacia', 'hasta', 'desde', 'durante', 'es', 'son', 'era', 'fue',
    'ser', 'está', 'están', 'estar', 'esta', 'este', 'estos', 'estas', 'ese', 'esa', 'esos', 'esas', 'eso',
    'esto', 'aquí', 'allí', 'allá', 'hay', 'ha', 'han', 'he', 'has', 'hemos', 'había', 'hace', 'hacen',
    'hacer', 'hizo', 'tiene', 'tienen', 'tener', 'tengo', 'yo', 'tú', 'usted', 'ustedes', 'él', 'ella',
    'ellos', 'ellas', 'nosotros', 'me', 'te', 'se', 'le', 'les', 'mi', 'mis', 'tu', 'tus', 'su', 'sus',
    'nuestro', 'nuestra', 'muy', 'más', 'menos', 'también', 'todo', 'todos', 'toda', 'todas', 'otro',
    'otra', 'otros', 'otras', 'mismo', 'misma', 'no', 'sí', 'si', 'gracias', 'por favor', 'quiero',
    'quisiera', 'necesito', 'busco', 'puedes', 'puede', 'podrías', 'dime', 'dame', 'muéstrame', 'háblame',
    'explícame', 'cuéntame', 'resume', 'resúmeme', 'sabes', 'saber', 'conocer', 'algo', 'algún', 'alguno',
    'alguna', 'algunos', 'nada', 'cosa', 'información', 'info', 'datos', 'detalles', 'proyecto', 'proyectos',
    'programa', 'programas', 'cooperativa', 'cooperativas', 'cooperativo', 'cooperativos', 'socio', 'socios',
    'alianza', 'alianzas', 'organización', 'organizaciones', 'país', 'países', 'año', 'años', 'video',
    'vídeo', 'videos', 'enlace', 'ayuda', 'hola', 'buenos', 'buenas', 'días', 'trabaja', 'trabajan',
    'trabajo', 'labor', 'papel', 'actividades', 'presencia', 'interesa', 'me interesa', 'acerca', 'respecto',
    'tiene', 'existe', 'existen', 'hay', 'alguna', 'sobre', 'cuál', 'ya', 'aún', 'todavía', 'ahora', 'bien',
    'entonces', 'luego', 'cada', 'varios', 'varias', 'porque', 'pues', 'aquel', 'aquella', 'será', 'serán',
    'sería', 'desarrolla', 'realiza', 'apoya', 'ayuda', 'funciona', 'empezó', 'comenzó',
    'canadiense', 'canadienses', 'desarrollo', 'cooperación', 'enero', 'febrero', 'marzo', 'abril', 'mayo',
    'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre', 'lunes', 'martes',
    'miércoles', 'jueves', 'viernes', 'sábado', 'domingo', 'inglés', 'francés', 'español', 'mes', 'semana',
  ],
  cues: {
    greeting: ['hola', 'buenos días', 'buen día', 'buenas tardes', 'buenas noches', 'buenas', 'saludos', 'qué tal', 'holi', 'holaa', 'ey'],
    thanks: ['gracias', 'muchas gracias', 'mil gracias', 'te agradezco', 'se agradece', 'perfecto gracias', 'genial gracias'],
    farewell: ['adiós', 'hasta luego', 'hasta pronto', 'nos vemos', 'chao', 'chau', 'hasta mañana', 'cuídate'],
    smallTalk: ['cómo estás', 'cómo está', 'qué tal estás', 'el bot', 'a todos', 'amigo', 'robot'],
    help: [
      'ayuda', 'ayúdame', 'ayudame', 'qué puedes hacer', 'qué haces', 'cómo funciona', 'cómo funcionas',
      'cómo se usa', 'cómo usar', 'cómo te uso', 'quién eres', 'qué eres', 'qué sabes', 'qué puedo preguntar',
      'qué te puedo preguntar', 'opciones', 'menú', 'comandos', 'instrucciones', 'para qué sirves',
      'cómo funciona este chat', 'qué es esto', 'puedo preguntarte', 'puedo preguntarle', 'te puedo preguntar',
      'qué tipo de preguntas', 'qué preguntas',
    ],
    overview: [
      'panorama', 'panorama general', 'visión general', 'visión de conjunto', 'resumen general', 'en general',
      'en conjunto', 'experiencia combinada', 'experiencia conjunta', 'cuántos países', 'quién financia',
      'quién paga', 'financiadores', 'el dinero', 'donantes',
      'prestamistas', 'estas alianzas', 'las alianzas', 'estas asociaciones', 'intercooperación',
      'tres organizaciones', 'las tres', 'esta guía', 'la guía', 'este documento', 'el documento',
      'en resumen', 'resumen global', 'financieramente', 'quién apoya financieramente', 'gobierno canadiense',
      'gobierno de canadá', 'estas colaboraciones', 'objetivo general',
    ],
    overviewWeak: ['alianzas', 'alianza', 'asociaciones', 'cooperativas canadienses', 'en américa latina', 'en latinoamérica', 'por qué', 'propósito', 'colaboración entre', 'financiamiento', 'financiación', 'financiado'],
    list: [
      'proyectos', 'programas', 'iniciativas', 'actividades', 'acciones', 'lista', 'listar', 'todos', 'todas',
      'qué proyectos', 'cuáles proyectos', 'cuáles son los proyectos', 'muéstrame', 'los demás', 'otros proyectos',
      'intervenciones',
    ],
    singular: ['proyecto', 'programa', 'iniciativa', 'el de', 'la de', 'cuál', 'ese proyecto', 'este proyecto'],
    profile: [
      'perfil', 'descripción', 'descríbeme', 'presentación', 'preséntame', 'quién es', 'qué es', 'historia',
      'misión', 'fundada', 'fundó', 'fundación', 'desde cuándo', 'hace cuánto',
      'sitio web', 'pionera', 'pionero', 'miembros',
    ],
    outOfScope: [
      'clima', 'pronóstico', 'temperatura', 'lluvia', 'hotel', 'hoteles', 'hostal', 'restaurante', 'restaurantes',
      'comida', 'comer', 'receta', 'vuelo', 'vuelos', 'aeropuerto', 'visa', 'pasaporte', 'marcador', 'resultado del partido',
      'partido de', 'deporte', 'deportes', 'fútbol', 'béisbol', 'hockey', 'metro', 'autobús', 'taxi', 'horario del',
      'traducir', 'tradúceme', 'traduce', 'traducción', 'capital de', 'población', 'presidente', 'elecciones',
      'moneda', 'tipo de cambio', 'bolsa', 'chiste', 'chistes', 'película', 'canción', 'música', 'poema',
      'programar', 'código', 'python', 'bitcoin', 'playa', 'playas', 'turista', 'turismo', 'museo', 'recomiendas',
      'recomiendes', 'recomendar', 'recomiéndame', 'tarea', 'cuenta bancaria', 'hipoteca', 'salario', 'qué hora',
      'vacaciones', 'qué visitar', 'sentido de la vida', 'lotería',
    ],
    continuation: ['y', 'y en', 'y el', 'y la', 'y para', 'y qué tal', 'qué tal', 'y sobre', 'también', 'lo mismo para', 'e'],
    anaphora: [
      'lo', 'le', 'les', 'su', 'sus', 'ese', 'esa', 'este', 'esta', 'eso', 'esto', 'ese proyecto',
      'este proyecto', 'ellos', 'ellas', 'el de', 'la de', 'el proyecto', 'allí', 'allá', 'ahí',
    ],
    domain: [
      'proyecto', 'proyectos', 'programa', 'programas', 'iniciativa', 'iniciativas', 'cooperativa', 'cooperativas',
      'cooperativo', 'cooperativos', 'coop', 'alianza', 'alianzas', 'socio', 'socios', 'organización',
      'organizaciones', 'mutual', 'mutuales', 'mutualista',
    ],
    'facet:video': ['video', 'vídeo', 'videos', 'vídeos', 'grabación', 'película', 'youtube', 'vimeo', 'clip', 'enlace al video'],
    'facet:lead': [
      'quién dirige', 'quién lleva', 'quién gestiona', 'quién maneja', 'quién está detrás', 'quién está a cargo',
      'qué organización', 'cuál organización', 'qué entidad', 'a cargo', 'dirigido por', 'liderado por',
      'gestionado por', 'responsable', 'quién lo realiza', 'quién ejecuta', 'ejecutado por', 'quién lidera',
    ],
    'facet:partners': [
      'socio', 'socios', 'aliado', 'aliados', 'con quién', 'colabora', 'colaboran', 'colaboración',
      'trabaja con', 'trabajan con', 'contraparte', 'contrapartes', 'junto con', 'en alianza con', 'actores',
    ],
    'facet:period': [
      'cuándo', 'qué año', 'en qué año', 'desde cuándo', 'cuánto tiempo', 'duración', 'empezó', 'comenzó',
      'inició', 'inicio', 'arrancó', 'termina', 'terminó', 'fin', 'hasta cuándo', 'periodo', 'período',
      'fechas', 'cuántos años', 'dura', 'años',
    ],
    'facet:location': ['dónde', 'en qué país', 'qué país', 'ubicación', 'ubicado', 'ubicada'],
    'facet:results': ['resultados', 'resultado', 'impacto', 'impactos', 'logros', 'efectos', 'beneficios', 'balance'],
    'facet:website': ['sitio web', 'página web', 'web', 'dirección web', 'url', 'página', 'en línea'],
    'facet:funders': ['financiadores', 'quién financia', 'quién paga', 'el dinero', 'donantes', 'prestamistas'],
    'facet:budget': ['presupuesto', 'cuánto cuesta', 'cuánto costó', 'costo', 'coste', 'monto', 'cuánto dinero', 'dólares'],
    'facet:more': ['más', 'cuéntame más', 'dime más', 'detalles', 'más detalles', 'más información', 'amplía', 'resumen', 'resúmeme', 'sigue'],
    'ordinal:1': ['primero', 'primera', 'primer', '1º', 'el primero', 'la primera'],
    'ordinal:2': ['segundo', 'segunda', '2º', 'el segundo', 'la segunda'],
    'ordinal:3': ['tercero', 'tercera', 'tercer', '3º', 'el tercero', 'la tercera'],
    'ordinal:last': ['último', 'última', 'el último', 'la última'],
    other: ['el otro', 'la otra', 'y el otro', 'y la otra', 'el otro proyecto', 'del otro', 'de la otra'],
  },
};

export const LEXICONS: Record<Language, LanguageLexicon> = { en, fr, es };
