// natural's stemmers are loaded one by one (the package's index pulls in every module it has,
// which costs about a second at start); these declarations type the three we use.
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
