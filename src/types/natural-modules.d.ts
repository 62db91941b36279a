// natural's modules are loaded one by one (the package's index pulls in every module it has,
// which costs about a second at start); these declarations type the ones we use.
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const stemmer: { stem(token: string): string };
  export = stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_fr' {
  const stemmer: { stem(token: string): string };
  export = stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_es' {
  const stemmer: { stem(token: string): string };
  export = stemmer;
}

declare module 'natural/lib/natural/classifiers/bayes_classifier' {
  /** natural's naive Bayes classifier, given documents as arrays of features (already normalised). */
  class BayesClassifier {
    constructor(stemmer?: unknown, smoothing?: number);
    addDocument(features: string[], label: string): void;
    train(): void;
    getClassifications(features: string[]): Array<{ label: string; value: number }>;
    classify(features: string[]): string;
    static restore(saved: BayesClassifier, stemmer?: unknown): BayesClassifier;
  }
  export = BayesClassifier;
}
