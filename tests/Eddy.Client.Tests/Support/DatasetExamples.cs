using Eddy.Base;
using Eddy.Datasets;

namespace Eddy.Client.Tests.Support;

/// <summary>River's datasets as client examples.</summary>
internal static class DatasetExamples
{
    public static Example Features(Dataset data, int row)
    {
        var x = new Example(data.FeatureNames.Count);
        for (int f = 0; f < data.FeatureNames.Count; f++)
        {
            if (data.IsPresent(row, f))
            {
                x[data.FeatureNames[f]] = data.FeatureKinds[f] == ColumnKind.Category ? data.CategoryAt(row, f) : data.NumberAt(row, f);
            }
        }

        return x;
    }

    public static EddyValue Label(Dataset data, int row)
    {
        Eddy.Base.Label y = data.Target(row);
        return y.Kind switch
        {
            LabelKind.Boolean => y == Eddy.Base.Label.True,
            LabelKind.Text => y.Text,
            _ => y.ToDouble(),
        };
    }

    public static IEnumerable<LearnItem> Learns(Dataset data, int count)
    {
        for (int row = 0; row < count; row++)
        {
            yield return LearnItem.Of(Features(data, row), Label(data, row));
        }
    }
}
