// Package sqltext reads static SQL text the way a database would read its
// outermost statement, without a full grammar: a tokenizer that knows
// string literals, quoted identifiers, comments and parentheses, and a
// statement classifier built on it. Analyzers use it to tell what a query
// constant found in Go code does: Classify says whether it reads, writes or
// changes the schema, and Config.Rows whether a read has a bound on its
// number of rows.
//
// The text may contain Hole, which stands for a part that is not known
// statically (a fmt verb, a non-constant operand of a concatenation). A
// hole where a value or a name goes is read as one; a hole where a whole
// clause could go makes the answer unknown.
//
// The dialect is the common subset of PostgreSQL, MySQL, SQLite and SQL
// Server that application code uses. Every function accepts any input and
// never panics; text it cannot follow yields Unknown.
package sqltext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Hole stands for a part of the text that is not known statically.
const Hole = "\x00"

// A TokenKind is the lexical class of a token.
type TokenKind uint8

const (
	Word        TokenKind = iota + 1 // identifier or keyword, unquoted
	QuotedIdent                      // "name", `name`
	String                           // 'text', E'text', $tag$text$tag$
	Number                           // 42, 1.5e3, 0xff
	Param                            // $1, ?, :name, @name
	Op                               // operators and other punctuation
	LParen                           // ( or [
	RParen                           // ) or ]
	Comma                            // ,
	Semicolon                        // ;
	Dot                              // .
	HoleTok                          // Hole
)

// A Token is one lexical token of SQL text. Comments and white space are
// not tokens.
type Token struct {
	Kind TokenKind
	Text string // as written; for quoted identifiers, without the quotes
	// Depth is the number of parentheses (and brackets) open around the
	// token; a parenthesis has the depth of the text around it.
	Depth int
}

// Is reports whether t is the unquoted keyword kw (case-insensitive).
func (t Token) Is(kw string) bool {
	return t.Kind == Word && strings.EqualFold(t.Text, kw)
}

