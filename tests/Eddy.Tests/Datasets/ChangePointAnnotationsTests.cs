using Eddy.Datasets;

namespace Eddy.Tests.Datasets;

public sealed class ChangePointAnnotationsTests
{
    public static TheoryData<string> Names => ["AirlinePassengers", "Apple", "Bitcoin", "BrentSpotPrice", "Occupancy", "RunLog", "UKCoalEmploy"];

    [Theory]
    [MemberData(nameof(Names))]
    public void Annotations_EveryPoint_IsARowOfItsDataset(string name)
    {
        (IReadOnlyDictionary<string, int[]> annotations, Dataset dataset) = name switch
        {
            "AirlinePassengers" => (ChangePointAnnotations.AirlinePassengers(), DriftDatasets.AirlinePassengers()),
            "Apple" => (ChangePointAnnotations.Apple(), DriftDatasets.Apple()),
            "Bitcoin" => (ChangePointAnnotations.Bitcoin(), DriftDatasets.Bitcoin()),
            "BrentSpotPrice" => (ChangePointAnnotations.BrentSpotPrice(), DriftDatasets.BrentSpotPrice()),
            "Occupancy" => (ChangePointAnnotations.Occupancy(), DriftDatasets.Occupancy()),
            "RunLog" => (ChangePointAnnotations.RunLog(), DriftDatasets.RunLog()),
            _ => (ChangePointAnnotations.UKCoalEmploy(), DriftDatasets.UKCoalEmploy()),
        };

        Assert.Equal(5, annotations.Count);
        Assert.All(annotations.Values.SelectMany(p => p), p => Assert.InRange(p, 0, dataset.Count - 1));
    }

    [Fact]
    public void Majority_MoreThanHalfOfAnnotators()
    {
        Assert.Equal([319], ChangePointAnnotations.Majority(ChangePointAnnotations.Apple()));
        Assert.Equal([68], ChangePointAnnotations.Majority(ChangePointAnnotations.UKCoalEmploy()));
        Assert.Empty(ChangePointAnnotations.Majority(ChangePointAnnotations.AirlinePassengers()));
    }
}
