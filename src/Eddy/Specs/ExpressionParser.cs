using System.Globalization;
using System.Text;

namespace Eddy.Specs;

/// <summary>
/// Reads River's expression form: <c>(Select('a') | StandardScaler) + OneHotEncoder | LogisticRegression(l2=0.1)</c>.
/// As in Python, <c>+</c> (union) binds tighter than <c>|</c> (pipeline). Calls take positional and keyword
/// arguments; values are numbers, strings in either quotes, True/False/None, lists, tuples of literals (read as
/// lists), dicts with string keys and nested calls (a bare name is a call without arguments). Module prefixes (<c>preprocessing.</c>) are read and dropped later.
/// </summary>
internal sealed class ExpressionParser
{
    private readonly string _text;
    private int _position;
    private int _depth;

    private ExpressionParser(string text)
    {
        _text = text;
    }

    private int Column => _position + 1;

    public static List<RawNode> ParseModel(string text)
    {
        var parser = new ExpressionParser(text);
        List<RawNode> steps = parser.Pipeline();
        parser.ExpectEnd();
        return steps;
    }

    /// <summary>One or more metrics separated by commas: <c>ROCAUC, Rolling(Accuracy, window_size=100)</c>.</summary>
    public static List<RawNode> ParseCalls(string text)
    {
        var parser = new ExpressionParser(text);
        var calls = new List<RawNode> { parser.Call() };
        while (parser.TryConsume(','))
        {
            calls.Add(parser.Call());
        }

        parser.ExpectEnd();
        return calls;
    }

    private List<RawNode> Pipeline()
    {
        Enter();
        List<RawNode> steps = Union();
        while (TryConsume('|'))
        {
            steps.AddRange(Union());
        }

        _depth--;
        return steps;
    }

    private List<RawNode> Union()
    {
        SkipSpace();
        int column = Column;
        List<RawNode> first = Primary();
        if (!Peek('+'))
        {
            return first;
        }

        var members = new List<IReadOnlyList<RawNode>>();
        AddMember(members, first);
        while (TryConsume('+'))
        {
            AddMember(members, Primary());
        }

        return [RawNode.Union(members, column)];
    }

    /// <summary>River flattens <c>(a + b) + c</c> into one union of three.</summary>
    private static void AddMember(List<IReadOnlyList<RawNode>> members, List<RawNode> member)
    {
        if (member.Count == 1 && member[0].Members is { } inner)
        {
            members.AddRange(inner);
        }
        else
        {
            members.Add(member);
        }
    }

    private List<RawNode> Primary()
    {
        if (TryConsume('('))
        {
            List<RawNode> inner = Pipeline();
            Expect(')');
            return inner;
        }

        return [Call()];
    }

    private RawNode Call()
    {
        SkipSpace();
        int column = Column;
        string name = DottedName("an estimator name");
        var arguments = new List<RawNode.Argument>();
        if (TryConsume('('))
        {
            Enter();
            while (!TryConsume(')'))
            {
                arguments.Add(Argument());
                if (!TryConsume(','))
                {
                    Expect(')');
                    break;
                }
            }

            _depth--;
        }

        return new RawNode(name, arguments, column);
    }

    private RawNode.Argument Argument()
    {
        SkipSpace();
        int start = _position;
        if (IsIdentifierStart(Current))
        {
            string name = Identifier();
            SkipSpace();
            if (Current == '=' && (_position + 1 >= _text.Length || _text[_position + 1] != '='))
            {
                _position++;
                return new RawNode.Argument(name, Value());
            }

            _position = start;
        }

        return new RawNode.Argument(null, Value());
    }

    private RawValue Value()
    {
        SkipSpace();
        int column = Column;
        char c = Current;
        if (c is '\'' or '"')
        {
            return RawValue.FromString(QuotedString(), column);
        }

        if (char.IsAsciiDigit(c) || c is '-' or '+' or '.')
        {
            return Number();
        }

        if (c == '(')
        {
            return StartsTuple() ? Sequence(')', column) : Nested(column);
        }

        if (c == '[')
        {
            return Sequence(']', column);
        }

        if (c == '{')
        {
            return Dict(column);
        }

        if (IsIdentifierStart(c))
        {
            int start = _position;
            string name = DottedName("a value");
            switch (name)
            {
                case "True":
                    return RawValue.FromBoolean(true, column);
                case "False":
                    return RawValue.FromBoolean(false, column);
                case "None":
                    return RawValue.Null(column);
                default:
                    _position = start;
                    return Nested(column);
            }
        }

        throw Error("Expected a value (a number, a string, True, False, None, a list, a dict or a name)");
    }

    /// <summary>A list or a tuple of values; a tuple of literals is told from a parenthesised pipeline by its first character.</summary>
    private RawValue Sequence(char close, int column)
    {
        _position++;
        Enter();
        var items = new List<RawValue>();
        while (!TryConsume(close))
        {
            items.Add(Value());
            if (!TryConsume(','))
            {
                Expect(close);
                break;
            }
        }

        _depth--;
        return RawValue.FromList(items, column);
    }

