using System.Buffers;
using System.Globalization;
using System.Text;

namespace Bilingual.Core.Segmentation;

/// <summary>
/// Rewrites a Java (<c>java.util.regex</c>) pattern, the dialect SRX files are written in, into an
/// equivalent .NET pattern. Handled: possessive quantifiers (as atomic groups), <c>\Q…\E</c>,
/// <c>\h</c>/<c>\v</c>/<c>\R</c>, <c>\x{…}</c>, octal <c>\0…</c>, POSIX, <c>java…</c>, <c>Is…</c>,
/// <c>In…</c> and script properties, nested and intersected character classes (<c>[\p{L}&amp;&amp;[^rwn]]</c>
/// becomes <c>[\p{L}-[rwn]]</c>), the <c>u</c>/<c>U</c>/<c>d</c> inline flags, and Java's <c>.</c>,
/// which excludes every line terminator. <c>\d</c>, <c>\w</c>, <c>\s</c> and <c>\b</c> keep .NET's
/// Unicode meaning, which only widens them beyond ASCII. Anything else Java-only is rejected with a
/// <see cref="FormatException"/> that says what and where.
/// </summary>
internal static class JavaRegexTranslator
{
    private const string HorizontalSpace = @" \t\u00A0\u1680\u180E\u2000-\u200A\u202F\u205F\u3000";
    private const string VerticalSpace = @"\n\u000B\f\r\u0085\u2028\u2029";
    private const string LineTerminators = @"\n\r\u0085\u2028\u2029";

    private static readonly SearchValues<char> CountCharacters = SearchValues.Create("0123456789,");

    private static readonly Dictionary<string, string> Properties = new(StringComparer.Ordinal)
    {
        // POSIX classes: US-ASCII only in Java unless UNICODE_CHARACTER_CLASS is set.
        ["Lower"] = "a-z",
        ["Upper"] = "A-Z",
        ["ASCII"] = @"\u0000-\u007F",
        ["Alpha"] = "a-zA-Z",
        ["Digit"] = "0-9",
        ["Alnum"] = "a-zA-Z0-9",
        ["Punct"] = @"!-/:-@\[-`{-~",
        ["Graph"] = "!-~",
        ["Print"] = " -~",
        ["Blank"] = @" \t",
        ["Cntrl"] = @"\u0000-\u001F\u007F",
        ["XDigit"] = "0-9a-fA-F",
        ["Space"] = @" \t\n\u000B\f\r",

        // java.lang.Character predicates.
        ["javaLowerCase"] = @"\p{Ll}",
        ["javaUpperCase"] = @"\p{Lu}",
        ["javaTitleCase"] = @"\p{Lt}",
        ["javaLetter"] = @"\p{L}",
        ["javaDigit"] = @"\p{Nd}",
        ["javaLetterOrDigit"] = @"\p{L}\p{Nd}",
        ["javaAlphabetic"] = @"\p{L}\p{Nl}",
        ["javaSpaceChar"] = @"\p{Z}",
        ["javaWhitespace"] = @"\t\n\u000B\f\r\u001C-\u001F\u0020\u1680\u2000-\u2006\u2008-\u200A\u2028\u2029\u205F\u3000",
        ["javaISOControl"] = @"\u0000-\u001F\u007F-\u009F",

        // Unicode binary properties (Is…); Alphabetic also has a few marks, left out.
        ["IsAlphabetic"] = @"\p{L}\p{Nl}",
        ["IsLetter"] = @"\p{L}",
        ["IsDigit"] = @"\p{Nd}",
        ["IsUppercase"] = @"\p{Lu}",
        ["IsLowercase"] = @"\p{Ll}",
        ["IsTitlecase"] = @"\p{Lt}",
        ["IsPunctuation"] = @"\p{P}",
        ["IsControl"] = @"\p{Cc}",
        ["IsWhite_Space"] = @" \t\n\u000B\f\r\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000",
        ["IsWhiteSpace"] = @" \t\n\u000B\f\r\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000",
        ["IsHex_Digit"] = @"0-9A-Fa-f\uFF10-\uFF19\uFF21-\uFF26\uFF41-\uFF46",
        ["IsHexDigit"] = @"0-9A-Fa-f\uFF10-\uFF19\uFF21-\uFF26\uFF41-\uFF46",
        ["IsIdeographic"] = @"\u3006\u3007\u3021-\u3029\u3038-\u303A\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF",

        // Scripts .NET has no name for, as the ranges of their main blocks.
        ["IsLatin"] = @"A-Za-z\u00AA\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF\u2C60-\u2C7F\uA720-\uA7FF\uFF21-\uFF3A\uFF41-\uFF5A",
        ["IsCyrillic"] = @"\u0400-\u052F\u1C80-\u1C8F\u2DE0-\u2DFF\uA640-\uA69F",
        ["IsGreek"] = @"\u0370-\u0373\u0375-\u0377\u037A-\u037D\u037F\u0384\u0386\u0388-\u03E1\u03F0-\u03FF\u1F00-\u1FFE",
        ["IsArabic"] = @"\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF",
        ["IsHebrew"] = @"\u0591-\u05F4\uFB1D-\uFB4F",
        ["IsHan"] = @"\u2E80-\u2FDF\u3005\u3007\u3021-\u3029\u3038-\u303B\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF",
    };

