namespace Eddy.Datasets;

/// <summary>
/// The change points that the Turing change-point benchmark's annotators marked on River's change-point datasets, as
/// River ships them (<c>ChangePointFileDataset.annotations</c>): per annotator id, 0-based row indices of
/// <see cref="DriftDatasets"/>' series. Annotators disagree, and some marked none.
/// </summary>
public static class ChangePointAnnotations
{
    /// <summary>River: <c>drift.datasets.AirlinePassengers().annotations</c>.</summary>
    public static IReadOnlyDictionary<string, int[]> AirlinePassengers() => new Dictionary<string, int[]>
    {
        ["6"] = [299], ["7"] = [], ["8"] = [302], ["9"] = [326, 382], ["10"] = [296],
    };

    /// <summary>River: <c>drift.datasets.Apple().annotations</c>.</summary>
    public static IReadOnlyDictionary<string, int[]> Apple() => new Dictionary<string, int[]>
    {
        ["6"] = [319], ["7"] = [319], ["8"] = [319], ["9"] = [53, 90, 197, 276, 319, 403, 463, 535], ["10"] = [319],
    };

    /// <summary>River: <c>drift.datasets.Bitcoin().annotations</c>.</summary>
    public static IReadOnlyDictionary<string, int[]> Bitcoin() => new Dictionary<string, int[]>
    {
        ["6"] = [502, 580, 702, 747],
        ["8"] = [583],
        ["12"] = [597],
        ["13"] = [522, 579, 591, 629, 703, 747, 760],
        ["14"] = [93, 522, 540, 701, 747, 760, 772],
    };

    /// <summary>River: <c>drift.datasets.BrentSpotPrice().annotations</c>.</summary>
    public static IReadOnlyDictionary<string, int[]> BrentSpotPrice() => new Dictionary<string, int[]>
    {
        ["6"] = [219, 230, 288],
        ["8"] = [227, 381],
        ["9"] = [86, 219, 230, 279, 375],
        ["12"] = [169, 172, 217, 228, 287, 368, 382, 389, 409],
        ["13"] = [170, 180, 219, 229, 246, 271, 286, 379, 409, 444, 483],
    };

    /// <summary>River: <c>drift.datasets.Occupancy().annotations</c>.</summary>
    public static IReadOnlyDictionary<string, int[]> Occupancy() => new Dictionary<string, int[]>
    {
        ["6"] = [238, 416],
        ["8"] = [53, 143, 238, 417],
        ["9"] = [53, 92, 142, 181, 236, 264, 341, 416, 436, 451, 506],
        ["10"] = [1, 52, 91, 142, 181, 234, 267, 324, 360, 416, 451, 506],
        ["12"] = [234, 415],
    };

    /// <summary>River: <c>drift.datasets.RunLog().annotations</c>.</summary>
    public static IReadOnlyDictionary<string, int[]> RunLog() => new Dictionary<string, int[]>
    {
        ["6"] = [60, 96, 114, 174, 204, 240, 258, 317],
        ["7"] = [60, 96, 114, 177, 204, 240, 258, 317],
        ["8"] = [60, 96, 114, 174, 204, 240, 258, 317],
        ["10"] = [2, 60, 96, 114, 174, 204, 240, 258, 317],
        ["12"] = [],
    };

    /// <summary>River: <c>drift.datasets.UKCoalEmploy().annotations</c>.</summary>
    public static IReadOnlyDictionary<string, int[]> UKCoalEmploy() => new Dictionary<string, int[]>
    {
        ["6"] = [15, 28, 45, 60, 68, 80],
        ["7"] = [18, 47, 81],
        ["8"] = [],
        ["9"] = [15, 27, 46, 68, 81],
        ["13"] = [19, 28, 45, 68, 80],
    };

    /// <summary>
    /// River's <c>"majority"</c> aggregation: the points more than half of the annotators marked, ascending.
    /// </summary>
    public static int[] Majority(IReadOnlyDictionary<string, int[]> annotations)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        var votes = new SortedDictionary<int, int>();
        foreach (int[] points in annotations.Values)
        {
            foreach (int point in points)
            {
                votes[point] = votes.GetValueOrDefault(point) + 1;
            }
        }

        var majority = new List<int>();
        foreach (KeyValuePair<int, int> vote in votes)
        {
            if (vote.Value > annotations.Count / 2.0)
            {
                majority.Add(vote.Key);
            }
        }

        return [.. majority];
    }
}
