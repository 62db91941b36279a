// The web chat page: picks the reader's language (en, fr or es) for the intro and for the bot,
// connects Web Chat to the bot (the local Direct Line, or Azure's with a token from the server),
// asks the bot for its welcome in that language, and turns the example questions into buttons
// that send themselves. On a phone the intro starts folded, so that the send box is on screen.
(function () {
  'use strict';

  var TEXTS = {
    en: {
      eyebrow: 'DID · SOCODEVI · CCA',
      title: 'Co-op Partners',
      subtitle: 'Canada–Latin America co-operative partnerships',
      introTitle: 'Ask about the partnerships',
      intro: 'Three Canadian co-operative development organizations work with co-operatives across Latin America and the Caribbean. Ask about a country, an organization, a sector, a project or its videos, in English, French or Spanish.',
      tryThese: 'Try these questions:',
      examples: ['What does SOCODEVI do in Honduras?', 'Projects in Bolivia', 'Is there a video of the Panama project?'],
      error: 'The chat could not connect to the bot. Please reload the page.'
    },
    fr: {
      eyebrow: 'DID · SOCODEVI · ACC',
      title: 'Partenaires coopératifs',
      subtitle: 'Partenariats coopératifs Canada–Amérique latine',
      introTitle: 'Posez vos questions sur les partenariats',
      intro: 'Trois organisations canadiennes de développement coopératif travaillent avec des coopératives d’Amérique latine et des Caraïbes. Interrogez-moi sur un pays, une organisation, un secteur, un projet ou ses vidéos, en français, en anglais ou en espagnol.',
      tryThese: 'Essayez ces questions :',
      examples: ['Que fait DID en Haïti ?', 'Projets en Bolivie', 'Y a-t-il une vidéo du projet au Panama ?'],
      error: 'Le clavardage n’a pas pu joindre le robot. Veuillez recharger la page.'
    },
    es: {
      eyebrow: 'DID · SOCODEVI · CCA',
      title: 'Socios Cooperativos',
      subtitle: 'Alianzas cooperativas Canadá–América Latina',
      introTitle: 'Pregunte sobre las alianzas',
      intro: 'Tres organizaciones canadienses de desarrollo cooperativo trabajan con cooperativas de América Latina y el Caribe. Pregunte por un país, una organización, un sector, un proyecto o sus videos, en español, inglés o francés.',
      tryThese: 'Pruebe estas preguntas:',
      examples: ['¿Qué hace SOCODEVI en Honduras?', 'Proyectos en Bolivia', '¿Hay un video del proyecto en Panamá?'],
      error: 'No se pudo conectar con el bot. Vuelva a cargar la página.'
    }
  };

  var locale = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  var language = locale.slice(0, 2).toLowerCase();
  if (!TEXTS[language]) language = 'en';
  var texts = TEXTS[language];

  document.documentElement.lang = language;
  document.title = texts.title + ' — ' + texts.subtitle;
  Array.prototype.forEach.call(document.querySelectorAll('[data-text]'), function (element) {
    element.textContent = texts[element.getAttribute('data-text')];
  });

  // The intro is open beside the chat on a wide screen, folded above it on a phone.
  var intro = document.getElementById('intro');
  var phone = window.matchMedia('(max-width: 760px)');
  var narrow = window.matchMedia('(max-width: 480px)').matches;
  intro.open = !phone.matches;
  phone.addEventListener('change', function () { intro.open = !phone.matches; });

  // Set once Web Chat is connected; until then the example buttons wait.
  var sendQuestion = null;
  var examples = document.getElementById('examples');
  texts.examples.forEach(function (example) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'example';
    button.textContent = example;
    button.addEventListener('click', function () {
      if (!sendQuestion) return;
      sendQuestion(example);
      if (phone.matches) intro.open = false;
    });
    examples.appendChild(button);
  });

  function showError() {
    var error = document.getElementById('chat-error');
    error.textContent = texts.error;
    error.hidden = false;
  }

  // Both modes start with a conversation token from the server: Azure's Direct Line (through the
  // server, which keeps the secret) or the bot's local Direct Line.
  function directLine(config) {
    return fetch('/api/directline/token', { method: 'POST' })
      .then(function (response) { if (!response.ok) throw new Error('token ' + response.status); return response.json(); })
      .then(function (body) {
        if (config.mode === 'azure') return window.WebChat.createDirectLine({ token: body.token });
        return window.WebChat.createDirectLine({ token: body.token, domain: window.location.origin + '/v3/directline', webSocket: false, pollingInterval: 300 });
      });
  }

  // Once connected, ask the bot for its welcome, in the reader's language.
  var store = window.WebChat.createStore({}, function () {
    return function (next) {
      return function (action) {
        if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
          setTimeout(function () {
            store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { locale: locale } } });
            sendQuestion = function (text) { store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: text } }); };
          }, 0);
        }
        return next(action);
      };
    };
  });

  fetch('/api/chat-config')
    .then(function (response) { return response.json(); })
    .then(directLine)
    .then(function (line) {
      window.WebChat.renderWebChat(
        {
          directLine: line,
          store: store,
          locale: locale,
          userID: 'web-' + Math.random().toString(36).slice(2),
          styleOptions: {
            // Fill the chat pane: the transcript scrolls inside it, the send box stays at its foot.
            rootHeight: '100%',
            // A new reply scrolls in until it fills the pane, then stops: a reply taller than the
            // pane shows its top first, and the reader scrolls on.
            autoScrollSnapOnPage: true,
            autoScrollSnapOnPageOffset: 0,
            accent: '#0f6b5c',
            // No avatars on a phone: their column would take a sixth of the width from the cards.
            botAvatarInitials: narrow ? undefined : 'CP',
            userAvatarInitials: narrow ? undefined : language === 'fr' ? 'Moi' : language === 'es' ? 'Yo' : 'Me',
            bubbleBackground: '#f3f7f6',
            bubbleBorderRadius: 10,
            bubbleFromUserBackground: '#0f6b5c',
            bubbleFromUserTextColor: '#ffffff',
            bubbleFromUserBorderRadius: 10,
            hideUploadButton: true,
            suggestedActionLayout: 'flow'
          }
        },
        document.getElementById('webchat')
      );
    })
    .catch(showError);
})();