    private static readonly HashSet<string> GeneralCategories = new(StringComparer.Ordinal)
    {
        "L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No",
        "P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So",
        "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Cs", "Co", "Cn",
    };

    /// <summary>Translates <paramref name="java"/> into a .NET pattern.</summary>
    /// <exception cref="FormatException">The pattern uses a Java construct .NET cannot express.</exception>
    public static string Translate(string java)
    {
        ArgumentNullException.ThrowIfNull(java);
        return new Translation(java).Run();
    }

    private sealed class Translation(string java)
    {
        private readonly StringBuilder _out = new(java.Length + 16);
        private readonly Stack<int> _groups = new();
        private readonly bool _dotAll = java.Contains("(?s", StringComparison.Ordinal) || java.Contains("(?is", StringComparison.Ordinal);
        private int _atom = -1;
        private int _i;

        public string Run()
        {
            while (_i < java.Length)
            {
                var c = java[_i];
                switch (c)
                {
                    case '\\':
                        Escape();
                        break;
                    case '[':
                        _atom = _out.Length;
                        var content = Class(out var negated);
                        _out.Append(negated ? "[^" : "[").Append(content).Append(']');
                        break;
                    case '(':
                        GroupOpen();
                        break;
                    case ')':
                        _out.Append(')');
                        _atom = _groups.Count > 0 ? _groups.Pop() : throw Fail("unbalanced ')'");
                        _i++;
                        break;
                    case '*' or '+' or '?':
                        Quantifier(_i + 1);
                        break;
                    case '{' when IsCountedQuantifier(out var end):
                        Quantifier(end);
                        break;
                    case '.':
                        _atom = _out.Length;
                        _out.Append(_dotAll ? "." : $"[^{LineTerminators}]");
                        _i++;
                        break;
                    default:
                        _atom = _out.Length;
                        _out.Append(c);
                        _i++;
                        break;
                }
            }

            return _groups.Count == 0 ? _out.ToString() : throw Fail("unbalanced '('");
        }

        private void Quantifier(int end)
        {
            var quantifier = java[_i..end];
            if (end < java.Length && java[end] == '+')
            {
                // Possessive: X*+ is the atomic group (?>X*).
                if (_atom < 0)
                {
                    throw Fail($"possessive quantifier '{quantifier}+' has nothing to repeat");
                }

                _out.Insert(_atom, "(?>").Append(quantifier).Append(')');
                end++;
            }
            else
            {
                _out.Append(quantifier);
                if (end < java.Length && java[end] == '?')
                {
                    _out.Append('?');
                    end++;
                }
            }

            _atom = -1;
            _i = end;
        }

        private bool IsCountedQuantifier(out int end)
        {
            end = java.IndexOf('}', _i);
            if (end < 0)
            {
                return false;
            }

            var body = java.AsSpan(_i + 1, end - _i - 1);
            var comma = body.IndexOf(',');
            var valid = body.Length > 0
                && !body.ContainsAnyExcept(CountCharacters)
                && comma == body.LastIndexOf(',')
                && comma != 0;
            end++;
            return valid;
        }

