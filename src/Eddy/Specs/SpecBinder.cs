namespace Eddy.Specs;

/// <summary>
/// Gives raw nodes their catalogue meaning: resolves names, maps positional and keyword arguments to parameters,
/// checks each value's type and puts parameters in the catalogue's order, so equal specs compare equal whatever
/// form they were written in. Ranges are checked later by the constructors themselves (<see cref="SpecBuilder"/>).
/// </summary>
internal sealed class SpecBinder(EstimatorCatalog catalog)
{
    private const double MaxExactInteger = 9007199254740992.0;

    public List<SpecNode> BindPipeline(IReadOnlyList<RawNode> steps, string path, int depth)
    {
        SpecLimits.CheckDepth(depth, path, null);
        if (steps.Count == 0)
        {
            throw new SpecException(path, "The pipeline is empty; it needs at least one estimator.");
        }

        var bound = new List<SpecNode>(steps.Count);
        for (int i = 0; i < steps.Count; i++)
        {
            bound.Add(BindStep(steps[i], $"{path}[{i}]", depth));
        }

        return bound;
    }

    public SpecNode BindComponent(RawNode raw, ComponentFamily family, string path, int depth)
    {
        SpecLimits.CheckDepth(depth, path, Column(raw.Column));
        string name = SpecNames.StripModule(raw.Name);
        if (raw.Members is not null || !catalog.TryGetEntry(family, name, out CatalogEntry? entry))
        {
            string what = Describe(family);
            throw new SpecException(path, $"Unknown {what} '{raw.Name}'. {SpecNames.Suggest(name, catalog.Names(family), what + "s")}", Column(raw.Column));
        }

        string inner = $"{path}.{entry.Name}";
        var values = new SpecValue?[entry.Parameters.Count];
        int variadic = IndexOfVariadic(entry);
        var extra = new List<RawValue>();
        int positional = 0;
        foreach (RawNode.Argument argument in raw.Arguments)
        {
            int index;
            if (argument.Name is null)
            {
                if (variadic >= 0 && positional >= variadic)
                {
                    extra.Add(argument.Value);
                    positional++;
                    continue;
                }

                index = positional++;
                if (index >= entry.Parameters.Count)
                {
                    throw new SpecException(inner, $"{entry.Name} takes at most {entry.Parameters.Count} positional argument(s).", Column(argument.Value.Column));
                }
            }
            else
            {
                ParameterSpec? parameter = entry.FindParameter(argument.Name);
                if (parameter is null)
                {
                    string known = entry.Parameters.Count == 0
                        ? $"{entry.Name} takes no parameters."
                        : SpecNames.Suggest(argument.Name, entry.Parameters.Select(p => p.Name), "parameters");
                    throw new SpecException($"{inner}.{argument.Name}", $"Unknown parameter '{argument.Name}' for {entry.Name}. {known}", Column(argument.Value.Column));
                }

                index = IndexOf(entry, parameter);
            }

            ParameterSpec target = entry.Parameters[index];
            if (values[index] is not null)
            {
                throw new SpecException($"{inner}.{target.Name}", $"'{target.Name}' is given twice.", Column(argument.Value.Column));
            }

            values[index] = BindValue(target, argument.Value, $"{inner}.{target.Name}", depth);
        }

        if (extra.Count > 0)
        {
            ParameterSpec target = entry.Parameters[variadic];
            RawValue list = extra.Count == 1 && extra[0].Kind == RawValue.RawKind.List ? extra[0] : RawValue.FromList(extra, extra[0].Column);
            values[variadic] = BindValue(target, list, $"{inner}.{target.Name}", depth);
        }

        var parameters = new List<KeyValuePair<string, SpecValue>>();
        for (int i = 0; i < values.Length; i++)
        {
            ParameterSpec parameter = entry.Parameters[i];
            if (values[i] is { } value)
            {
                parameters.Add(new(parameter.Name, value));
            }
            else if (parameter.IsRequired)
            {
                throw new SpecException($"{inner}.{parameter.Name}", $"{entry.Name} needs '{parameter.Name}' ({Describe(parameter.Type)}).", Column(raw.Column));
            }
        }

        return new SpecNode(entry.Name, family, parameters, variadic: variadic >= 0 ? entry.Parameters[variadic].Name : null);
    }

