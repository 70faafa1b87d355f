using Eddy.Datasets;
using Eddy.Datasets.Synth;

namespace Eddy.Tests.Datasets.Synth;

public sealed class SyntheticDatasetsTests
{
    [Theory]
    [InlineData("Agrawal", "Agrawal", 9)]
    [InlineData("synth.agrawal", "Agrawal", 9)]
    [InlineData("SEA", "SEA", 3)]
    [InlineData("hyperplane", "Hyperplane", 10)]
    [InlineData("RandomRBF", "RandomRBF", 10)]
    [InlineData("random-rbf-drift", "RandomRBFDrift", 10)]
    [InlineData("LED", "LED", 7)]
    [InlineData("LEDDrift", "LEDDrift", 7)]
    [InlineData("sine", "Sine", 2)]
    [InlineData("STAGGER", "STAGGER", 3)]
    [InlineData("ConceptDriftStream", "ConceptDriftStream", 9)]
    public void ByName_SyntheticName_DefaultGeneratorCut(string name, string expected, int features)
    {
        Dataset data = RiverDatasets.ByName(name);
        Assert.Equal(expected, data.Name);
        Assert.Equal(SyntheticDatasets.DefaultCount, data.Count);
        Assert.Equal(features, data.FeatureNames.Count);
    }

    [Fact]
    public void Agrawal_IsTheSeededDefaultStream()
    {
        Dataset named = SyntheticDatasets.Agrawal();
        Dataset direct = new Agrawal(seed: SyntheticDatasets.DefaultSeed).Take(SyntheticDatasets.DefaultCount);
        for (int r = 0; r < named.Count; r += 997)
        {
            Assert.Equal(direct.Target(r), named.Target(r));
            Assert.Equal(direct.NumberAt(r, 0), named.NumberAt(r, 0));
        }
    }

    [Fact]
    public void Names_ListTheGenerators()
    {
        Assert.Contains("synth.agrawal", RiverDatasets.Names);
        Assert.Contains("synth.concept_drift_stream", RiverDatasets.Names);
        Assert.Equal(10, RiverDatasets.Names.Count(n => n.StartsWith("synth.", StringComparison.Ordinal)));
    }
}