        private void GroupOpen()
        {
            if (_i + 1 >= java.Length || java[_i + 1] != '?')
            {
                _groups.Push(_out.Length);
                _out.Append('(');
                _i++;
                return;
            }

            var rest = java.AsSpan(_i + 2);
            if (rest.StartsWith(":") || rest.StartsWith("=") || rest.StartsWith("!") || rest.StartsWith(">")
                || rest.StartsWith("<=") || rest.StartsWith("<!") || rest.StartsWith("<"))
            {
                // Non-capturing, lookaround, atomic and named groups read the same in .NET.
                _groups.Push(_out.Length);
                _out.Append("(?");
                _i += 2;
                return;
            }

            // Inline flags: (?iu) or (?i-u:…). .NET has i, m, s, x (and n); Java's u and U only
            // select Unicode case folding and classes, which .NET always uses; d (UNIX_LINES) is dropped.
            var end = _i + 2;
            while (end < java.Length && (char.IsAsciiLetter(java[end]) || java[end] == '-'))
            {
                end++;
            }

            if (end >= java.Length || java[end] is not (')' or ':'))
            {
                throw Fail($"unknown group construct at offset {_i}");
            }

            var flags = new StringBuilder();
            foreach (var f in java.AsSpan(_i + 2, end - _i - 2))
            {
                if (f is 'i' or 'm' or 's' or 'x' or '-')
                {
                    flags.Append(f);
                }
                else if (f is not ('u' or 'U' or 'd'))
                {
                    throw Fail($"inline flag '{f}' has no .NET equivalent");
                }
            }

            var kept = flags.ToString().TrimEnd('-');
            if (java[end] == ':')
            {
                _groups.Push(_out.Length);
                _out.Append("(?").Append(kept).Append(':');
            }
            else if (kept.Length > 0)
            {
                _out.Append("(?").Append(kept).Append(')');
            }

            _atom = -1;
            _i = end + 1;
        }

        private void Escape()
        {
            if (_i + 1 >= java.Length)
            {
                throw Fail("trailing backslash");
            }

            var c = java[_i + 1];
            if (c == 'Q')
            {
                foreach (var literal in Quoted())
                {
                    _atom = _out.Length;
                    _out.Append(EscapeLiteral(literal, inClass: false));
                }

                return;
            }

            _atom = _out.Length;
            switch (c)
            {
                case 'h' or 'v':
                    _out.Append('[').Append(c == 'h' ? HorizontalSpace : VerticalSpace).Append(']');
                    _i += 2;
                    break;
                case 'H' or 'V':
                    _out.Append("[^").Append(c == 'H' ? HorizontalSpace : VerticalSpace).Append(']');
                    _i += 2;
                    break;
                case 'R':
                    _out.Append($@"(?:\r\n|[{VerticalSpace}])");
                    _i += 2;
                    break;
                case 'p' or 'P':
                    var content = Property(out var single);
                    _out.Append(single is not null
                        ? (c == 'p' ? single : "\\P" + single[2..])
                        : (c == 'p' ? "[" : "[^") + content + "]");
                    break;
                default:
                    _out.Append(SimpleEscape(inClass: false, out var codePoint) ?? char.ConvertFromUtf32(codePoint));
                    break;
            }
        }

        /// <summary>The literal characters of <c>\Q…\E</c> starting at <see cref="_i"/>.</summary>
        private string Quoted()
        {
            var start = _i + 2;
            var end = java.IndexOf(@"\E", start, StringComparison.Ordinal);
            _i = end < 0 ? java.Length : end + 2;
            return end < 0 ? java[start..] : java[start..end];
        }