// Tokenize splits sql into tokens. complete is false when the text ends
// inside a string, a quoted identifier or a block comment, or when its
// parentheses do not balance; the tokens read so far are still returned.
func Tokenize(sql string) (toks []Token, complete bool) {
	complete = true
	depth := 0
	add := func(k TokenKind, text string) {
		toks = append(toks, Token{Kind: k, Text: text, Depth: depth})
	}
	i := 0
	n := len(sql)
	for i < n {
		c := sql[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == 0:
			add(HoleTok, Hole)
			i++
		case c == '-' && i+1 < n && sql[i+1] == '-':
			j := strings.IndexByte(sql[i:], '\n')
			if j < 0 {
				i = n
			} else {
				i += j + 1
			}
		case c == '/' && i+1 < n && sql[i+1] == '*':
			end, ok := blockComment(sql, i)
			if !ok {
				complete = false
			}
			i = end
		case c == '\'':
			end, ok := quoted(sql, i, '\'', false)
			if !ok {
				complete = false
			}
			add(String, sql[i:end])
			i = end
		case c == '"' || c == '`':
			end, ok := quoted(sql, i, c, false)
			if !ok {
				complete = false
			}
			text := sql[i+1 : end]
			if ok {
				text = sql[i+1 : end-1]
			}
			add(QuotedIdent, text)
			i = end
		case c == '$':
			j := i + 1
			for j < n && isDigit(sql[j]) {
				j++
			}
			if j > i+1 {
				add(Param, sql[i:j])
				i = j
				break
			}
			// $tag$ ... $tag$ or $$ ... $$
			j = i + 1
			for j < n && isTagByte(sql[j], j == i+1) {
				j++
			}
			if j < n && sql[j] == '$' {
				tag := sql[i : j+1]
				k := strings.Index(sql[j+1:], tag)
				if k < 0 {
					complete = false
					add(String, sql[i:])
					i = n
				} else {
					end := j + 1 + k + len(tag)
					add(String, sql[i:end])
					i = end
				}
				break
			}
			add(Op, "$")
			i++
		case c == '?':
			add(Param, "?")
			i++
		case c == ':' && i+1 < n && isIdentStart(sql, i+1):
			j := identEnd(sql, i+1)
			add(Param, sql[i:j])
			i = j
		case c == '@' && i+1 < n && isIdentStart(sql, i+1):
			j := identEnd(sql, i+1)
			add(Param, sql[i:j])
			i = j
		case c == '(' || c == '[':
			add(LParen, sql[i:i+1])
			depth++
			i++
		case c == ')' || c == ']':
			if depth == 0 {
				complete = false
			} else {
				depth--
			}
			add(RParen, sql[i:i+1])
			i++
		case c == ',':
			add(Comma, ",")
			i++
		case c == ';':
			add(Semicolon, ";")
			i++
		case c == '.' && !(i+1 < n && isDigit(sql[i+1])):
			add(Dot, ".")
			i++
		case isDigit(c) || c == '.':
			j := i + 1
			for j < n {
				d := sql[j]
				if isIdentByte(d) || d == '.' {
					j++
				} else if (d == '+' || d == '-') && (sql[j-1] == 'e' || sql[j-1] == 'E') && !strings.HasPrefix(sql[i:], "0x") {
					j++
				} else {
					break
				}
			}
			add(Number, sql[i:j])
			i = j
		case isIdentStart(sql, i):
			j := identEnd(sql, i)
			// Prefixed string literals: E'...', N'...', B'...', X'...'.
			if j == i+1 && j < n && sql[j] == '\'' && strings.ContainsRune("eEnNbBxX", rune(c)) {
				end, ok := quoted(sql, j, '\'', c == 'e' || c == 'E')
				if !ok {
					complete = false
				}
				add(String, sql[i:end])
				i = end
				break
			}
			add(Word, sql[i:j])
			i = j
		case strings.IndexByte(opChars, c) >= 0:
			j := i + 1
			for j < n && strings.IndexByte(opChars, sql[j]) >= 0 {
				// An operator never swallows the start of a comment.
				if sql[j] == '-' && j+1 < n && sql[j+1] == '-' || sql[j] == '/' && j+1 < n && sql[j+1] == '*' {
					break
				}
				j++
			}
			add(Op, sql[i:j])
			i = j
		default:
			_, size := utf8.DecodeRuneInString(sql[i:])
			add(Op, sql[i:i+size])
			i += size
		}
	}
	if depth != 0 {
		complete = false
	}
	return toks, complete
}

const opChars = "+-*/<>=~!@#%^&|:"

// quoted returns the end of the quoted text starting at sql[i] (the quote),
// where a doubled quote stands for itself and, if backslash is set, a
// backslash escapes the next byte.
func quoted(sql string, i int, q byte, backslash bool) (end int, ok bool) {
	for j := i + 1; j < len(sql); j++ {
		switch sql[j] {
		case '\\':
			if backslash {
				j++
			}
		case q:
			if j+1 < len(sql) && sql[j+1] == q {
				j++
				continue
			}
			return j + 1, true
		}
	}
	return len(sql), false
}

// blockComment returns the end of the (possibly nested) block comment
// starting at sql[i].
func blockComment(sql string, i int) (end int, ok bool) {
	level := 0
	for j := i; j+1 < len(sql); j++ {
		switch {
		case sql[j] == '/' && sql[j+1] == '*':
			level++
			j++
		case sql[j] == '*' && sql[j+1] == '/':
			level--
			j++
			if level == 0 {
				return j + 1, true
			}
		}
	}
	return len(sql), false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isIdentByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '$'
}

// isTagByte reports whether c may stand in a dollar-quote tag.
func isTagByte(c byte, first bool) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || !first && isDigit(c)
}

func isIdentStart(sql string, i int) bool {
	c := sql[i]
	if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' {
		return true
	}
	if c < utf8.RuneSelf {
		return false
	}
	r, _ := utf8.DecodeRuneInString(sql[i:])
	return unicode.IsLetter(r)
}

func identEnd(sql string, i int) int {
	for i < len(sql) {
		c := sql[i]
		if isIdentByte(c) {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(sql[i:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				i += size
				continue
			}
		}
		break
	}
	return i
}
