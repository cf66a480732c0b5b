/**
 * The TeX of an arXiv title as plain text. arXiv's `citation_title` is the title as its authors
 * typed it (`H$_2$O`, `Gr\"obner`, `$\infty$-former`, `{BERT}`), while a note names the paper
 * the plain way ("H2O", "Gröbner", "∞-former"): the common TeX is read here, and what is not known
 * is left as written (`$\sqrt{T}$` stays `\sqrt{T}`), never guessed at.
 */

/** Accent commands and the combining mark each puts on its letter. */
const ACCENTS: Record<string, string> = {
  '"': '\u0308', "'": '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  u: '\u0306', v: '\u030C', H: '\u030B', c: '\u0327', k: '\u0328', r: '\u030A',
};

/** Control words that stand for a character or a word of their own. */
const SYMBOLS: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
  theta: 'θ', vartheta: 'ϑ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π',
  varpi: 'ϖ', rho: 'ρ', varrho: 'ϱ', sigma: 'σ', varsigma: 'ς', tau: 'τ', upsilon: 'υ', phi: 'ϕ',
  varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Upsilon: 'Υ',
  Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
  infty: '∞', times: '×', cdot: '·', cdots: '⋯', ldots: '…', dots: '…', pm: '±', mp: '∓',
  leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', ne: '≠', approx: '≈', sim: '∼', simeq: '≃',
  equiv: '≡', propto: '∝', ll: '≪', gg: '≫', to: '→', rightarrow: '→', leftarrow: '←',
  leftrightarrow: '↔', Rightarrow: '⇒', Leftarrow: '⇐', Leftrightarrow: '⇔', mapsto: '↦',
  in: '∈', notin: '∉', subset: '⊂', subseteq: '⊆', cup: '∪', cap: '∩', forall: '∀', exists: '∃',
  emptyset: '∅', partial: '∂', nabla: '∇', sum: '∑', prod: '∏', int: '∫', circ: '∘', star: '⋆',
  ast: '∗', oplus: '⊕', otimes: '⊗', dagger: '†', ell: 'ℓ', hbar: 'ℏ', neg: '¬', land: '∧',
  lor: '∨', wedge: '∧', vee: '∨', langle: '⟨', rangle: '⟩', prime: '′', degree: '°',
  log: 'log', ln: 'ln', exp: 'exp', max: 'max', min: 'min', sin: 'sin', cos: 'cos',
  ss: 'ß', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', o: 'ø', O: 'Ø', l: 'ł', L: 'Ł',
  i: 'ı', j: 'ȷ', TeX: 'TeX', LaTeX: 'LaTeX', textendash: '–', textemdash: '—', textasciitilde: '~',
  textbar: '|', textless: '<', textgreater: '>', S: '§', P: '¶', copyright: '©', euro: '€',
};

/** Commands whose argument is text in a style, and the older declarations `{\em …}`. */
const STYLE = /\\(?:emph|textbf|textit|texttt|textsc|textsf|textrm|textup|textsl|textnormal|text|mathrm|mathbf|mathit|mathsf|mathtt|mathcal|mathnormal|boldsymbol|bm|mbox|underline)\s*\{([^{}]*)\}/g;
const DECLARATION = /\{\\(?:em|bf|it|sc|tt|rm|sf|sl|bfseries|itshape|scshape)(?![A-Za-z])\s*/g;
const DOUBLE_STRUCK: Record<string, string> = { R: 'ℝ', N: 'ℕ', Z: 'ℤ', Q: 'ℚ', C: 'ℂ' };

/** Characters written as control symbols (`\&`, `\$`, `\{`), kept aside until the rest is read. */
const ESCAPED = '&%#_${}';
const stash = (c: string) => String.fromCharCode(0xe000 + ESCAPED.indexOf(c));
const STASHED = /[\uE000-\uE006]/g;
/** Where a formula ended, so that `$\mu$P` reads as `\mu` then `P`, not as a command `\muP`. */
const END_OF_MATH = '\uE010';

/** An accent command on its letter: `\"o`, `\"{o}`, `\c{c}`, `\v s`, `\'\i`. */
const ACCENTED = /\\(["'`^~=.]|[uvHckr](?![A-Za-z]))\s*(?:\{\s*(\\[ij](?![A-Za-z])|[A-Za-z])\s*\}|(\\[ij](?![A-Za-z])|[A-Za-z]))/g;

/** Whether a title holds anything this reads; most hold none of it. */
const MAY_BE_TEX = /[\\${}]|--|``|''/;

export function texToText(title: string): string {
  // The private-use characters this keeps its marks in are never in a real title; were one there,
  // the title is left as it is.
  if (!MAY_BE_TEX.test(title) || /[\uE000-\uE010]/.test(title)) return title;
  let text = title
    // A line break (`\\`, `\newline`) is a space between two words, as a page shows it.
    .replace(/\\\\|\\newline(?![A-Za-z])/g, ' ')
    .replace(/\\([&%#_${}])/g, (_, c: string) => stash(c))
    // Math: its delimiters, and the sub- and superscript marks (`H$_2$O`, `S$^3$`) go.
    .replace(/\$([^$]+)\$|\\\((.+?)\\\)/g, (_, dollars?: string, parens?: string) => (dollars ?? parens)!.replace(/[_^]/g, '') + END_OF_MATH)
    .replace(ACCENTED, (_, accent: string, braced?: string, bare?: string) => {
      const letter = (braced ?? bare)!.replace(/^\\([ij])$/, '$1');
      return (letter + ACCENTS[accent]).normalize('NFC');
    })
    .replace(DECLARATION, '{')
    .replace(/\\mathbb\s*\{([RNZQC])\}/g, (_, c: string) => DOUBLE_STRUCK[c]!);
  // Styles inside styles (`\textbf{\emph{x}}`): the innermost first.
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(STYLE, '$1');
  }
  text = text
    // A known control word, and the `{}` that may end it (`\LaTeX{}`); an unknown one stays.
    .replace(/\\([A-Za-z]+)(\{\})?/g, (whole, name: string) => SYMBOLS[name] ?? whole)
    .replace(/\\[,;:> ]/g, ' ')
    .replace(/\\[!/-]/g, '');
  // Braces that only group (`{BERT}`, `_{2}`, `{ö}`), not an unknown command's argument.
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(/(?<!\\[A-Za-z]+\s*|\})\{([^{}]*)\}/g, '$1');
  }
  return text
    .replace(/---/g, '—')
    .replace(/--/g, '–')
    .replace(/``/g, '“')
    .replace(/''/g, '”')
    .replace(STASHED, (c) => ESCAPED[c.charCodeAt(0) - 0xe000]!)
    .replaceAll(END_OF_MATH, '')
    .replace(/\s+/g, ' ')
    .trim();
}