        /// <summary>
        /// An escape that stands for one character, or passes through unchanged. Returns the .NET text,
        /// or null with <paramref name="codePoint"/> set when the escape names a character outside the BMP.
        /// </summary>
        private string? SimpleEscape(bool inClass, out int codePoint)
        {
            codePoint = 0;
            var c = java[_i + 1];
            switch (c)
            {
                case 'x' when _i + 2 < java.Length && java[_i + 2] == '{':
                    var close = java.IndexOf('}', _i + 3);
                    if (close < 0 || !int.TryParse(java.AsSpan(_i + 3, close - _i - 3), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out codePoint))
                    {
                        throw Fail(@"malformed \x{…} escape");
                    }

                    _i = close + 1;
                    if (codePoint > 0xFFFF)
                    {
                        return inClass ? throw Fail(@"a character above U+FFFF inside a character class") : null;
                    }

                    return $@"\u{codePoint:X4}";
                case '0':
                    // Java octal \0n, \0nn, \0mnn (m ≤ 3); .NET reads \0 differently.
                    var digits = 0;
                    var value = 0;
                    while (digits < 3 && _i + 2 + digits < java.Length && java[_i + 2 + digits] is >= '0' and <= '7'
                        && (digits < 2 || value < 32))
                    {
                        value = (value * 8) + (java[_i + 2 + digits] - '0');
                        digits++;
                    }

                    if (digits == 0)
                    {
                        throw Fail(@"malformed octal escape \0");
                    }

                    _i += 2 + digits;
                    return $@"\u{value:X4}";
                case 'x':
                    var hex = java.Substring(_i, Math.Min(4, java.Length - _i));
                    _i += hex.Length;
                    return hex;
                case 'X':
                    throw Fail(@"\X (grapheme cluster) has no .NET equivalent");
                case 'N':
                    throw Fail(@"\N{name} has no .NET equivalent");
                case 'b' when _i + 2 < java.Length && java[_i + 2] == '{':
                    throw Fail(@"\b{g} has no .NET equivalent");
                case 'k':
                    var end = java.IndexOf('>', _i);
                    if (end < 0)
                    {
                        throw Fail(@"malformed \k<name>");
                    }

                    var reference = java[_i..(end + 1)];
                    _i = end + 1;
                    return reference;
                default:
                    if (char.IsAsciiLetter(c) && !"tnrfaecdDwWsSbBAzZGu".Contains(c, StringComparison.Ordinal))
                    {
                        throw Fail($@"unknown escape \{c}");
                    }

                    if (c == 'c')
                    {
                        var control = java.Substring(_i, Math.Min(3, java.Length - _i));
                        _i += control.Length;
                        return control;
                    }

                    if (c == 'u')
                    {
                        var unicode = java.Substring(_i, Math.Min(6, java.Length - _i));
                        _i += unicode.Length;
                        return unicode;
                    }

                    _i += 2;
                    if (!char.IsAsciiLetterOrDigit(c))
                    {
                        // Java lets any non-ASCII-letter be escaped (\ظ); .NET only punctuation.
                        return EscapeLiteral(c, inClass);
                    }

                    return inClass && c == 'b' ? throw Fail(@"\b inside a character class") : "\\" + c;
            }
        }

        /// <summary>
        /// Reads <c>\p{Name}</c>, <c>\pL</c> or <c>\P…</c> at <see cref="_i"/> and returns its class content.
        /// <paramref name="single"/> is set when it is one .NET <c>\p{…}</c>, which can be negated in place.
        /// </summary>
        private string Property(out string? single)
        {
            string name;
            if (_i + 2 < java.Length && java[_i + 2] == '{')
            {
                var close = java.IndexOf('}', _i + 3);
                if (close < 0)
                {
                    throw Fail(@"malformed \p{…}");
                }

                name = java[(_i + 3)..close];
                _i = close + 1;
            }
            else if (_i + 2 < java.Length)
            {
                name = java[_i + 2].ToString();
                _i += 3;
            }
            else
            {
                throw Fail(@"malformed \p");
            }

            var content = PropertyContent(name);
            single = content.StartsWith(@"\p{", StringComparison.Ordinal) && content.IndexOf('}') == content.Length - 1 ? content : null;
            return content;
        }

        private string PropertyContent(string name)
        {
            var bare = name;
            foreach (var prefix in new[] { "general_category=", "gc=" })
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    bare = name[prefix.Length..];
                }
            }

