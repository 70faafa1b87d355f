using Eddy.Base;

namespace Eddy.Datasets;

/// <summary>
/// River's <c>stream.iter_libsvm</c>: one example a line, <c>target name:value name:value …</c>, trailing spaces and
/// <c>#</c> comments ignored. Feature names are kept as text, in the order they first appear.
/// </summary>
public static class LibsvmTable
{
    public static Dataset Build(string name, TaskKind task, TextReader reader, Func<string, Label> target)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(target);
        var names = new List<string>();
        var columnOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<(Label Target, List<(int Column, double Value)> Features)>();
        string? line;
        int lineNumber = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            int comment = line.IndexOf('#', StringComparison.Ordinal);
            line = (comment >= 0 ? line[..comment] : line).TrimEnd();
            if (line.Length == 0)
            {
                continue;
            }

            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var features = new List<(int, double)>(parts.Length - 1);
            for (int p = 1; p < parts.Length; p++)
            {
                int colon = parts[p].IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    throw new InvalidDataException($"{name}: line {lineNumber} has '{parts[p]}', not name:value.");
                }

                string feature = parts[p][..colon];
                if (!columnOf.TryGetValue(feature, out int column))
                {
                    column = names.Count;
                    names.Add(feature);
                    columnOf.Add(feature, column);
                }

                features.Add((column, TableBuilder.ParseNumber(parts[p][(colon + 1)..])));
            }

            rows.Add((target(parts[0]), features));
        }

        var numbers = new double[rows.Count][];
        var categories = new string?[rows.Count][];
        var present = new bool[rows.Count][];
        var labels = new Label[rows.Count];
        for (int r = 0; r < rows.Count; r++)
        {
            numbers[r] = new double[names.Count];
            categories[r] = new string?[names.Count];
            present[r] = new bool[names.Count];
            labels[r] = rows[r].Target;
            foreach ((int column, double value) in rows[r].Features)
            {
                numbers[r][column] = value;
                present[r][column] = true;
            }
        }

        var kinds = new ColumnKind[names.Count];
        return new Dataset(name, task, names, kinds, numbers, categories, present, labels, ["y"]);
    }
}