    private bool StartsTuple()
    {
        int next = _position + 1;
        while (next < _text.Length && char.IsWhiteSpace(_text[next]))
        {
            next++;
        }

        return next < _text.Length && (char.IsAsciiDigit(_text[next]) || _text[next] is '-' or '+' or '.' or '\'' or '"' or ')');
    }

    /// <summary>Python's dict display with string keys: <c>{'x': (0, 1), 'y': (-1, 1)}</c>.</summary>
    private RawValue Dict(int column)
    {
        _position++;
        Enter();
        var entries = new List<KeyValuePair<string, RawValue>>();
        while (!TryConsume('}'))
        {
            SkipSpace();
            if (Current is not ('\'' or '"'))
            {
                throw Error("Expected a string key");
            }

            string key = QuotedString();
            Expect(':');
            entries.Add(new(key, Value()));
            if (!TryConsume(','))
            {
                Expect('}');
                break;
            }
        }

        _depth--;
        return RawValue.FromDict(entries, column);
    }

    /// <summary>A call, or steps joined with <c>|</c> / <c>+</c>: a nested model such as a bagging ensemble's.</summary>
    private RawValue Nested(int column)
    {
        List<RawNode> steps = Pipeline();
        return steps.Count == 1 && steps[0].Members is null ? RawValue.FromNode(steps[0]) : RawValue.FromPipeline(steps, column);
    }

    private RawValue Number()
    {
        int column = Column;
        int start = _position;
        if (Current is '-' or '+')
        {
            _position++;
            SkipSpace();
        }

        int digitsStart = _position;
        bool integer = true;
        bool digits = false;
        while (char.IsAsciiDigit(Current) || Current == '.')
        {
            digits |= Current != '.';
            integer &= Current != '.';
            _position++;
        }

        if (digits && Current is 'e' or 'E')
        {
            integer = false;
            _position++;
            if (Current is '-' or '+')
            {
                _position++;
            }

            if (!char.IsAsciiDigit(Current))
            {
                throw Error("Expected the exponent's digits");
            }

            while (char.IsAsciiDigit(Current))
            {
                _position++;
            }
        }

        string text = _text[digitsStart.._position];
        if (!digits || !double.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out double value))
        {
            _position = start;
            throw Error("Expected a number");
        }

        if (!double.IsFinite(value))
        {
            throw new SpecException(string.Empty, $"The number at column {column} is out of range.", column);
        }

        return RawValue.FromNumber(_text[start] == '-' ? -value : value, integer, column);
    }

    private string QuotedString()
    {
        int column = Column;
        char quote = _text[_position++];
        var builder = new StringBuilder();
        while (_position < _text.Length && _text[_position] != quote)
        {
            char c = _text[_position++];
            if (c == '\\' && _position < _text.Length)
            {
                char escaped = _text[_position++];
                builder.Append(escaped switch
                {
                    'n' => "\n",
                    't' => "\t",
                    'r' => "\r",
                    '\\' or '\'' or '"' => escaped.ToString(),
                    _ => "\\" + escaped,
                });
            }
            else
            {
                builder.Append(c);
            }
        }

        if (_position >= _text.Length)
        {
            throw new SpecException(string.Empty, $"The string starting at column {column} is not closed.", column);
        }

        _position++;
        return builder.ToString();
    }

    private string DottedName(string what)
    {
        SkipSpace();
        if (!IsIdentifierStart(Current))
        {
            throw Error($"Expected {what}");
        }

        var builder = new StringBuilder(Identifier());
        while (Current == '.' && _position + 1 < _text.Length && IsIdentifierStart(_text[_position + 1]))
        {
            _position++;
            builder.Append('.').Append(Identifier());
        }

        return builder.ToString();
    }

    private string Identifier()
    {
        int start = _position;
        while (char.IsAsciiLetterOrDigit(Current) || Current == '_')
        {
            _position++;
        }

        return _text[start.._position];
    }

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private char Current => _position < _text.Length ? _text[_position] : '\0';

    private void SkipSpace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private bool Peek(char c)
    {
        SkipSpace();
        return Current == c && _position < _text.Length;
    }

    private bool TryConsume(char c)
    {
        if (!Peek(c))
        {
            return false;
        }

        _position++;
        return true;
    }

    private void Expect(char c)
    {
        if (!TryConsume(c))
        {
            throw Error($"Expected '{c}'");
        }
    }

    private void ExpectEnd()
    {
        SkipSpace();
        if (_position < _text.Length)
        {
            throw Error("Unexpected text");
        }
    }

    private void Enter()
    {
        if (++_depth > SpecLimits.MaxNesting)
        {
            throw new SpecException(string.Empty, $"The expression is nested too deeply (more than {SpecLimits.MaxNesting} levels) at column {Column}.", Column);
        }
    }

    private SpecException Error(string message)
    {
        SkipSpace();
        string found = _position < _text.Length ? $"'{_text[_position]}'" : "the end";
        return new SpecException(string.Empty, $"{message} at column {Column}, found {found}.", Column);
    }
}