    private SpecNode BindStep(RawNode raw, string path, int depth)
    {
        if (raw.Members is not { } members)
        {
            if (SpecNames.StripModule(raw.Name) == SpecNode.UnionName)
            {
                throw new SpecException(path, "Write a union with '+' (A + B) or as {\"TransformerUnion\": [A, B]}.", Column(raw.Column));
            }

            return BindComponent(raw, ComponentFamily.Estimator, path, depth);
        }

        string inner = $"{path}.{SpecNode.UnionName}";
        if (members.Count == 0)
        {
            throw new SpecException(inner, "A union needs at least one member.", Column(raw.Column));
        }

        var bound = new List<IReadOnlyList<SpecNode>>(members.Count);
        for (int j = 0; j < members.Count; j++)
        {
            List<SpecNode> member = BindPipeline(members[j], $"{inner}[{j}]", depth + 1);

            // A union inside a union is flattened, as River's + does, so both forms print and compare alike.
            if (member.Count == 1 && member[0].IsUnion)
            {
                bound.AddRange(member[0].Members);
            }
            else
            {
                bound.Add(member);
            }
        }

        return new SpecNode(SpecNode.UnionName, ComponentFamily.Estimator, [], bound);
    }

    private SpecValue BindValue(ParameterSpec parameter, RawValue raw, string path, int depth)
    {
        int? column = Column(raw.Column);
        if (raw.Kind == RawValue.RawKind.Null)
        {
            return parameter.Nullable ? SpecValue.None : throw WrongType(parameter, raw, path);
        }

        switch (parameter.Type)
        {
            case ParameterType.Number when raw.Kind == RawValue.RawKind.Number:
                return SpecValue.FromNumber(raw.Number);
            case ParameterType.Integer when raw.Kind == RawValue.RawKind.Number:
                if (raw.Number != Math.Floor(raw.Number) || Math.Abs(raw.Number) > MaxExactInteger)
                {
                    throw new SpecException(path, $"'{parameter.Name}' must be an integer, got {raw.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)}.", column);
                }

                if (raw.Number > parameter.Maximum)
                {
                    throw new SpecException(path, $"'{parameter.Name}' must be at most {parameter.Maximum}.", column);
                }

                return SpecValue.FromInteger((long)raw.Number);
            case ParameterType.Boolean when raw.Kind == RawValue.RawKind.Boolean:
                return SpecValue.FromBoolean(raw.Boolean);
            case ParameterType.String when raw.Kind == RawValue.RawKind.String:
                return SpecValue.FromString(raw.Text);
            case ParameterType.StringList when raw.Kind == RawValue.RawKind.String && parameter.Nullable:
                // River's `by`: one key or a list of keys.
                return SpecValue.FromStrings([raw.Text]);
            case ParameterType.StringList when raw.Kind == RawValue.RawKind.List:
                var strings = new List<string>(raw.Items.Count);
                for (int i = 0; i < raw.Items.Count; i++)
                {
                    RawValue item = raw.Items[i];
                    strings.Add(item.Kind == RawValue.RawKind.String
                        ? item.Text
                        : throw new SpecException($"{path}[{i}]", $"'{parameter.Name}' is a list of strings, got {item.Describe()}.", Column(item.Column)));
                }

                return SpecValue.FromStrings(strings);
            case ParameterType.Label:
                return raw.Kind switch
                {
                    RawValue.RawKind.Boolean => SpecValue.FromBoolean(raw.Boolean),
                    RawValue.RawKind.String => SpecValue.FromString(raw.Text),
                    RawValue.RawKind.Number when raw.IsIntegerLiteral && Math.Abs(raw.Number) <= MaxExactInteger => SpecValue.FromInteger((long)raw.Number),
                    RawValue.RawKind.Number => SpecValue.FromNumber(raw.Number),
                    _ => throw WrongType(parameter, raw, path),
                };
            case ParameterType.Scheduler when raw.Kind == RawValue.RawKind.Number:
                return SpecValue.FromNumber(raw.Number);
            case ParameterType.Optimizer or ParameterType.Scheduler or ParameterType.Loss or ParameterType.Metric or ParameterType.DriftDetector
                or ParameterType.Statistic or ParameterType.Splitter when raw.Kind is RawValue.RawKind.Node or RawValue.RawKind.String:
                RawNode node = raw.Node ?? new RawNode(raw.Text, [], raw.Column);
                SpecNode component = BindComponent(node, FamilyOf(parameter.Type), path, depth + 1);

                // A constant schedule is written as its number, so both forms compare equal.
                return component.Family == ComponentFamily.Scheduler && component.Name == "Constant"
                    && component.Parameters.Count == 1 && component.Parameters[0].Value.Kind is SpecValueKind.Number or SpecValueKind.Integer
                    ? SpecValue.FromNumber(component.Parameters[0].Value.Number)
                    : SpecValue.FromComponent(component);
            case ParameterType.Estimator:
                IReadOnlyList<RawNode> steps = raw.Kind switch
                {
                    RawValue.RawKind.Node => [raw.Node!],
                    RawValue.RawKind.String => [new RawNode(raw.Text, [], raw.Column)],
                    RawValue.RawKind.Pipeline => raw.Steps,
                    RawValue.RawKind.List => StepsOf(parameter, raw, path),
                    _ => throw WrongType(parameter, raw, path),
                };
                return SpecValue.FromPipeline(BindPipeline(steps, path, depth + 1));
            case ParameterType.Ranges when raw.Kind == RawValue.RawKind.Dict:
                return BindRanges(parameter, raw, path);
            default:
                throw WrongType(parameter, raw, path);
        }
    }

