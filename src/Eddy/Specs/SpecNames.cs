namespace Eddy.Specs;

/// <summary>Name rules shared by the readers, the binder and the catalogue.</summary>
internal static class SpecNames
{
    public static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>River's module prefixes (<c>preprocessing.StandardScaler</c>) are accepted and dropped.</summary>
    public static string StripModule(string name)
    {
        int dot = name.LastIndexOf('.');
        return dot >= 0 ? name[(dot + 1)..] : name;
    }

    /// <summary>Matches a .NET parameter name to River's: <c>clipGradient</c> is <c>clip_gradient</c>.</summary>
    public static bool SameParameter(string clrName, string riverName) =>
        string.Equals(clrName.Replace("_", string.Empty, StringComparison.Ordinal), riverName.Replace("_", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);

    /// <summary>"Did you mean" text: the known names close to <paramref name="name"/>, or all of them when none is.</summary>
    public static string Suggest(string name, IEnumerable<string> known, string what)
    {
        var scored = new List<(int Distance, string Name)>();
        var all = new List<string>();
        foreach (string candidate in known)
        {
            all.Add(candidate);
            int distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            bool close = distance <= Math.Max(2, candidate.Length / 3)
                || (name.Length >= 3 && candidate.Contains(name, StringComparison.OrdinalIgnoreCase));
            if (close)
            {
                scored.Add((distance, candidate));
            }
        }

        if (scored.Count > 0)
        {
            scored.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : string.CompareOrdinal(a.Name, b.Name));
            return $"Did you mean {string.Join(" or ", scored.Take(3).Select(s => $"'{s.Name}'"))}?";
        }

        all.Sort(StringComparer.Ordinal);
        return all.Count == 0 ? $"No {what} is known." : $"Known {what}: {string.Join(", ", all)}.";
    }

    /// <summary>Levenshtein distance, capped so hostile input stays cheap.</summary>
    private static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue / 2;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
