using Eddy.Base;

namespace Eddy.Trees;

/// <summary>Python's <c>sorted(classes)</c>: numbers (and booleans) by value, strings by code point, numbers first.</summary>
internal static class ClassOrder
{
    /// <summary>Class indices in sorted label order, and each class index's rank in it.</summary>
    public static (int[] Sorted, int[] Rank) Sort(ClassTable classes)
    {
        int[] sorted = new int[classes.Count];
        for (int i = 0; i < sorted.Length; i++)
        {
            sorted[i] = i;
        }

        Array.Sort(sorted, (a, b) => Compare(classes[a], classes[b]));
        int[] rank = new int[sorted.Length];
        for (int r = 0; r < sorted.Length; r++)
        {
            rank[sorted[r]] = r;
        }

        return (sorted, rank);
    }

    public static int Compare(Label a, Label b)
    {
        if (a.IsNumeric && b.IsNumeric)
        {
            return a.ToDouble().CompareTo(b.ToDouble());
        }

        if (a.IsNumeric != b.IsNumeric)
        {
            return a.IsNumeric ? -1 : 1;
        }

        return string.CompareOrdinal(a.Text, b.Text);
    }
}