            if (GeneralCategories.Contains(bare))
            {
                return $@"\p{{{bare}}}";
            }

            if (bare is "LC" or "L&")
            {
                return @"\p{Lu}\p{Ll}\p{Lt}";
            }

            if (name.StartsWith("Is", StringComparison.Ordinal) && GeneralCategories.Contains(name[2..]))
            {
                return $@"\p{{{name[2..]}}}";
            }

            foreach (var prefix in new[] { "script=", "sc=" })
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    name = "Is" + name[prefix.Length..];
                }
            }

            if (Properties.TryGetValue(name, out var content))
            {
                return content;
            }

            foreach (var prefix in new[] { "In", "block=", "blk=" })
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    // Java's block names drop the spaces and underscores .NET's keep out, too.
                    return $@"\p{{Is{name[prefix.Length..].Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)}}}";
                }
            }

            throw Fail($@"Unicode property \p{{{name}}} has no .NET equivalent here");
        }

        /// <summary>
        /// Translates the character class at <see cref="_i"/> (on its '[') into .NET class content, without
        /// the outer brackets. Nested classes are unions and are flattened; <c>&amp;&amp;</c> intersections
        /// become .NET subtractions.
        /// </summary>
        private string Class(out bool negated)
        {
            _i++;
            negated = _i < java.Length && java[_i] == '^';
            if (negated)
            {
                _i++;
            }

            var operands = new List<(string Content, bool Negated, bool Nested)>();
            var current = new StringBuilder();
            var negatedUnion = new StringBuilder();
            var currentNested = false;
            var currentNegatedNested = false;
            var elements = 0;
            var first = true;
            while (true)
            {
                if (_i >= java.Length)
                {
                    throw Fail("unterminated character class");
                }

                var c = java[_i];
                if (c == ']' && !first)
                {
                    _i++;
                    break;
                }

                first = false;
                if (c == '&' && _i + 1 < java.Length && java[_i + 1] == '&')
                {
                    operands.Add((current.ToString(), currentNegatedNested, currentNested && elements == 1));
                    current.Clear();
                    elements = 0;
                    currentNested = currentNegatedNested = false;
                    _i += 2;
                    continue;
                }

                elements++;
                if (c == '[')
                {
                    var inner = Class(out var innerNegated);
                    if (innerNegated && _i < java.Length && java[_i] == ']' && elements > 1)
                    {
                        // A negated class closing a union: [a-z[^íáóæ]] is everything but íáóæ outside a-z.
                        negatedUnion.Append(inner);
                        continue;
                    }

                    if (innerNegated || inner.Contains("-[", StringComparison.Ordinal))
                    {
                        // Only usable as a whole operand of an intersection: [\p{L}&&[^rwn]].
                        currentNested = true;
                        currentNegatedNested = innerNegated;
                    }

                    current.Append(inner);
                    continue;
                }

                current.Append(ClassElement());
            }

            operands.Add((current.ToString(), currentNegatedNested, currentNested && elements == 1));
            if (negatedUnion.Length > 0)
            {
                if (operands.Count > 1)
                {
                    throw Fail("a negated class in a union inside an intersection has no .NET equivalent");
                }

                // A ∪ ¬B is ¬(B − A); with literal characters only, B − A can be listed.
                negated = !negated;
                return LiteralDifference(negatedUnion.ToString(), operands[0].Content);
            }

            if (operands.Count == 1)
            {
                var (content, innerNegated, _) = operands[0];
                if (innerNegated)
                {
                    throw Fail("a negated class nested in a union has no .NET equivalent");
                }

                return content.Length > 0 ? content : throw Fail("empty character class");
            }

            // A && [^B] && [^C] … is A minus (B ∪ C); A && B (one plain operand) is A minus [^B].
            var baseContent = operands[0].Content;
            var subtracted = new StringBuilder();
            var positives = 0;
            foreach (var (content, innerNegated, nested) in operands.Skip(1))
            {
                if (innerNegated && nested)
                {
                    subtracted.Append(content);
                }
                else
                {
                    positives++;
                    subtracted.Append(content);
                }
            }

            if (operands[0].Negated || negated || positives > 1 || (positives == 1 && operands.Count > 2))
            {
                throw Fail("this character class intersection has no .NET equivalent");
            }

            return positives == 1 ? $"{baseContent}-[^{subtracted}]" : $"{baseContent}-[{subtracted}]";
        }

        /// <summary>The characters of class content <paramref name="from"/> not in <paramref name="except"/>, as class content.</summary>
        private string LiteralDifference(string from, string except)
        {
            var excluded = LiteralSet(except);
            var kept = new StringBuilder();
            foreach (var c in LiteralSet(from).Order())
            {
                if (!excluded.Contains(c))
                {
                    kept.Append(EscapeLiteral(c, inClass: true));
                }
            }

            return kept.Length > 0 ? kept.ToString() : throw Fail("a class union that matches every character");
        }

        /// <summary>The characters listed by .NET class content made of literals, <c>\uXXXX</c> escapes and ranges only.</summary>
        private HashSet<char> LiteralSet(string content)
        {
            var set = new HashSet<char>();
            var i = 0;
            while (i < content.Length)
            {
                var low = ReadLiteral(content, ref i);
                var high = low;
                if (i + 1 < content.Length && content[i] == '-')
                {
                    i++;
                    high = ReadLiteral(content, ref i);
                }

                for (var c = low; c <= high; c++)
                {
                    set.Add(c);
                    if (c == char.MaxValue)
                    {
                        break;
                    }
                }
            }

            return set;
        }

        private char ReadLiteral(string content, ref int i)
        {
            if (content[i] != '\\')
            {
                return content[i++];
            }

            if (i + 5 < content.Length && content[i + 1] == 'u')
            {
                var value = (char)int.Parse(content.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                i += 6;
                return value;
            }

            if (i + 3 < content.Length && content[i + 1] == 'x')
            {
                var value = (char)int.Parse(content.AsSpan(i + 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                i += 4;
                return value;
            }

            if (i + 1 < content.Length && !char.IsAsciiLetter(content[i + 1]))
            {
                i += 2;
                return content[i - 1];
            }

            throw Fail("a class union mixing a negated class with character properties");
        }

        /// <summary>One element of a class: a character, a range, an escape or a property.</summary>
        private string ClassElement()
        {
            var c = java[_i];
            if (c == '\\' && _i + 1 < java.Length)
            {
                var e = java[_i + 1];
                switch (e)
                {
                    case 'Q':
                        return string.Concat(Quoted().Select(ch => EscapeLiteral(ch, inClass: true)));
                    case 'h':
                        _i += 2;
                        return HorizontalSpace;
                    case 'v':
                        _i += 2;
                        return VerticalSpace;
                    case 'p' or 'P':
                        var content = Property(out var single);
                        if (e == 'p')
                        {
                            return content;
                        }

                        return single is not null ? "\\P" + single[2..] : throw Fail($@"negated \P{{…}} of a composite property inside a character class");
                    case 'H' or 'V' or 'R':
                        throw Fail($@"\{e} inside a character class has no .NET equivalent");
                }

                return RangeFrom(SimpleEscape(inClass: true, out _)!);
            }

            _i++;
            return RangeFrom(EscapeLiteral(c, inClass: true));
        }

        /// <summary>Completes <paramref name="low"/> into a range when a '-' and a single character follow.</summary>
        private string RangeFrom(string low)
        {
            if (_i + 1 < java.Length && java[_i] == '-' && java[_i + 1] is not (']' or '['))
            {
                _i++;
                var high = java[_i] == '\\' ? SimpleEscape(inClass: true, out _)! : EscapeLiteral(java[_i++], inClass: true);
                return low + "-" + high;
            }

            return low;
        }

        private static string EscapeLiteral(char c, bool inClass) => inClass
            ? c is '\\' or ']' or '[' or '^' or '-' ? "\\" + c : c.ToString()
            : c is '\\' or '*' or '+' or '?' or '|' or '{' or '}' or '[' or ']' or '(' or ')' or '^' or '$' or '.' or '#' or ' '
                ? "\\" + c
                : c.ToString();

        private FormatException Fail(string problem) => new($"{problem} in Java pattern '{java}'");
    }
}