    /// <summary>River's <c>{'x': (0, 1)}</c>: each feature's (min, max), two numbers.</summary>
    private static SpecValue BindRanges(ParameterSpec parameter, RawValue dict, string path)
    {
        var ranges = new List<(string Name, double Low, double High)>(dict.Entries.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string name, RawValue range) in dict.Entries)
        {
            string inner = $"{path}.{name}";
            if (!names.Add(name))
            {
                throw new SpecException(inner, $"'{name}' is given twice.", Column(range.Column));
            }

            if (range.Kind != RawValue.RawKind.List || range.Items.Count != 2
                || range.Items[0].Kind != RawValue.RawKind.Number || range.Items[1].Kind != RawValue.RawKind.Number)
            {
                throw new SpecException(inner, $"'{parameter.Name}' maps each feature to (min, max), two numbers; got {range.Describe()} for '{name}'.", Column(range.Column));
            }

            ranges.Add((name, range.Items[0].Number, range.Items[1].Number));
        }

        return SpecValue.FromRanges(ranges);
    }

    /// <summary>JSON writes a nested pipeline as an array of steps.</summary>
    private static List<RawNode> StepsOf(ParameterSpec parameter, RawValue list, string path)
    {
        var steps = new List<RawNode>(list.Items.Count);
        for (int i = 0; i < list.Items.Count; i++)
        {
            RawValue item = list.Items[i];
            steps.Add(item.Kind switch
            {
                RawValue.RawKind.Node => item.Node!,
                RawValue.RawKind.String => new RawNode(item.Text, [], item.Column),
                _ => throw new SpecException($"{path}[{i}]", $"'{parameter.Name}' is a pipeline of estimators, got {item.Describe()}.", Column(item.Column)),
            });
        }

        return steps;
    }

    private static SpecException WrongType(ParameterSpec parameter, RawValue raw, string path) =>
        new(path, $"'{parameter.Name}' expects {Describe(parameter.Type)}{(parameter.Nullable ? " or None" : string.Empty)}, got {raw.Describe()}.", Column(raw.Column));

    private static ComponentFamily FamilyOf(ParameterType type) => type switch
    {
        ParameterType.Optimizer => ComponentFamily.Optimizer,
        ParameterType.Scheduler => ComponentFamily.Scheduler,
        ParameterType.Loss => ComponentFamily.Loss,
        ParameterType.DriftDetector => ComponentFamily.DriftDetector,
        ParameterType.Statistic => ComponentFamily.Statistic,
        ParameterType.Splitter => ComponentFamily.Splitter,
        _ => ComponentFamily.Metric,
    };

    private static int IndexOfVariadic(CatalogEntry entry)
    {
        for (int i = 0; i < entry.Parameters.Count; i++)
        {
            if (entry.Parameters[i].Variadic)
            {
                return i;
            }
        }

        return -1;
    }

    private static int IndexOf(CatalogEntry entry, ParameterSpec parameter)
    {
        for (int i = 0; i < entry.Parameters.Count; i++)
        {
            if (ReferenceEquals(entry.Parameters[i], parameter))
            {
                return i;
            }
        }

        throw new InvalidOperationException("The parameter does not belong to the entry.");
    }

    private static int? Column(int column) => column > 0 ? column : null;

    internal static string Describe(ComponentFamily family) => family switch
    {
        ComponentFamily.Estimator => "estimator",
        ComponentFamily.Optimizer => "optimizer",
        ComponentFamily.Scheduler => "scheduler",
        ComponentFamily.Loss => "loss",
        ComponentFamily.DriftDetector => "drift detector",
        ComponentFamily.Statistic => "statistic",
        ComponentFamily.Splitter => "splitter",
        _ => "metric",
    };

    private static string Describe(ParameterType type) => type switch
    {
        ParameterType.Number => "a number",
        ParameterType.Integer => "an integer",
        ParameterType.Boolean => "a boolean",
        ParameterType.String => "a string",
        ParameterType.StringList => "a list of strings",
        ParameterType.Label => "a class label (boolean, number or string)",
        ParameterType.Optimizer => "an optimizer",
        ParameterType.Scheduler => "a learning rate (a number or a scheduler)",
        ParameterType.Loss => "a loss",
        ParameterType.Estimator => "an estimator or a pipeline",
        ParameterType.DriftDetector => "a drift detector",
        ParameterType.Statistic => "a statistic",
        ParameterType.Splitter => "a splitter",
        ParameterType.Ranges => "a dict of feature → (min, max)",
        _ => "a metric",
    };
}
