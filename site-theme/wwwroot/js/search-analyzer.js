// The query side of the search analyzer: exactly the steps of the generator's SearchAnalyzer.cs,
// checked against the same test vectors (tests/search/analyzer-vectors.json) in the browser tests.
const DIGITS = "零一二三四五六七八九";

function digitValue(c) {
  if (c === "〇" || c === "零") return 0;
  if (c === "两") return 2;
  const i = DIGITS.indexOf(c);
  return i > 0 ? i : null;
}

/** Chinese or Arabic numeral → number, or null; the same rules as ChineseNumeral.Parse. */
export function parseNumeral(text) {
  if (text.length === 0) return null;
  if (/^[0-9]+$/.test(text)) return text.length <= 6 && text[0] !== "0" ? Number(text) : null;
  if (!/[十百千]/.test(text)) {
    let value = 0;
    for (const c of text) {
      const d = digitValue(c);
      if (d === null) return null;
      value = value * 10 + d;
    }
    return text.length <= 4 && digitValue(text[0]) !== 0 ? value : null;
  }
  let total = 0;
  let pending = -1;
  let lastUnit = 10000;
  let zeroSeen = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const unit = c === "十" ? 10 : c === "百" ? 100 : c === "千" ? 1000 : 0;
    if (unit > 0) {
      if (unit >= lastUnit) return null;
      if (pending < 0 && !(unit === 10 && i === 0)) return null;
      if (pending === 0) return null;
      total += (pending < 0 ? 1 : pending) * unit;
      lastUnit = unit;
      pending = -1;
      zeroSeen = false;
      continue;
    }
    const d = digitValue(c);
    if (d === null || (pending >= 0 && !(pending === 0 && d > 0))) return null;
    if (d === 0) {
      if (zeroSeen || i === 0) return null;
      zeroSeen = true;
      pending = 0;
      continue;
    }
    if (c === "两" && i !== 0 && lastUnit <= 10) return null;
    pending = d;
    if (zeroSeen) lastUnit = Math.min(lastUnit, 100);
  }
  if (pending > 0) {
    if (lastUnit > 10 && !zeroSeen) return null;
    total += pending;
  } else if (pending === 0) {
    return null;
  }
  return total;
}

const ARTICLE = /第?([0-9零〇一二两三四五六七八九十百千]+)条(?![件文例款目])/g;

function isHan(c) {
  const code = c.charCodeAt(0);
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

export function tokenize(text) {
  let normal = text.normalize("NFKC").toLowerCase();
  normal = normal.replace(ARTICLE, (match, digits) => {
    const n = parseNumeral(digits);
    return n === null ? match : ` §${n} `;
  });
  const tokens = [];
  let han = "";
  let word = "";
  const flushHan = () => {
    for (let i = 0; i < han.length; i++) {
      tokens.push(han[i]);
      if (i + 1 < han.length) tokens.push(han.slice(i, i + 2));
    }
    han = "";
  };
  const flushWord = () => {
    if (word) tokens.push(word);
    word = "";
  };
  for (const c of normal) {
    if (c.length === 1 && isHan(c)) {
      flushWord();
      han += c;
    } else if ((c >= "a" && c <= "z") || (c >= "0" && c <= "9") || (c === "§" && word === "")) {
      flushHan();
      word += c;
    } else {
      flushHan();
      flushWord();
    }
  }
  flushHan();
  flushWord();
  return tokens;
}
